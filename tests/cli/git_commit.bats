# Issue 18, items 15 and 22: autocommit commits kith's change alone (HEAD's file with kith's
# edit), never the user's uncommitted change to that file, staged or not; and kith's git works
# on the network's own repository whatever GIT_DIR, GIT_WORK_TREE or GIT_INDEX_FILE say.
load helpers

# The network in its own repository, autocommit on, everything committed.
git_network() {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    sed -i 's/^git: {autocommit: false}/git: {autocommit: true}/' kith.yaml
    grep -q 'autocommit: true' kith.yaml
    printf '.kith/\n' > .gitignore
    git init -q && git add -A && git commit -qm seed
}

@test "a change of the user's not staged stays out of kith's commit, and stays in the file" {
    git_network
    printf '# my own note, not committed\n' >> contacts/ada-lovelace.yaml
    run --separate-stderr kith log ada -k call -m "kith's entry"
    assert_success
    [[ "$stderr" == *"contacts/ada-lovelace.yaml holds a change of yours that is not committed"* ]] || { echo "$stderr"; false; }
    ! git show HEAD:contacts/ada-lovelace.yaml | grep -q 'my own note'
    grep -q 'my own note' contacts/ada-lovelace.yaml
    grep -q "kith's entry" contacts/ada-lovelace.yaml
    run -0 git log -1 --format=%s
    assert_output seed
}

@test "a change of the user's that is staged stays out of kith's commit, and stays staged" {
    git_network
    printf '# staged by me\n' >> contacts/ada-lovelace.yaml
    git add contacts/ada-lovelace.yaml
    staged=$(git rev-parse :contacts/ada-lovelace.yaml)
    run --separate-stderr kith log ada -k call -m "kith's entry"
    assert_success
    [[ "$stderr" == *"contacts/ada-lovelace.yaml holds a change of yours"* ]]
    ! git show HEAD:contacts/ada-lovelace.yaml | grep -q 'staged by me'
    [ "$(git rev-parse :contacts/ada-lovelace.yaml)" = "$staged" ]   # the user's staged version is kept
}

@test "in a change of several files, only the one holding the user's change is left out" {
    git_network
    printf '# mine\n' >> contacts/grace-hopper.yaml
    run --separate-stderr kith log ada grace -k meeting -m "both"
    assert_success
    run -0 git show --name-only --format=%s HEAD
    assert_output $'kith: log meeting with Ada Lovelace, Grace Hopper\n\ncontacts/ada-lovelace.yaml'
    ! git show HEAD:contacts/ada-lovelace.yaml | grep -q '# mine'
    [[ "$stderr" == *"contacts/grace-hopper.yaml holds a change of yours"* ]]
    run -0 git status --porcelain
    assert_output ' M contacts/grace-hopper.yaml'
}

@test "a file the user did not touch is committed as before: HEAD with kith's change" {
    git_network
    printf 'my notes\n' > notes.txt && git add notes.txt
    run --separate-stderr kith log ada -k call -m "kith's entry"
    assert_success
    [ -z "$stderr" ] || [[ "$stderr" != *"not committed"* ]]
    run -0 git show --name-only --format= HEAD
    assert_output contacts/ada-lovelace.yaml
    run -0 git status --porcelain
    assert_output 'A  notes.txt'
}

@test "an archive of a file holding the user's change leaves both halves of the move out" {
    git_network
    printf '# mine\n' >> contacts/tom-becker.yaml
    run --separate-stderr kith archive tom
    assert_success
    run -0 git log -1 --format=%s
    assert_output seed
    grep -q '# mine' archive/tom-becker.yaml
}

@test "GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE pointing elsewhere: autocommit commits into the network's repository" {
    git_network
    other="$BATS_TEST_TMPDIR/other"
    git init -q "$other" && git -C "$other" commit -q --allow-empty -m "other's only commit"
    export GIT_DIR="$other/.git" GIT_WORK_TREE="$other" GIT_INDEX_FILE="$other/.git/index"
    run --separate-stderr kith log ada -k call -m "into the network"
    assert_success
    run -0 env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C "$NET" log -1 --format=%s
    assert_output 'kith: log call with Ada Lovelace'
    run -0 env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C "$other" log --format=%s
    assert_output "other's only commit"
    run -0 env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C "$other" status --porcelain
    assert_output ''
}

@test "init --git and kith git work on the network's repository whatever GIT_DIR says" {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    other="$BATS_TEST_TMPDIR/other"
    git init -q "$other"
    GIT_DIR="$other/.git" GIT_WORK_TREE="$other" run --separate-stderr kith init --git "$BATS_TEST_TMPDIR/fresh"
    assert_success
    [ -d "$BATS_TEST_TMPDIR/fresh/.git" ]
    run -0 git -C "$BATS_TEST_TMPDIR/fresh" log --format=%s
    assert_output 'kith: init'
    run git -C "$other" config merge.kith.driver
    assert_failure
    GIT_DIR="$other/.git" run kith -d "$BATS_TEST_TMPDIR/fresh" git log --format=%s
    assert_success
    assert_output 'kith: init'
}
