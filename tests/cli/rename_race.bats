# Issue 18, item 10: rename decides under the lock which files refer to the old slug. An
# introduce holds the lock (paused by the store's hook before it writes); rename starts and
# waits for the lock (today's main had read everyone by then); the introduce then writes
# `with: grace-hopper` on Tom and lets go. Every reference must follow the rename.
load store_helpers

@test "rename after an introduce committed while it waited: the new reference is renamed too" {
    need_hooks
    local pause="$BATS_TEST_TMPDIR/introduce-holds-the-lock"
    KITH_TEST_PAUSE_AT=locked KITH_TEST_PAUSE_FILE="$pause" "$KITH" introduce tom grace -m "in between" \
        >/dev/null 2>"$BATS_TEST_TMPDIR/introduce.err" &
    local introduce=$!
    wait_for "$pause"
    "$KITH" rename "Grace Hopper" "Grace B Hopper" >/dev/null 2>"$BATS_TEST_TMPDIR/rename.err" &
    local rename=$!
    waiting_for_lock "$rename"
    rm "$pause"
    wait "$introduce"
    wait "$rename"
    grep -q 'with: grace-b-hopper' contacts/tom-becker.yaml
    [ -z "$(grep -rl 'grace-hopper' contacts)" ] || { grep -rn 'grace-hopper' contacts >&2; false; }
    run kith check
    assert_success
}
