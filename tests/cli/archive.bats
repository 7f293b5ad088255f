load helpers

@test "archive moves the file, byte for byte, to archive/" {
    cp contacts/tom-becker.yaml "$BATS_TEST_TMPDIR/tom.before"
    run --separate-stderr kith archive tom
    assert_success
    [ ! -e contacts/tom-becker.yaml ]
    cmp archive/tom-becker.yaml "$BATS_TEST_TMPDIR/tom.before"
    [ "$(stat -c %a archive)" = 700 ]
}

@test "archived people leave list and due, and list --archived shows them" {
    kith archive tom 2>/dev/null
    run -0 --separate-stderr kith list --format tsv
    refute_output --partial tom-becker
    run -0 --separate-stderr kith list --archived --format tsv
    assert_output $'slug\tname\ttier\tcadence\tlast\tdue\ntom-becker\tTom Becker\tloose\t180d\t2026-02-02\t'
    run --separate-stderr kith show tom
    assert_success
    assert_line --partial "archived: never due"
}

@test "archive of an unknown or already archived person is exit 2" {
    kith archive tom 2>/dev/null
    run kith archive tom-becker
    assert_failure 2
    run kith archive
    assert_failure 2
}
