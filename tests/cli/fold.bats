load helpers

# Issue 18 item 9: the copies sync programs and merge tools leave are never people; kith fold
# merges one into its original.

SYNCTHING='contacts/ada-lovelace.sync-conflict-20261201-101010-ABCDEFG.yaml'

# Copies of several people in the shapes each program makes them.
make_copies() {
    cp contacts/ada-lovelace.yaml "$SYNCTHING"
    cp contacts/grace-hopper.yaml 'contacts/grace-hopper (conflicted copy 2026-12-01).yaml'
    cp contacts/grace-hopper.yaml "contacts/grace-hopper (Sam's conflicted copy 2026-12-01).yaml"
    cp contacts/mei-chen.yaml 'contacts/mei-chen (conflicted copy 2026-12-01 101010).yaml'
    cp contacts/omar-haddad.yaml contacts/omar-haddad-DESKTOP-AB12CDE.yaml
    cp contacts/lena-fischer.yaml contacts/lena-fischer_conflict-20261201-101010.yaml
    cp contacts/kwame-mensah.yaml 'contacts/kwame-mensah 2.yaml'
    cp contacts/tom-becker.yaml contacts/tom-becker.yaml.orig
    printf -- '--- a/contacts/tom-becker.yaml\n+++ b/contacts/tom-becker.yaml\n' > contacts/tom-becker.yaml.rej
    cp contacts/priya-shah.yaml archive/priya-shah.sync-conflict-20261130-080000-XYZ1234.yaml
}

@test "conflict copies are never read as people: list leaves them out, check reports each, other commands warn" {
    mkdir -p archive
    make_copies
    # People whose slug is another's with more after it stay people, kith's own numbered slugs too.
    printf 'name: Mary\n' > contacts/mary.yaml
    printf 'name: Mary Jane\n' > contacts/mary-jane.yaml
    printf 'name: Mary\n' > contacts/mary-2.yaml
    printf 'name: Omar Haddad\n' > contacts/omar-haddad-jr.yaml
    run --separate-stderr kith list --format tsv
    assert_success
    run -0 sort <<<"$(cut -f1 <<<"$output")"
    assert_output "$(printf 'ada-lovelace\ngrace-hopper\njose-nunez\nkwame-mensah\nlena-fischer\nlinus-okafor\nmary\nmary-2\nmary-jane\nmei-chen\nomar-haddad\nomar-haddad-jr\npriya-shah\nsofia-rossi\ntom-becker\n山田-太郎\nslug' | sort)"
    for command in "list" "due" "tier" "find analytical" "show grace" "list --archived"; do
        run -0 --separate-stderr kith $command
        [[ "$stderr" == *"warning: $SYNCTHING: a conflict copy of contacts/ada-lovelace.yaml made by Syncthing; it is not read as a person: fold it into that file with 'kith fold $SYNCTHING'"* ]] ||
            { echo "$command: $stderr"; false; }
        [ "$(grep -c "conflict copy" <<<"$stderr")" -ge 8 ] || { echo "$command: $stderr"; false; }
    done
    run --separate-stderr kith check
    assert_failure 3
    for copy in "$SYNCTHING" 'contacts/grace-hopper (conflicted copy 2026-12-01).yaml' \
        "contacts/grace-hopper (Sam's conflicted copy 2026-12-01).yaml" 'contacts/mei-chen (conflicted copy 2026-12-01 101010).yaml' \
        contacts/omar-haddad-DESKTOP-AB12CDE.yaml contacts/lena-fischer_conflict-20261201-101010.yaml 'contacts/kwame-mensah 2.yaml' \
        contacts/tom-becker.yaml.orig archive/priya-shah.sync-conflict-20261130-080000-XYZ1234.yaml; do
        assert_line --partial "$copy: a conflict copy of"
    done
    assert_line --partial 'contacts/tom-becker.yaml.rej: the rejected hunks of a patch to contacts/tom-becker.yaml'
    [ "${#lines[@]}" = 10 ]
    # A copy's name is no person's slug either.
    run --separate-stderr kith show ada-lovelace.sync-conflict-20261201-101010-ABCDEFG
    assert_failure 2
}

