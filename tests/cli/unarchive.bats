# kith unarchive: the undo of archive; archived people are named as such everywhere.
load helpers

@test "unarchive moves the file back, byte for byte" {
    snapshot tom-becker
    kith archive tom 2>/dev/null
    run --separate-stderr kith unarchive tom
    assert_success
    assert_equal "$stderr" "unarchived Tom Becker (contacts/tom-becker.yaml)"
    [ ! -e archive/tom-becker.yaml ]
    cmp contacts/tom-becker.yaml "$BATS_TEST_TMPDIR/tom-becker.before"
    run -0 --separate-stderr kith list --format tsv
    assert_output --partial tom-becker
}

@test "unarchive refuses when contacts/ has that slug, and writes nothing" {
    kith archive tom 2>/dev/null
    printf 'name: Tom Becker\n' > contacts/tom-becker.yaml
    run --separate-stderr kith unarchive tom-becker
    assert_failure 2
    assert_equal "$stderr" "kith: error: contacts/tom-becker.yaml exists already; rename the one there first (kith rename)"
    [ -e archive/tom-becker.yaml ]
    [ "$(cat contacts/tom-becker.yaml)" = "name: Tom Becker" ]
}

@test "unarchive of an active or unknown person is exit 2" {
    kith archive tom 2>/dev/null
    run kith unarchive ada
    assert_failure 2
    run kith unarchive nobody-here
    assert_failure 2
}

@test "log, show and add of an archived person say so and how to restore them" {
    kith archive tom 2>/dev/null
    snapshot_dir=$(ls archive)
    run --separate-stderr kith log tom -k call
    assert_failure 2
    assert_equal "$stderr" "kith: error: Tom Becker is archived (archive/tom-becker.yaml); restore them with 'kith unarchive tom-becker'"
    run --separate-stderr kith show tom
    assert_success
    assert_output --partial "kith unarchive tom-becker"
    run --separate-stderr kith add "Tom Becker"
    assert_failure 2
    assert_equal "$stderr" "kith: error: Tom Becker is archived (archive/tom-becker.yaml); restore them with 'kith unarchive tom-becker'"
    [ "$(ls archive)" = "$snapshot_dir" ]
}

@test "unarchive is committed as a rename with autocommit" {
    git init -q . && git add -A && git -c user.name=t -c user.email=t@e commit -qm base
    sed -i 's/autocommit: false/autocommit: true/' kith.yaml
    git add kith.yaml && git -c user.name=t -c user.email=t@e commit -qm auto
    export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@e GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@e
    kith archive tom 2>/dev/null
    kith unarchive tom 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: unarchive Tom Becker"
    run -0 git status --porcelain
    assert_output ""
}

@test "unarchive finds an archived person by name in a large network, and says what does not read" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    mkdir "$big/archive"
    mv "$big/contacts/person-650.yaml" "$big/contacts/person-651.yaml" "$big/archive/"
    printf 'name: [x\n' > "$big/contacts/person-97.yaml"
    name="$(sed -n 's/^name: //p' "$big/archive/person-651.yaml")"
    run --separate-stderr kith -d "$big" unarchive "$name"
    assert_failure 3
    [ "$stderr" = "kith: error: contacts/person-97.yaml:1:7: this '[' is not closed: close it with ']' on its line (or, if it is text, quote the value: \"[...\")
unarchived $name (contacts/person-651.yaml)" ]
    [ -e "$big/contacts/person-651.yaml" ] && [ -e "$big/archive/person-650.yaml" ]
    run --separate-stderr kith -d "$big" log person-650 -m hi
    assert_failure 2
    [[ "$stderr" == *"is archived (archive/person-650.yaml); restore them with 'kith unarchive person-650'" ]]
}
