# Shared setup for the CLI suites: a scrubbed environment, a pinned today, and a
# private copy of examples/network in a temp folder.
bats_require_minimum_version 1.5.0
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

setup() {
    : "${KITH:?set KITH to the kith binary}"
    : "${KITH_EXAMPLES:?set KITH_EXAMPLES to examples/network}"
    export HOME="$BATS_TEST_TMPDIR/home"
    mkdir -p "$HOME"
    unset KITH_DIR XDG_DATA_HOME VISUAL EDITOR
    export NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC KITH_TODAY=2026-11-28
    NET="$BATS_TEST_TMPDIR/network"
    copy_examples "$NET"
    cd "$NET"
}

kith() { "$KITH" "$@"; }

# Prints a time bound of $1 seconds for one run of kith: ten times that under the sanitizers,
# whose unoptimised, instrumented code is that much slower (a quadratic path stays far beyond it).
time_bound() { if [ "${KITH_SANITIZED:-0}" = 1 ]; then echo $(($1 * 10)); else echo "$1"; fi; }

# Copies examples/network to $1 as git holds it: without the .kith/ that `make demo` leaves there.
copy_examples() { cp -r "$KITH_EXAMPLES" "$1" && rm -rf "$1/.kith"; }

# Copies a contact file aside, to compare it byte for byte after a command.
snapshot() { cp "$NET/contacts/$1.yaml" "$BATS_TEST_TMPDIR/$1.before"; }
# Prints the diff of a contact file against its snapshot, without headers.
changes() { diff "$BATS_TEST_TMPDIR/$1.before" "$NET/contacts/$1.yaml" | grep '^[<>]' || true; }
# Asserts that the command just run refused the file (exit 3) and left it as its snapshot, byte for byte.
refused_untouched() { assert_failure 3; cmp "$NET/contacts/$1.yaml" "$BATS_TEST_TMPDIR/$1.before"; }
# Prints (as Python's repr) a value of the person named $1 as `kith export json` gives it, found
# by the keys and list indexes after it: `exported "Ada Lovelace" log 0 note`.
exported() {
    kith export json | python3 -c '
import json, sys
value = [p for p in json.load(sys.stdin) if p["name"] == sys.argv[1]][0]
for step in sys.argv[2:]:
    value = value[int(step)] if isinstance(value, list) else value[step]
print(repr(value))' "$@"
}

# Makes a generated network of $2 people with long logs in folder $1 (bench/generate.py --heavy):
# over 512 files, kith reads it in more than one chunk.
generated_network() { python3 "$KITH_SOURCE/bench/generate.py" "$1" "$2" --heavy >/dev/null; }

# Asserts that the stderr of the command just run (with --separate-stderr) holds the text $1.
assert_stderr_has() {
    [[ "$stderr" == *"$1"* ]] || { printf 'stderr lacks: %s\nstderr: %s\n' "$1" "$stderr"; false; }
}
