# Shared by the store_*.bats suites: the test hooks (compiled into test builds only) and
# both-or-neither checks.
load helpers

# Fails when the binary was built without KITH_TEST_HOOKS (the CLI suites need a test build).
need_hooks() {
    run env KITH_TEST_CRASH_AT=locked "$KITH" log ada -m probe
    if [ "$status" -ne 137 ]; then
        echo "kith was built without KITH_TEST_HOOKS: its writes cannot be paused or killed at a step" >&2
        return 1
    fi
    cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" "$NET/contacts/ada-lovelace.yaml"
}

# Waits (at most 10 s) until process $1 polls for kith's lock: the only place kith sleeps.
waiting_for_lock() {
    local i
    for i in $(seq 1 1000); do
        [ "$(cat "/proc/$1/wchan" 2>/dev/null)" = hrtimer_nanosleep ] && return 0
        sleep 0.01
    done
    echo "process $1 never waited for the lock" >&2
    return 1
}

# Waits (at most 10 s) until a file exists.
wait_for() {
    local i
    for i in $(seq 1 1000); do [ -e "$1" ] && return 0; sleep 0.01; done
    echo "timed out waiting for $1" >&2
    return 1
}

# Counts the lines of a file that hold a text (0 when none).
count() { grep -cF -- "$1" "$2" || true; }

# Fails unless every listed contact holds the text the same number of times (0 or 1).
both_or_neither() {
    local text="$1"
    shift
    local first="" slug n
    for slug in "$@"; do
        n=$(count "$text" "$NET/contacts/$slug.yaml")
        [ -z "$first" ] && first=$n
        if [ "$n" != "$first" ] || [ "$n" -gt 1 ]; then
            echo "'$text': $slug has it $n times, $1 has it $first times" >&2
            return 1
        fi
    done
}

# Prints the temp files left in the network (none expected).
temps_left() { find "$NET" -name '.*.??????' -type f | grep -v '/\.git/' || true; }
