load helpers
load sync_helpers
load git_helpers
# kith sync calendar (issue 22): tests/fixtures/calendar read through libical, kith's entries
# compared with calendar_oracle.py's (python3-icalendar + dateutil): 0 differing entries.

# A copy of the fixtures' network in $NET, and as it was in $NET.before.
# Files the tests write go to $BATS_TEST_TMPDIR, the working folder, never into the network.
calendar_network() {
    cd "$BATS_TEST_TMPDIR" && rm -rf "$NET" "$NET.before" && cp -r "$CAL/network" "$NET" && cp -r "$CAL/network" "$NET.before"
}
expect() { $PY "$SYNC/calendar_oracle.py" "$NET.before" "$@"; }

@test "sync calendar logs what the oracle logs from a vdir and a file, under three TZ; a second run adds nothing" {
    needs_python
    for zone in UTC Asia/Tokyo America/Los_Angeles; do
        calendar_network
        export TZ=$zone
        expect "$CAL/vdir" "$CAL/many.ics" > expected.tsv
        [ "$(wc -l < expected.tsv)" -gt 30 ]
        run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics"
        assert_success
        assert_output "logged $(wc -l < expected.tsv) entries for $(cut -f 1 expected.tsv | sort -u | wc -l) people"
        run $PY "$SYNC/compare_entries.py" expected.tsv "$NET" --before "$NET.before"
        assert_success
        assert_output ""
        cp -r "$NET/contacts" once
        run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics"
        assert_success
        assert_output "logged 0 entries for 0 people"
        run diff -r once "$NET/contacts"
        assert_success
        rm -rf once
    done
}

@test "sync calendar --no-summary and --since: the oracle's entries; --dry-run writes nothing" {
    needs_python
    calendar_network
    expect "$CAL/vdir" "$CAL/many.ics" --no-summary --since 2026-11-01 > expected.tsv
    run --separate-stderr kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary --since 2026-11-01 --dry-run --format tsv
    assert_success
    diff <(printf '%s\n' "${lines[@]:1}" | cut -f 1,3- | sed 's/\t*$//') expected.tsv
    run diff -r -x .kith "$NET.before" "$NET"
    assert_success
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary --since 2026-11-01
    assert_success
    run $PY "$SYNC/compare_entries.py" expected.tsv "$NET" --before "$NET.before"
    assert_success
    assert_output ""
}

@test "sync calendar reports an invalid file with its path and line, reads the others, takes nothing from it, exit 3" {
    needs_python
    calendar_network
    expect "$CAL/vdir/single-1.ics" "$CAL/vdir/organizer-1.ics" > expected.tsv
    run --separate-stderr kith -d "$NET" sync calendar "$CAL/vdir/single-1.ics" "$CAL/broken.ics" "$CAL/vdir/organizer-1.ics"
    assert_failure 3
    [[ "$stderr" == *"kith: error: $CAL/broken.ics:15: invalid calendar"* ]]
    [[ "$stderr" == *"logged 2 entries for 2 people"* ]]
    run $PY "$SYNC/compare_entries.py" expected.tsv "$NET" --before "$NET.before"
    assert_success
    assert_output ""
    run grep -rl "A good event in a broken file" "$NET/contacts"
    assert_failure 1
}

@test "sync calendar: a missing path is refused before anything is read (exit 2); a person logged by hand with the same note gets nothing new" {
    needs_python
    calendar_network
    run kith -d "$NET" sync calendar "$CAL/vdir/single-1.ics" "$BATS_TEST_TMPDIR/nowhere.ics"
    assert_failure 2
    assert_output --partial "no calendar at '$BATS_TEST_TMPDIR/nowhere.ics'"
    run diff -r -x .kith "$NET.before" "$NET"
    assert_success
    kith -d "$NET" log carol -k meeting --date 2026-11-03 -m "Coffee with Carol"
    run kith -d "$NET" sync calendar "$CAL/vdir/single-1.ics"
    assert_success
    assert_output "logged 0 entries for 0 people"
}

