#!/usr/bin/env bats
# Red-team findings on the transaction's early writes (texts written to their temp files as they
# are staged) and its temp files. Needs a test build (KITH_TEST_HOOKS).
load store_helpers

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
    run kith check
    assert_output --partial "$left: a temp file left by an interrupted write"
}
