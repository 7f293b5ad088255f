load store_helpers

# Moves a folder of the network outside it and leaves a link in its place.
link_out() {
    mkdir -p "$BATS_TEST_TMPDIR/outside"
    [ -e "$1" ] && mv "$1" "$BATS_TEST_TMPDIR/outside/$1" || mkdir -p "$BATS_TEST_TMPDIR/outside/$1"
    ln -s "$BATS_TEST_TMPDIR/outside/$1" "$1"
}

# Prints a listing of everything outside the network, to compare before and after.
outside() { (cd "$BATS_TEST_TMPDIR/outside" && find . -printf '%p %s %T@\n' | sort); }

@test "a contacts/ linked out of the folder is refused, named, and nothing outside is read or written" {
    link_out contacts
    before=$(outside)
    run kith list
    assert_failure 3
    assert_output --partial "contacts: is a link that leads out of the network folder"
    refute_output --partial "Ada"
    run kith add "New Person"
    assert_failure 3
    [ "$(outside)" = "$before" ]
}

@test "an archive/ linked out of the folder is refused and the person stays in contacts/" {
    link_out archive
    before=$(outside)
    run kith archive tom
    assert_failure 3
    assert_output --partial "archive: is a link that leads out"
    [ -f contacts/tom-becker.yaml ]
    [ "$(outside)" = "$before" ]
}

@test "a .kith/ linked out of the folder is refused by writers and nothing is made outside" {
    link_out .kith
    before=$(outside)
    run kith log ada grace -m "two people"
    assert_failure 3
    assert_output --partial ".kith: is a link that leads out"
    [ "$(outside)" = "$before" ]
    [ "$(count 'two people' contacts/ada-lovelace.yaml)" = 0 ]
}

@test "a contact file linked out of the folder is neither read nor written" {
    mkdir -p "$BATS_TEST_TMPDIR/outside"
    printf 'name: Outsider\n' > "$BATS_TEST_TMPDIR/outside/out.yaml"
    ln -s "$BATS_TEST_TMPDIR/outside/out.yaml" contacts/outsider.yaml
    run kith list --format tsv
    assert_failure 3
    assert_output --partial "contacts/outsider.yaml: is a link that leads out"
    run kith log outsider -m x
    assert_failure
    [ "$(cat "$BATS_TEST_TMPDIR/outside/out.yaml")" = "name: Outsider" ]
}

@test "a relative link that climbs out with .. is refused too" {
    mkdir -p "$BATS_TEST_TMPDIR/outside"
    cp contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/outside/ada.yaml"
    ln -s ../../outside/ada.yaml contacts/climber.yaml
    run kith log climber -m x
    assert_failure
    assert_output --partial "contacts/climber.yaml: is a link that leads out"
    [ "$(count 'note: x' "$BATS_TEST_TMPDIR/outside/ada.yaml")" = 0 ]
}

@test "writing through a link that stays inside updates its target and keeps the link" {
    mkdir people
    mv contacts/omar-haddad.yaml people/
    ln -s ../people/omar-haddad.yaml contacts/omar-haddad.yaml
    run kith log omar -m "through the link"
    assert_success
    [ -L contacts/omar-haddad.yaml ]
    [ "$(count 'through the link' people/omar-haddad.yaml)" = 1 ]
}

@test "a contacts/ that is a link inside the folder works for reading and writing" {
    mv contacts people
    ln -s people contacts
    run kith log ada -m "via a linked folder"
    assert_success
    [ -L contacts ]
    [ "$(count 'via a linked folder' people/ada-lovelace.yaml)" = 1 ]
}

# From red-teaming: a write through a link inside the folder puts its temp file beside the
# target, wherever that lies; the cleanup and check look there too.
# contacts/ada-lovelace.yaml is a link to ../people/ada-lovelace.yaml: a link that stays inside the
# folder, which kith follows (README: "writing through it updates its target").
linked_ada() {
    mkdir -p people
    mv contacts/ada-lovelace.yaml people/ada-lovelace.yaml
    ln -s ../people/ada-lovelace.yaml contacts/ada-lovelace.yaml
}

@test "a SIGKILL leaves a temp file beside a linked contact's target: the next write removes it" {
    need_hooks
    linked_ada
    # rename edits grace-hopper.yaml and ada-lovelace.yaml (introduced_by: grace-hopper); with
    # no text held, both temp files are written when staged, the second one in people/.
    for step in temp-1 prepared; do
        run env KITH_TEST_HELD_TEXT_BYTES=0 KITH_TEST_CRASH_AT="$step" "$KITH" rename "Grace Hopper" "Grace B Hopper"
        [ "$status" -eq 137 ] || { echo "step $step: exit $status, not killed" >&2; false; }
        kith log tom -m "the next writer" >/dev/null
        [ -z "$(temps_left)" ] || { echo "killed at $step, after the next write: $(temps_left)" >&2; false; }
    done
}

@test "a SIGKILL leaves a temp file beside a linked contact's target: kith check reports it until then" {
    need_hooks
    linked_ada
    run env KITH_TEST_HELD_TEXT_BYTES=0 KITH_TEST_CRASH_AT=temp-1 "$KITH" rename "Grace Hopper" "Grace B Hopper"
    [ "$status" -eq 137 ]
    local left
    left=$(find people -name '.ada-lovelace.yaml.??????' -type f)
    [ -n "$left" ]   # the crash did leave one there
    run -3 kith check
    assert_output --partial "$left: a temp file left by an interrupted write"
}

@test "a temp file beside a linked target at the network's root is removed too; look-alike hidden files stay" {
    need_hooks
    mv contacts/ada-lovelace.yaml ada.yaml
    ln -s ../ada.yaml contacts/ada-lovelace.yaml
    touch .ada.yaml.backup .ada.yaml.abcdef .ada.yaml.ABC123   # not names kith makes
    run env KITH_TEST_HELD_TEXT_BYTES=0 KITH_TEST_CRASH_AT=temp-1 "$KITH" rename "Grace Hopper" "Grace B Hopper"
    [ "$status" -eq 137 ]
    kiths_temps() { find . -maxdepth 1 -name '.ada.yaml.??????' ! -name '.ada.yaml.backup' ! -name '.ada.yaml.abcdef' ! -name '.ada.yaml.ABC123'; }
    [ -n "$(kiths_temps)" ]   # the crash left one at the root
    run -3 kith check
    assert_output --partial "$(kiths_temps | sed 's|^\./||'): a temp file left by an interrupted write"
    kith log tom -m "the next writer" >/dev/null
    [ -z "$(kiths_temps)" ]
    [ -z "$(find contacts -name '.*')" ]
    [ -e .ada.yaml.backup ] && [ -e .ada.yaml.abcdef ] && [ -e .ada.yaml.ABC123 ]
}

@test "a contact file linked into .git/ (any case) is neither read nor written: kith never enters git's folder" {
    mkdir -p .git/info
    cp contacts/ada-lovelace.yaml .git/info/person.yaml
    cp .git/info/person.yaml "$BATS_TEST_TMPDIR/person.before"
    ln -s ../.git/info/person.yaml contacts/insider.yaml
    ln -s ../.GIT/info/person.yaml contacts/upper.yaml
    run kith list --format tsv
    assert_failure 3
    assert_output --partial "contacts/insider.yaml: leads into .git/, git's own folder"
    assert_output --partial "contacts/upper.yaml: leads into .git/"
    run kith log insider -m "into git"
    assert_failure
    cmp .git/info/person.yaml "$BATS_TEST_TMPDIR/person.before"
    run kith check
    assert_failure 3
    assert_output --partial "contacts/insider.yaml: leads into .git/"
}
