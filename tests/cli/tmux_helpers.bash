# Shared by the suites that drive kith in a real terminal: tmux servers on sockets of their own
# (tmux*.sock in the test's temp folder, the current one in $SOCKET), every wait a poll of the
# screen as the suite reads it (its own `screen`).

setup_file() {
    command -v tmux >/dev/null || skip "tmux is not installed"
}

# Stops every tmux server the test started.
teardown() {
    local socket
    for socket in "$BATS_TEST_TMPDIR"/tmux*.sock; do
        [ -S "$socket" ] && tmux -S "$socket" kill-server 2>/dev/null
    done
    true
}

# Polls the screen (up to 5 s) until a line matches the extended regex.
wait_for_screen() {
    local tries
    for tries in $(seq 100); do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.05
    done
    echo "waited for /$1/ on the screen:"; screen; return 1
}
