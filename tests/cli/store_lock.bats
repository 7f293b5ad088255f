load store_helpers

# Starts a writer that stops, holding the lock, after reading ada's file; waits until it is there.
start_paused_writer() {
    rm -f "$BATS_TEST_TMPDIR/paused"
    KITH_TEST_PAUSE_AT=temp-1 KITH_TEST_PAUSE_FILE="$BATS_TEST_TMPDIR/paused" "$KITH" log ada -m "$1" 2>/dev/null &
    PAUSED=$!
    wait_for "$BATS_TEST_TMPDIR/paused"
}

@test "deleting .kith while a writer holds the lock lets no second writer in: no write lost" {
    need_hooks
    start_paused_writer first
    rm -rf .kith
    "$KITH" log ada -m second 2>/dev/null &
    second=$!
    waiting_for_lock "$second" # (an unlocked writer would have written, and ended)
    rm "$BATS_TEST_TMPDIR/paused"
    wait "$PAUSED"
    wait "$second"
    [ "$(count 'note: first' contacts/ada-lovelace.yaml)" = 1 ]
    [ "$(count 'note: second' contacts/ada-lovelace.yaml)" = 1 ]
}

@test "50 races with .kith deleted mid-write: every writer that exits 0 keeps its entry" {
    need_hooks
    local races=0 ok=0 lost=0
    for i in $(seq 1 50); do
        start_paused_writer "a$i"
        rm -rf .kith
        "$KITH" log ada -m "b$i" 2>/dev/null &
        second=$!
        waiting_for_lock "$second"
        rm "$BATS_TEST_TMPDIR/paused"
        wait "$PAUSED" && ok=$((ok + 1)) && [ "$(count "note: a$i" contacts/ada-lovelace.yaml)" = 1 ] || lost=$((lost + 1))
        wait "$second" && ok=$((ok + 1)) && [ "$(count "note: b$i" contacts/ada-lovelace.yaml)" = 1 ] || lost=$((lost + 1))
        races=$((races + 1))
    done
    echo "# races tried: $races, writes that exited 0: $ok, writes lost: $lost" >&3
    [ "$lost" -eq 0 ]
}

@test "a link at .kith/lock is never followed: nothing is made outside the folder" {
    mkdir -p .kith
    ln -s "$BATS_TEST_TMPDIR/outside-lock" .kith/lock
    run kith log ada -m linked
    assert_success
    [ ! -e "$BATS_TEST_TMPDIR/outside-lock" ]
}

@test "a lock file left by a root run never blocks a later writer who is not root" {
    [ "$(id -u)" -eq 0 ] || skip "needs root to make a root-owned lock and run as nobody"
    local net="$BATS_TEST_TMPDIR/shared"
    mkdir -m 0755 -p "$net" && cp -r "$KITH_EXAMPLES"/. "$net" && rm -rf "$net/.kith"
    chmod 0755 "$BATS_TEST_TMPDIR" "$(dirname "$BATS_TEST_TMPDIR")" "$(dirname "$(dirname "$BATS_TEST_TMPDIR")")" 2>/dev/null || true
    "$KITH" --dir "$net" log ada -m "as root"      # root writes first
    mkdir -p "$net/.kith" && touch "$net/.kith/lock" && chmod 0600 "$net/.kith/lock"   # as an old kith left it
    chown -R nobody:nogroup "$net"
    chown root:root "$net/.kith" "$net/.kith/lock"
    run setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp "$KITH" --dir "$net" log ada -m "as nobody"
    assert_success
    [ "$(count 'note: as nobody' "$net/contacts/ada-lovelace.yaml")" = 1 ]
}

@test "a command writes in the folder it opened and locked, even when another folder takes its path meanwhile" {
    need_hooks
    rm -f "$BATS_TEST_TMPDIR/paused"
    KITH_TEST_PAUSE_AT=locked KITH_TEST_PAUSE_FILE="$BATS_TEST_TMPDIR/paused" "$KITH" log ada -m moved 2>/dev/null &
    local writer=$!
    wait_for "$BATS_TEST_TMPDIR/paused"
    mv "$NET" "$NET.away"          # the folder kith read and locked
    cp -r "$NET.away" "$NET"       # another one at its path, that no lock covers
    rm "$BATS_TEST_TMPDIR/paused"
    local status=0
    wait "$writer" || status=$?
    [ "$status" -eq 0 ]
    [ "$(count 'note: moved' "$NET.away/contacts/ada-lovelace.yaml")" = 1 ]
    [ "$(count 'note: moved' "$NET/contacts/ada-lovelace.yaml")" = 0 ]
}
