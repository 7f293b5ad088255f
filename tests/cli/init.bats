load helpers

@test "init makes the folder, settings, contacts/, .gitignore and .gitattributes" {
    run --separate-stderr kith init "$BATS_TEST_TMPDIR/fresh"
    assert_success
    [ -f "$BATS_TEST_TMPDIR/fresh/kith.yaml" ]
    [ -d "$BATS_TEST_TMPDIR/fresh/contacts" ]
    grep -qx '.kith/' "$BATS_TEST_TMPDIR/fresh/.gitignore"
    grep -qx 'contacts/\*.yaml merge=kith' "$BATS_TEST_TMPDIR/fresh/.gitattributes"
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/fresh/contacts")" = 700 ]
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/fresh/kith.yaml")" = 600 ]
    grep -q '# Tiers, closest first' "$BATS_TEST_TMPDIR/fresh/kith.yaml"
}

@test "init twice keeps the settings the user edited" {
    kith init "$BATS_TEST_TMPDIR/fresh"
    echo "# mine" >> "$BATS_TEST_TMPDIR/fresh/kith.yaml"
    run kith init "$BATS_TEST_TMPDIR/fresh"
    assert_success
    grep -q '# mine' "$BATS_TEST_TMPDIR/fresh/kith.yaml"
    [ "$(grep -c '.kith/' "$BATS_TEST_TMPDIR/fresh/.gitignore")" = 1 ]
}

@test "init --git makes a git repository" {
    command -v git >/dev/null || skip "git is not installed"
    run kith init --git "$BATS_TEST_TMPDIR/repo"
    assert_success
    [ -d "$BATS_TEST_TMPDIR/repo/.git" ]
}

@test "the network is found from a folder below it, and from \$KITH_DIR" {
    mkdir -p "$NET/contacts/sub"
    cd "$NET/contacts/sub"
    run --separate-stderr kith list --format tsv
    assert_success
    assert_line --index 1 --partial 'ada-lovelace'
    cd "$BATS_TEST_TMPDIR"
    KITH_DIR="$NET" run --separate-stderr kith list --format tsv
    assert_success
}

@test "without a network, commands name where they looked" {
    cd "$BATS_TEST_TMPDIR"
    run --separate-stderr kith list
    assert_failure 2
    [[ "$stderr" == *"no kith network found"*"run 'kith init'"* ]]
}

@test "init with a bad option is a usage error" {
    run --separate-stderr kith init --bogus
    assert_failure 2
}
