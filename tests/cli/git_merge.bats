load helpers
load git_helpers

# Issue 18: what arrives by git pull through kith's merge driver. $A and $B are two clones
# (autocommit on); Ada Lovelace is in both.

# Commits a hand edit made in clone $1.
commit_by_hand() { git -C "$1" commit -qam "by hand"; }

@test "comments added on the other clone reach the pull (own line, after a value, after and inside the log)" {
    git_setup
    (cd "$A" && kith log ada -k lunch --date 2026-11-20 -m "lunch in A" && kith log ada -k call --date 2026-11-21)
    sed -i -e 's/^tags: \[london\]$/tags: [london]   # from the conference/' \
        -e 's/^tier: core$/# never call before 10am\ntier: core/' \
        -e 's/^\(  - {date: 2026-11-20.*}\)$/\1   # at the pub\n  # she paid/' "$A/contacts/ada-lovelace.yaml"
    commit_by_hand "$A"
    (cd "$B" && kith log ada -k video --date 2026-11-25 -m "video in B" && kith follow ada 2026-12-10 "send slides")
    run git -C "$B" pull -q --no-edit "$A" main
    assert_success
    run -0 cat "$B/contacts/ada-lovelace.yaml"
    assert_output --partial $'# never call before 10am\ntier: core\n'
    assert_output --partial 'tags: [london]   # from the conference'
    assert_output --partial $'lunch in A}   # at the pub\n  # she paid\n  - {date: 2026-11-21, kind: call}\n  - {date: 2026-11-25, kind: video, note: video in B}'
    assert_output --partial 'send slides'
    run --separate-stderr kith -d "$B" check
    assert_success
}

@test "a comment the other clone added on a line this one changed is marked, never dropped" {
    git_setup
    sed -i 's/^tier: core$/tier: core   # my boss/' "$A/contacts/ada-lovelace.yaml"
    commit_by_hand "$A"
    (cd "$B" && kith tier ada close)
    run git -C "$B" pull -q --no-edit "$A" main
    assert_failure
    run -0 cat "$B/contacts/ada-lovelace.yaml"
    assert_output --partial $'<<<<<<< ours\ntier: close\n=======\ntier: core   # my boss\n>>>>>>> theirs\n'
}

@test "a quoting change and a re-indented text the values do not show reach the pull" {
    git_setup
    sed -i 's/^since:/title: "Lead Analyst"\nnotes: |\n  Likes tea.\n  Ask about chess.\nsince:/' "$B/contacts/ada-lovelace.yaml"
    commit_by_hand "$B"
    git -C "$A" pull -q --no-edit "$B" main
    sed -i -e "s/^title: \"Lead Analyst\"$/title: 'Lead Analyst'/" -e 's/^  \(Likes tea.\|Ask about chess.\)$/    \1/' \
        "$B/contacts/ada-lovelace.yaml"
    commit_by_hand "$B"
    (cd "$A" && kith log ada -k video --date 2026-11-22)
    run git -C "$A" pull -q --no-edit "$B" main
    assert_success
    run -0 cat "$A/contacts/ada-lovelace.yaml"
    assert_output --partial "title: 'Lead Analyst'"
    assert_output --partial $'notes: |\n    Likes tea.\n    Ask about chess.\n'
    assert_output --partial '2026-11-22'
}

@test "two clones that each add a different John Smith: the pull is a conflict, never one merged person" {
    git_setup
    (cd "$A" && kith add "John Smith" --email john@acme.example --org Acme)
    (cd "$B" && kith add "John Smith" --phone "+1 555 0100" --title Plumber)
    run git -C "$B" pull -q --no-edit "$A" main
    assert_failure
    grep -q '^<<<<<<< ours' "$B/contacts/john-smith.yaml"
    grep -q 'john@acme.example' "$B/contacts/john-smith.yaml"
    grep -q '+1 555 0100' "$B/contacts/john-smith.yaml"
    run --separate-stderr kith -d "$B" check
    assert_failure 3
    [[ "$output" == *"contacts/john-smith.yaml"*"unresolved merge conflict"* ]]
}

