# kith rename: a new name and slug, and every reference to the old slug, all or nothing.
load helpers

@test "rename changes name and file, keeps the old name in aka, and updates introduced_by" {
    run --separate-stderr kith rename grace "Grace Brewster Hopper"
    assert_success
    assert_equal "$stderr" "renamed Grace Hopper to Grace Brewster Hopper (contacts/grace-brewster-hopper.yaml); updated 1 other file"
    [ ! -e contacts/grace-hopper.yaml ]
    run kith show grace-brewster-hopper
    assert_success
    grep -q '^name: Grace Brewster Hopper$' contacts/grace-brewster-hopper.yaml
    grep -q 'Grace Hopper' contacts/grace-brewster-hopper.yaml
    grep -q '^introduced_by: grace-brewster-hopper$' contacts/ada-lovelace.yaml
    grep -q 'nickname: Amazing Grace   # a key kith does not know' contacts/grace-brewster-hopper.yaml
    run kith check
    assert_success
    # The old name still finds her.
    run --separate-stderr kith show "Grace Hopper"
    assert_success
}

@test "rename rewrites with: in other people's logs, touching only that value" {
    kith introduce ada omar -m "data" >/dev/null 2>&1
    snapshot ada-lovelace
    run --separate-stderr kith rename omar "Omar Al-Haddad"
    assert_success
    run -0 changes ada-lovelace
    assert_output "< - {date: 2026-11-28, kind: intro, with: omar-haddad, note: data}
> - {date: 2026-11-28, kind: intro, with: omar-al-haddad, note: data}" || {
        # the intro line's exact shape is introduce's; what matters is the slug
        grep -q 'with: omar-al-haddad' contacts/ada-lovelace.yaml
        ! grep -q 'omar-haddad' contacts/ada-lovelace.yaml
    }
    ! grep -rq 'omar-haddad' contacts/ kith.yaml
    run kith check
    assert_success
}

@test "rename refuses a slug that exists, and writes nothing" {
    cp -r contacts "$BATS_TEST_TMPDIR/before"
    run --separate-stderr kith rename grace "Ada Lovelace"
    assert_failure 2
    assert_equal "$stderr" "kith: error: contacts/ada-lovelace.yaml exists already; pick another file name with --slug"
    diff -r contacts "$BATS_TEST_TMPDIR/before"
}

@test "rename to a name with the same slug changes only the name" {
    run --separate-stderr kith rename grace "grace hopper" --no-aka
    assert_success
    grep -q '^name: grace hopper$' contacts/grace-hopper.yaml
    ! grep -q '^aka' contacts/grace-hopper.yaml
}

@test "rename --slug picks the file name" {
    run --separate-stderr kith rename tom "Thomas Becker" --slug tbecker
    assert_success
    [ -e contacts/tbecker.yaml ]
    run --separate-stderr kith rename ada X --slug 'bad slug'
    assert_failure 2
}

@test "rename in a network read in chunks updates every file that refers to the slug, and no other" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    mkdir "$big/archive"
    mv "$big/contacts/person-600.yaml" "$big/archive/"
    for who in contacts/person-1 contacts/person-698 archive/person-600; do echo "introduced_by: person-5" >> "$big/$who.yaml"; done
    echo "  - {date: 2026-01-02, kind: call, with: person-5, note: an intro}" >> "$big/contacts/person-99.yaml"
    echo "introduced_by: person-55" >> "$big/contacts/person-50.yaml"   # another slug that starts the same
    cp "$big/contacts/person-50.yaml" "$BATS_TEST_TMPDIR/person-50.before"
    printf 'name: [x\n' > "$big/contacts/person-97.yaml"
    old="$(sed -n 's/^name: //p' "$big/contacts/person-5.yaml")"
    run --separate-stderr kith -d "$big" rename person-5 "Fifth Person"
    assert_failure 3
    [ "$stderr" = "kith: error: contacts/person-97.yaml:1:7: this '[' is not closed: close it with ']' on its line (or, if it is text, quote the value: \"[...\")
renamed $old to Fifth Person (contacts/fifth-person.yaml); updated 4 other files" ]
    for who in contacts/person-1 contacts/person-698 archive/person-600; do grep -q '^introduced_by: fifth-person$' "$big/$who.yaml"; done
    grep -q 'with: fifth-person' "$big/contacts/person-99.yaml"
    cmp "$BATS_TEST_TMPDIR/person-50.before" "$big/contacts/person-50.yaml"
    [ ! -e "$big/contacts/person-5.yaml" ]
}

# Red team: the comment after the closing quote of a name that runs on over two lines went with
# the old value (a one-line "name: "Zed Test" # ..." keeps it).
@test "rename keeps the comment after a quoted name that runs on over lines" {
    printf 'name: "Zed\n  Test" # legal name, keep\ntier: core\n' > contacts/zed.yaml
    run --separate-stderr kith rename zed "Zed Other"
    if [ "$status" -eq 0 ]; then
        grep -qF '# legal name, keep' contacts/zed-other.yaml
        run kith check
        assert_success
    else
        assert_failure 3
        [ -f contacts/zed.yaml ]
    fi
}

# Red team (aside): the old name goes into aka with insert_item, which takes only block lists,
# so anyone whose aka is written as SPEC shows it ("aka: [Ada King]") cannot be renamed.
@test "rename keeps the old name in an aka written as a flow list" {
    run --separate-stderr kith rename ada "Ada B"
    assert_success
    grep -q 'Ada Lovelace' contacts/ada-b.yaml
    run kith check
    assert_success
}

# Red team: rename_references looks for 'with:' from the entry's first line to the next line that
# looks like an item, and takes a line of a quoted note ("      - at the lab\"") for one.
@test "rename rewrites with: in an entry whose quoted note runs on over a line like '- ...'" {
    printf 'name: Zed Test\nlog:\n  - note: "we met\n      - at the lab"\n    with: omar-haddad\n    date: 2026-01-01\n' > contacts/zed.yaml
    run --separate-stderr kith rename omar "Omar Al-Haddad"
    assert_success
    grep -qF 'with: omar-al-haddad' contacts/zed.yaml
    grep -qF '      - at the lab"' contacts/zed.yaml
}
