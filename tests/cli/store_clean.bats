# Issue 18, item 11: a change killed half-way (one file renamed, the other still staged), then
# `git clean -fd`, `git stash -u` or deleting .kith/. The staged temp file beside the contact is
# gone or the record is, but each has a second name where that way does not reach (.kith/staged-*,
# ignored by git; .kith-intent, outside .kith/): the next kith finishes the change on both
# people. When every copy of a staged text is gone, the step is lost, and kith says so (exit 3).
load store_helpers

# Puts the network in git, everything committed: what git clean and stash see untracked is kith's.
in_git() {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    printf '.kith/\n' > .gitignore
    git init -q && git add -A && git commit -qm seed
}

# Kills `kith introduce kwame priya` after its first rename: Kwame has the introduction, Priya's
# text is staged.
killed_half_way() {
    run env KITH_TEST_CRASH_AT=apply-2 "$KITH" introduce kwame priya -m "half done"
    [ "$status" -eq 137 ]
    [ "$(count 'with: priya' contacts/kwame-mensah.yaml)" = 1 ]
    [ "$(count 'with: kwame' contacts/priya-shah.yaml)" = 0 ]
}

# Asserts that the next kith finished the introduction on both people, and left nothing behind.
finished_on_both() {
    run kith list
    assert_success
    [ "$(count 'with: priya' contacts/kwame-mensah.yaml)" = 1 ]
    [ "$(count 'with: kwame' contacts/priya-shah.yaml)" = 1 ]
    [ ! -e .kith/intent ] && [ ! -e .kith-intent ]
    [ -z "$(temps_left)" ]
    [ -z "$(find .kith -name 'staged-*')" ]
}

@test "killed half-way, then git clean -fd took the staged temp file: the next kith finishes both" {
    need_hooks
    in_git
    killed_half_way
    git clean -fdq
    [ -z "$(find contacts -name '.priya-shah.yaml.*')" ]   # the staged temp file is gone
    finished_on_both
}

@test "killed half-way, then git stash -u: the next kith finishes both, all or nothing" {
    need_hooks
    in_git
    killed_half_way
    git stash -u -q
    [ -z "$(find contacts -name '.priya-shah.yaml.*')" ]
    finished_on_both
}

@test "killed half-way, then .kith/ deleted (the README calls it safe): the next kith finishes both" {
    need_hooks
    killed_half_way
    rm -rf .kith
    finished_on_both
}

@test "killed half-way, then every copy of the staged text gone: the step is lost, and kith names the person (exit 3)" {
    need_hooks
    in_git
    killed_half_way
    git clean -fdq
    rm -f .kith/staged-*
    run --separate-stderr kith list
    assert_failure 3
    [[ "$stderr" == *"contacts/priya-shah.yaml: kith's change to this file is lost"*"git clean"*"make this change again"* ]] ||
        { echo "$stderr"; false; }
    [ ! -e .kith/intent ]
    run kith list   # said once
    assert_success
    kith introduce kwame priya -m again --again >/dev/null   # and the change can be made again
    [ "$(count 'with: kwame' contacts/priya-shah.yaml)" = 1 ]
}
