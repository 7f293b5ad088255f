# Issue 18, item 17: `kith init` without DIR refuses the home folder (and the folders holding
# it), naming ~/network and --here; `kith where` says which network is in use, and how it was found.
load helpers

@test "init without DIR in the home folder is refused, names ~/network and --here, and makes nothing" {
    cd "$HOME"
    run --separate-stderr kith init
    assert_failure 2
    [[ "$stderr" == *"is your home folder"*"kith init ~/network"*"--here"* ]] || { echo "$stderr"; false; }
    [ ! -e "$HOME/kith.yaml" ] && [ ! -e "$HOME/contacts" ]
    mkdir -p "$HOME/projects/x" && cd "$HOME/projects/x"
    run --separate-stderr kith due   # nothing found above: no network silently in use
    assert_failure 2
}

@test "init without DIR in a folder holding the home folder is refused too; below it, and with DIR, it is not" {
    mkdir -p "$BATS_TEST_TMPDIR/users/me"
    export HOME="$BATS_TEST_TMPDIR/users/me"
    cd "$BATS_TEST_TMPDIR/users"
    run --separate-stderr kith init
    assert_failure 2
    [[ "$stderr" == *"holding your home folder"* ]]
    [ ! -e kith.yaml ]
    mkdir -p "$HOME/network" && cd "$HOME/network"
    run --separate-stderr kith init
    assert_success
    [ -f "$HOME/network/kith.yaml" ]
    cd "$HOME"
    run --separate-stderr kith init "$HOME/other"
    assert_success
}

@test "init --here makes the network in the home folder when asked; --here with DIR is a usage error" {
    cd "$HOME"
    run --separate-stderr kith init --here
    assert_success
    [ -f "$HOME/kith.yaml" ]
    run --separate-stderr kith init --here "$BATS_TEST_TMPDIR/x"
    assert_failure 2
}

@test "where prints the folder on stdout and how it was found on stderr, for each of the four ways" {
    run --separate-stderr kith where
    assert_success
    assert_output "$NET"
    [[ "$stderr" == "found at or above the working folder '$NET' (the nearest kith.yaml)" ]] || { echo "$stderr"; false; }
    mkdir -p contacts/deeper && cd contacts/deeper
    run -0 --separate-stderr kith where
    assert_output "$NET"
    [[ "$stderr" == *"at or above the working folder '$NET/contacts/deeper'"* ]]
    cd "$BATS_TEST_TMPDIR"
    run -0 --separate-stderr kith --dir "$NET" where
    assert_output "$NET"
    [ "$stderr" = "from --dir" ]
    KITH_DIR="$NET" run --separate-stderr kith where
    assert_output "$NET"
    [ "$stderr" = "from \$KITH_DIR" ]
    kith init "$HOME/.local/share/kith" 2>/dev/null
    run --separate-stderr kith where
    assert_success
    assert_output "$HOME/.local/share/kith"
    [[ "$stderr" == "the default data folder: no kith.yaml at or above the working folder '$BATS_TEST_TMPDIR'" ]]
}

@test "where without a network names where it looked (exit 2)" {
    cd "$BATS_TEST_TMPDIR"
    run --separate-stderr kith where
    assert_failure 2
    [[ "$stderr" == *"no kith network found"* ]]
}