@test "init --git run from PATH configures git's merge driver as this kith's absolute path" {
    mkdir -p "$BATS_TEST_TMPDIR/bin"
    ln -s "$KITH" "$BATS_TEST_TMPDIR/bin/kith"
    command -v git >/dev/null || skip "git is not installed"
    PATH="$BATS_TEST_TMPDIR/bin:$PATH" command kith init --git "$BATS_TEST_TMPDIR/fresh" 2>/dev/null
    run -0 git -C "$BATS_TEST_TMPDIR/fresh" config merge.kith.driver
    assert_output "$(readlink -f "$KITH") merge-file %O %A %B -p %P"
}

# The driver as kith wrote it before: a bare 'kith', which cron, a GUI or an IDE may not find.
@test "a pull whose driver git cannot run: every command reports the file, merge-file --redo repairs it" {
    git_setup
    PATH=/usr/bin:/bin type -P kith >/dev/null && skip "a kith on the system PATH would run"
    (cd "$A" && kith log ada -k lunch --date 2026-11-20 -m "lunch in A" && kith follow ada 2026-12-10 "paper from A")
    (cd "$B" && kith log ada -k call --date 2026-11-25 -m "call in B")
    git -C "$B" config merge.kith.driver 'kith merge-file %O %A %B -p %P'
    run env PATH=/usr/bin:/bin git -C "$B" pull -q --no-edit "$A" main
    assert_failure
    ! grep -q '<<<<<<<' "$B/contacts/ada-lovelace.yaml"
    ! grep -q 'lunch in A' "$B/contacts/ada-lovelace.yaml"
    cd "$B"
    for command in "list" "due" "show ada" "tier ada" "find call"; do
        run --separate-stderr kith $command
        assert_failure 3
        [[ "$stderr" == *"contacts/ada-lovelace.yaml: git holds it unmerged"*"kith merge-file --redo contacts/ada-lovelace.yaml"* ]] ||
            { echo "$command: $stderr"; false; }
    done
    run --separate-stderr kith check
    assert_failure 3
    assert_line --partial 'contacts/ada-lovelace.yaml: git holds it unmerged'
    [[ "$stderr" == *"git's merge driver ran 'kith', which git finds only where PATH has it"*"it now runs $(readlink -f "$KITH")"* ]]
    run -0 git config merge.kith.driver
    assert_output "$(readlink -f "$KITH") merge-file %O %A %B -p %P"
    run --separate-stderr kith merge-file --redo contacts/ada-lovelace.yaml
    assert_success
    grep -q 'lunch in A' contacts/ada-lovelace.yaml
    grep -q 'paper from A' contacts/ada-lovelace.yaml
    grep -q 'call in B' contacts/ada-lovelace.yaml
    run -0 git ls-files -u
    assert_output ''
    git commit -q --no-edit
    run --separate-stderr kith check
    assert_success
}

@test "merge-file --redo refuses a file git does not hold unmerged, and a path outside the network's folders" {
    git_setup
    cd "$A"
    run --separate-stderr kith merge-file --redo contacts/ada-lovelace.yaml
    assert_failure 2
    [[ "$stderr" == *"no unmerged 'contacts/ada-lovelace.yaml'"* ]]
    run --separate-stderr kith merge-file --redo kith.yaml
    assert_failure 2
    [[ "$stderr" == *"no file of contacts/ or archive/"* ]]
}

@test "a driver path that is gone is pointed at this kith on the next write" {
    git_setup
    git -C "$A" config merge.kith.driver '/nowhere/kith merge-file %O %A %B -p %P'
    run --separate-stderr kith -d "$A" log ada -k call
    assert_success
    [[ "$stderr" == *"'/nowhere/kith', which is not there any more"* ]]
    run -0 git -C "$A" config merge.kith.driver
    assert_output "$(readlink -f "$KITH") merge-file %O %A %B -p %P"
    git -C "$A" config merge.kith.driver 'my-own-driver %O %A %B'
    run -0 --separate-stderr kith -d "$A" log ada -k call
    run -0 git -C "$A" config merge.kith.driver
    assert_output 'my-own-driver %O %A %B'
}