@test "sync calendar leaves a file in conflict markers untouched (exit 3) and logs for the others" {
    needs_python
    calendar_network
    printf '<<<<<<< ours\ntier: core\n=======\ntier: close\n>>>>>>> theirs\n' >> "$NET/contacts/carol-chen.yaml"
    cp "$NET/contacts/carol-chen.yaml" carol.before
    run kith -d "$NET" sync calendar "$CAL/vdir"
    assert_failure 3
    assert_output --partial "carol-chen.yaml"
    cmp carol.before "$NET/contacts/carol-chen.yaml"
    run grep -c "kind: meeting" "$NET/contacts/ada-lovelace.yaml"
    assert_success
    refute_output 0
}

@test "sync calendar records the day it synced through for each PATH; the next run starts the day after, --since goes back" {
    needs_python
    calendar_network
    run kith -d "$NET" sync calendar "$CAL/vdir" --dry-run
    assert_success
    [ ! -e "$NET/.kith/sync-calendar" ]
    run kith -d "$NET" sync calendar "$CAL/vdir"
    assert_success
    run cat "$NET/.kith/sync-calendar"
    assert_success
    assert_output "$(printf '2026-11-27\t%s' "$(realpath "$CAL/vdir")")"
    # An entry taken away by hand is not brought back by a run from the recorded day...
    sed -i '/2026-11-18, kind: meeting/d' "$NET/contacts/eve-night.yaml"
    run kith -d "$NET" sync calendar "$CAL/vdir"
    assert_success
    assert_output "logged 0 entries for 0 people"
    # ... but is by one that reads that day again.
    run kith -d "$NET" sync calendar "$CAL/vdir" --since 2026-11-18
    assert_success
    assert_output "logged 1 entry for 1 person"
    # A PATH never synced is read from a year back, even beside one that was.
    expect "$CAL/many.ics" > expected.tsv
    [ "$(cut -f 1 expected.tsv | sort -u | wc -l)" -eq 1 ]
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics"
    assert_success
    assert_output "logged $(wc -l < expected.tsv) entries for 1 person"
    run cut -f 1 "$NET/.kith/sync-calendar"
    assert_success
    assert_output $'2026-11-27\n2026-11-27'
    # A run with a file it could not read records nothing: that file is read again once repaired.
    run kith -d "$NET" sync calendar "$CAL/broken.ics"
    assert_failure 3
    run grep -c broken.ics "$NET/.kith/sync-calendar"
    assert_failure 1
}

@test "sync calendar with and without --no-summary: an event of a day logged either way gets nothing new" {
    needs_python
    calendar_network
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary
    assert_success
    cp -r "$NET/contacts" once
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics" --since 2025-11-28
    assert_success
    assert_output "logged 0 entries for 0 people"
    run diff -r once "$NET/contacts"
    assert_success
    calendar_network
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics"
    assert_success
    rm -rf once && cp -r "$NET/contacts" once
    run kith -d "$NET" sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary --since 2025-11-28
    assert_success
    assert_output "logged 0 entries for 0 people"
    run diff -r once "$NET/contacts"
    assert_success
    # The oracle says the same.
    run $PY "$SYNC/calendar_oracle.py" "$NET" "$CAL/vdir" "$CAL/many.ics" --no-summary
    assert_success
    assert_output ""
}

@test "two clones sync one calendar, with summaries and without, then merge through kith's driver: one meeting a day and event" {
    needs_python
    clones_holding "$CAL/network"
    (cd "$A" && kith sync calendar "$CAL/vdir" "$CAL/many.ics")
    (cd "$B" && kith sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary)
    cp -r "$A" a-alone && cp -r "$B" b-alone  # each side as it synced, before any merge
    $PY "$SYNC/calendar_oracle.py" before "$CAL/vdir" "$CAL/many.ics" > with.tsv
    $PY "$SYNC/calendar_oracle.py" before "$CAL/vdir" "$CAL/many.ics" --no-summary > without.tsv
    [ "$(wc -l < with.tsv)" -gt "$(wc -l < without.tsv)" ]
    check_merged_both_ways meeting
    run kith -d a-alone sync calendar "$CAL/vdir" "$CAL/many.ics" --no-summary --since 2025-11-28
    assert_success
    assert_output "logged 0 entries for 0 people"
}
