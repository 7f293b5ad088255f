# A bug says it is a bug (SPEC 6): kith's own errors keep their exit codes, the world's
# I/O failures are exit 4, and anything else is an internal error, exit 70.
load helpers

crash() { KITH_TEST_HOOKS=1 run --separate-stderr kith __crash "$1"; }

@test "an unexpected exception is an internal error, exit 70, asking for a report" {
    for kind in logic range alloc other; do
        crash "$kind"
        assert_failure 70
        [[ "$stderr" == "kith: internal error: "*"this is a bug in kith"*"please report it" ]] || {
            echo "$kind: $stderr"; false; }
        [[ "$stderr" != *"invalid"* ]]
    done
}

@test "a file-system failure is an I/O error, exit 4, not a bug" {
    crash fs
    assert_failure 4
    [[ "$stderr" == "kith: error: cannot open: Permission denied [contacts/x.yaml]" ]] || { echo "$stderr"; false; }
    crash ios
    assert_failure 4
    [[ "$stderr" == "kith: error: input/output failed: cannot read"* ]] || { echo "$stderr"; false; }
}

@test "kith's own errors keep their exit codes" {
    crash usage
    assert_failure 2
    [[ "$stderr" == "kith: error: asked for 'usage'" ]]
}

@test "the test hooks are hidden and off without KITH_TEST_HOOKS=1" {
    run --separate-stderr kith __crash logic
    assert_failure 2
    run -0 kith --help
    refute_output --partial __crash
}

@test "a folder where a contact file should be is reported, not called a bug" {
    mkdir contacts/dir.yaml
    run --separate-stderr kith list
    [ "$status" -ne 70 ]
    [[ "$stderr" != *"internal error"* ]]
}

@test "output that cannot be written (a full disk) is an I/O error, exit 4, never a silent success" {
    [ -w /dev/full ] || skip "no /dev/full"
    for command in "list" "due --format json" "export vcard" "show ada" "--help" "stats"; do
        # shellcheck disable=SC2086
        run --separate-stderr bash -c "\"\$KITH\" $command > /dev/full"
        [ "$status" -eq 4 ] || { echo "$command: exit $status" >&2; false; }
        [[ "$stderr" == *"cannot write to standard output"* ]] || { echo "$command: $stderr" >&2; false; }
    done
}