@test "a OneDrive-shaped name is a copy only beside its original and naming the same person" {
    printf 'name: Someone Else\n' > contacts/ada-lovelace-LAPTOP.yaml
    cp contacts/grace-hopper.yaml contacts/nobody-DESKTOP-X1.yaml
    run --separate-stderr kith list --format tsv
    assert_success
    assert_line --partial 'ada-lovelace-LAPTOP'
    assert_line --partial 'nobody-DESKTOP-X1'
    [[ "$stderr" != *"conflict copy"* ]]
}

@test "fold merges a copy into its original against git's HEAD, in one change, and removes the copy" {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org GIT_COMMITTER_NAME=Tester
    export GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    kith init --git . 2>/dev/null
    git add -A && git commit -qm "the network"
    cp contacts/ada-lovelace.yaml "$SYNCTHING"
    printf '  - {date: 2026-11-20, kind: call, note: on the laptop}   # synced late\n' >> "$SYNCTHING"
    sed -i 's/^tags: \[mentor, london\]$/tags: [mentor, london]   # from the laptop/' "$SYNCTHING"
    kith log ada -k coffee --date 2026-11-25 -m "on this machine"
    run --separate-stderr kith fold "$SYNCTHING"
    assert_success
    [[ "$stderr" == *"folded $SYNCTHING into contacts/ada-lovelace.yaml; removed the copy"* ]]
    [ ! -e "$SYNCTHING" ]
    run -0 cat contacts/ada-lovelace.yaml
    assert_output --partial $'note: on the laptop}   # synced late\n  - {date: 2026-11-25, kind: coffee, note: on this machine}'
    assert_output --partial 'tags: [mentor, london]   # from the laptop'
    run --separate-stderr kith check
    assert_success
}

@test "fold without a common version marks where they differ in the original and keeps the copy" {
    cp contacts/ada-lovelace.yaml 'contacts/ada-lovelace (conflicted copy 2026-12-01).yaml'
    sed -i 's/^title: .*/title: Head of Analysis/' 'contacts/ada-lovelace (conflicted copy 2026-12-01).yaml'
    run --separate-stderr kith fold 'contacts/ada-lovelace (conflicted copy 2026-12-01).yaml'
    assert_failure 1
    [[ "$stderr" == *"1 conflict with contacts/ada-lovelace (conflicted copy 2026-12-01).yaml left"* ]] || { echo "$stderr"; false; }
    grep -qx 'title: Head of Analysis' contacts/ada-lovelace.yaml
    grep -qx 'title: Lead Analyst' contacts/ada-lovelace.yaml
    grep -q '^<<<<<<<' contacts/ada-lovelace.yaml
    [ -e 'contacts/ada-lovelace (conflicted copy 2026-12-01).yaml' ]
}

@test "fold refuses what is no copy, a patch's rejected hunks, and a copy whose original is gone" {
    run --separate-stderr kith fold contacts/ada-lovelace.yaml
    assert_failure 2
    [[ "$stderr" == *"is no conflict copy"* ]]
    printf -- '--- a\n' > contacts/ada-lovelace.yaml.rej
    run --separate-stderr kith fold contacts/ada-lovelace.yaml.rej
    assert_failure 2
    [[ "$stderr" == *"apply them by hand"* ]]
    cp contacts/ada-lovelace.yaml contacts/ghost.sync-conflict-20261201-101010-ABCDEFG.yaml
    run --separate-stderr kith fold contacts/ghost.sync-conflict-20261201-101010-ABCDEFG.yaml
    assert_failure 2
    [[ "$stderr" == *"(which is not there)"*"rename it to contacts/ghost.yaml"* ]]
    run --separate-stderr kith fold kith.yaml
    assert_failure 2
}
