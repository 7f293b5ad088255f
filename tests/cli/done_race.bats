#!/usr/bin/env bats
# Issue 8, item 1: `done` decides under the lock. The test holds kith's write lock, lets
# `kith done` read the network and wait for the lock, changes the file meanwhile as a
# concurrent `kith follow` would, then lets go: the item closed must be the one named.
load store_helpers

# Runs the program "$@" (not a function: its process is the one that waits) in the background
# while this test holds the write lock; runs `between` while it waits for the lock.
with_lock_held() {
    exec 8<.  # kith locks the network folder itself
    flock 8
    "$@" >"$BATS_TEST_TMPDIR/out" 2>&1 &
    local pid=$!
    local waited=0
    waiting_for_lock "$pid" && between || waited=1 # kith has read the network, and polls for the lock
    flock -u 8
    exec 8>&-
    local status=0
    wait "$pid" || status=$?
    [ "$waited" = 0 ] || return 99 # never an exit kith gives
    return "$status"
}

@test "done closes the follow-up it names even when another was added before it meanwhile" {
    between() {
        # As `kith follow ada ... "call about the role"` would: an earlier item, first in the list.
        sed -i 's/^  - {due: 2026-12-05, what: send the engine paper}$/  - {due: 2026-12-01, what: call about the role}\n&/' contacts/ada-lovelace.yaml
    }
    run -0 -0 with_lock_held "$KITH" done ada paper
    run -0 -0 cat "$BATS_TEST_TMPDIR/out"
    assert_output --partial "done: send the engine paper"
    run -0 -0 grep -F "what:" contacts/ada-lovelace.yaml
    assert_line "  - {due: 2026-12-01, what: call about the role}"
    assert_line "  - {due: 2026-12-05, what: send the engine paper, done: 2026-11-28}"
}

@test "done without TEXT refuses when a second follow-up opened meanwhile" {
    between() {
        sed -i 's/^  - {due: 2026-12-05, what: send the engine paper}$/  - {due: 2026-12-01, what: call about the role}\n&/' contacts/ada-lovelace.yaml
    }
    run -2 -2 with_lock_held "$KITH" done ada
    run -0 -0 cat "$BATS_TEST_TMPDIR/out"
    assert_output --partial "2 open follow-ups"
    # Nothing was written beyond what the other writer did.
    run -1 -1 grep -c "done: 2026-11-28" contacts/ada-lovelace.yaml
    assert_output "0"
}
