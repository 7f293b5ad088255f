load helpers

# kith merge-file BASE OURS THEIRS, run directly (git.bats and git_merge.bats run it through git).

# Writes a contact file $1 holding log entries on $3 consecutive days from day offset $2
# (after 10 shared ones), each with a note naming the side $4.
log_file() {
    python3 - "$@" <<'PY'
import datetime, sys
path, start, count, side = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
day = lambda n: (datetime.date(2000, 1, 1) + datetime.timedelta(days=n)).isoformat()
lines = ["name: Zed Test", "log:"] + [f"  - {{date: {day(n)}, kind: call}}" for n in range(10)]
lines += [f"  - {{date: {day(n)}, kind: call, note: from {side} number {n}}}" for n in range(start, start + count)]
open(path, "w").write("\n".join(lines) + "\n")
PY
}

@test "merge-file merges thousands of log entries added on both sides, in n log n (far inside the timeout)" {
    log_file "$BATS_TEST_TMPDIR/base" 10 0 none
    for n in 3000 6000; do
        log_file "$BATS_TEST_TMPDIR/ours" 10 "$n" ours
        log_file "$BATS_TEST_TMPDIR/theirs" 5 "$n" theirs
        # The old driver took 122 s for 3,000 (one re-read of the file per entry added).
        run timeout "$(time_bound 20)" "$KITH" merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
        assert_success
        [ "$(grep -c 'kind: call' "$BATS_TEST_TMPDIR/ours")" = $((10 + 2 * n)) ]
        [ "$(grep -c 'from theirs' "$BATS_TEST_TMPDIR/ours")" = "$n" ]
        # in date order: every date is at least the one before
        grep -o 'date: [0-9-]*' "$BATS_TEST_TMPDIR/ours" | sort -c
    done
}

@test "merge-file refuses an input that is not a regular file or is over 1 MiB, without blocking; ours untouched" {
    printf 'name: Zed Test\n' > "$BATS_TEST_TMPDIR/base"
    printf 'name: Zed Test\ntier: core\n' > "$BATS_TEST_TMPDIR/ours"
    cp "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/ours.before"
    mkfifo "$BATS_TEST_TMPDIR/fifo"
    for input in /dev/zero "$BATS_TEST_TMPDIR/fifo"; do
        run --separate-stderr timeout "$(time_bound 10)" "$KITH" merge-file "$input" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/base"
        assert_failure 3
        [[ "$stderr" == *"$input: is not a regular file"* ]] || { echo "$stderr"; false; }
    done
    { printf 'name: Zed Test\nnotes: |\n'; head -c 1100000 /dev/zero | tr '\0' 'x' | fold -w 70 | sed 's/^/  /'; } > "$BATS_TEST_TMPDIR/big"
    run --separate-stderr timeout "$(time_bound 10)" "$KITH" merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/big"
    assert_failure 3
    [[ "$stderr" == *"big: is larger than 1 MiB, the most kith reads"* ]] || { echo "$stderr"; false; }
    cmp "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/ours.before"
}

@test "merge-file refuses a result over 1 MiB, the most kith reads back; ours untouched" {
    log_file "$BATS_TEST_TMPDIR/base" 10 0 none
    log_file "$BATS_TEST_TMPDIR/ours" 10 9000 ours
    log_file "$BATS_TEST_TMPDIR/theirs" 20000 9000 theirs
    [ "$(stat -c %s "$BATS_TEST_TMPDIR/ours")" -lt 1048576 ]
    [ "$(stat -c %s "$BATS_TEST_TMPDIR/theirs")" -lt 1048576 ]
    cp "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/ours.before"
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
    assert_failure 3
    [[ "$stderr" == *"would be larger than 1 MiB"* ]] || { echo "$stderr"; false; }
    cmp "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/ours.before"
}

@test "merge-file with an empty base marks where two added files differ, and takes one when the other is empty" {
    : > "$BATS_TEST_TMPDIR/base"
    printf 'name: John Smith\nemail: [john@acme.example]\n' > "$BATS_TEST_TMPDIR/ours"
    printf 'name: John Smith\nphone: ["+1 555 0100"]\n' > "$BATS_TEST_TMPDIR/theirs"
    run --separate-stderr kith merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs" -p contacts/john-smith.yaml
    assert_failure 1
    [[ "$stderr" == *"added on both sides"* ]]
    run -0 cat "$BATS_TEST_TMPDIR/ours"
    assert_output $'name: John Smith\n<<<<<<< ours\nemail: [john@acme.example]\n=======\nphone: ["+1 555 0100"]\n>>>>>>> theirs'
    : > "$BATS_TEST_TMPDIR/ours"
    run kith merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
    assert_success
    cmp "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
}

@test "merge-file merges a file of 40,000 top-level keys changed on both sides, far inside the timeout" {
    python3 - "$BATS_TEST_TMPDIR" <<'PY'
import sys
keys = ["name: Zed Test"] + [f"k{i}: v{i}" for i in range(40000)]
ours, theirs = list(keys), list(keys)
ours[5] = "k4: ours"
theirs[39997] = "k39996: theirs"
theirs.insert(100, "# theirs' comment")
for name, lines in (("base", keys), ("ours", ours), ("theirs", theirs)):
    open(f"{sys.argv[1]}/{name}", "w").write("\n".join(lines) + "\n")
PY
    # Reading a map once checked each key against all before it (n^2): 10 s for this file.
    run timeout "$(time_bound 20)" "$KITH" merge-file "$BATS_TEST_TMPDIR/base" "$BATS_TEST_TMPDIR/ours" "$BATS_TEST_TMPDIR/theirs"
    assert_success
    grep -qx 'k4: ours' "$BATS_TEST_TMPDIR/ours"
    grep -qx 'k39996: theirs' "$BATS_TEST_TMPDIR/ours"
    grep -qx "# theirs' comment" "$BATS_TEST_TMPDIR/ours"
}
