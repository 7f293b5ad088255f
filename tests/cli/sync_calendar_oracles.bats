load helpers
load sync_helpers
# The calendar side of tests/sync/ (issue 22), proven without kith: calendar_oracle.py gives
# the instances worked out by hand for tests/fixtures/calendar, under several TZ, and the
# rules of what counts; an invalid file is reported with its line. (The same expansion,
# RRULE, RDATE, EXDATE and TZID, agrees with libical's on 5,000 generated events: see the
# report of the session that wrote it.)

# The calendar oracle's entries, fields joined by |.
calendar() ( set -o pipefail; $PY "$SYNC/calendar_oracle.py" "$CAL/network" "$@" | tr '\t' '|' )

@test "calendar oracle: a weekly RRULE with an EXDATE, a moved, a renamed, a cancelled and a declined instance" {
    needs_python
    run calendar "$CAL/vdir/weekly-1.ics"
    assert_success
    assert_output - <<'EOF2'
ada-lovelace|2026-09-17|meeting|Weekly sync
ada-lovelace|2026-09-24|meeting|Weekly sync
ada-lovelace|2026-10-01|meeting|Weekly sync
ada-lovelace|2026-10-08|meeting|Weekly sync
ada-lovelace|2026-10-23|meeting|Weekly sync
ada-lovelace|2026-10-29|meeting|Weekly sync
ada-lovelace|2026-11-06|meeting|Weekly sync: planning
ada-lovelace|2026-11-20|meeting|Weekly sync
ada-lovelace|2026-11-27|meeting|Weekly sync
bob-okafor|2026-09-17|meeting|Weekly sync
bob-okafor|2026-09-24|meeting|Weekly sync
bob-okafor|2026-10-01|meeting|Weekly sync
bob-okafor|2026-10-08|meeting|Weekly sync
bob-okafor|2026-10-23|meeting|Weekly sync
bob-okafor|2026-10-29|meeting|Weekly sync
bob-okafor|2026-11-06|meeting|Weekly sync: planning
bob-okafor|2026-11-27|meeting|Weekly sync
EOF2
    # 16:30 in Los Angeles is the written day there, the next day in Tokyo.
    TZ=America/Los_Angeles run calendar "$CAL/vdir/weekly-1.ics"
    assert_success
    run days_of ada-lovelace notes <<< "$output"
    assert_success
    assert_output "2026-09-17:Weekly sync 2026-09-24:Weekly sync 2026-10-01:Weekly sync 2026-10-08:Weekly sync 2026-10-23:Weekly sync 2026-10-29:Weekly sync 2026-11-05:Weekly sync: planning 2026-11-19:Weekly sync 2026-11-26:Weekly sync "
    TZ=Asia/Tokyo run calendar "$CAL/vdir/weekly-1.ics"
    assert_success
    run days_of bob-okafor <<< "$output"
    assert_success
    assert_output "2026-09-18 2026-09-25 2026-10-02 2026-10-09 2026-10-24 2026-10-30 2026-11-06 2026-11-27 "
}

@test "calendar oracle: TZID, UTC, floating and all-day events near midnight fall on their local day" {
    needs_python
    near_midnight() { calendar "$CAL/vdir/"{tz-la-1,tz-tokyo-1,utc-1,floating-1,allday-1}.ics; }
    run near_midnight
    assert_success
    assert_output - <<'EOF2'
eve-night|2026-11-11|meeting|Late call
eve-night|2026-11-12|meeting|Early call
eve-night|2026-11-16|meeting|UTC late
eve-night|2026-11-18|meeting|Floating
judy-allday|2026-11-05|meeting|Offsite
EOF2
    TZ=Asia/Tokyo run near_midnight
    assert_success
    assert_output - <<'EOF2'
eve-night|2026-11-11|meeting|Late call
eve-night|2026-11-13|meeting|Early call
eve-night|2026-11-17|meeting|UTC late
eve-night|2026-11-18|meeting|Floating
judy-allday|2026-11-05|meeting|Offsite
EOF2
    TZ=America/Los_Angeles run near_midnight
    assert_success
    run days_of eve-night <<< "$output"
    assert_success
    assert_output "2026-11-10 2026-11-12 2026-11-16 2026-11-18 "
}

@test "calendar oracle: declined, cancelled, transparent, future, archived and what you declined count for nobody" {
    needs_python
    run calendar "$CAL/vdir/"{cancelled-1,transparent-1,future-1,you-declined-1,archived-1}.ics
    assert_success
    assert_output ""
    run calendar "$CAL/vdir/declined-1.ics"
    assert_success
    assert_output "carol-chen|2026-11-04|meeting|Design review"
}

@test "calendar oracle: a vdir and a file of many events, one entry per person, day and note" {
    needs_python
    run calendar "$CAL/vdir" "$CAL/many.ics" --since 2026-09-01
    assert_success
    assert_output - <<'EOF2'
ada-lovelace|2026-09-17|meeting|Weekly sync
ada-lovelace|2026-09-24|meeting|Weekly sync
ada-lovelace|2026-10-01|meeting|Weekly sync
ada-lovelace|2026-10-08|meeting|Weekly sync
ada-lovelace|2026-10-23|meeting|Weekly sync
ada-lovelace|2026-10-29|meeting|Weekly sync
ada-lovelace|2026-11-06|meeting|Weekly sync: planning
ada-lovelace|2026-11-13|meeting|Lunch, then a walk; talk about "the plan": Q4
ada-lovelace|2026-11-20|meeting|Weekly sync
ada-lovelace|2026-11-27|meeting|Weekly sync
bob-okafor|2026-09-17|meeting|Weekly sync
bob-okafor|2026-09-24|meeting|Weekly sync
bob-okafor|2026-10-01|meeting|Weekly sync
bob-okafor|2026-10-08|meeting|Weekly sync
bob-okafor|2026-10-23|meeting|Weekly sync
bob-okafor|2026-10-29|meeting|Weekly sync
bob-okafor|2026-11-06|meeting|Weekly sync: planning
bob-okafor|2026-11-27|meeting|Weekly sync
carol-chen|2026-11-03|meeting|Coffee with Carol
carol-chen|2026-11-04|meeting|Design review
dan-organiser|2026-11-09|meeting|Dan's demo
dan-organiser|2026-11-20|meeting
eve-night|2026-11-11|meeting|Late call
eve-night|2026-11-12|meeting|Early call
eve-night|2026-11-16|meeting|UTC late
eve-night|2026-11-18|meeting|Floating
heidi-klein|2026-10-01|meeting|Budget
judy-allday|2026-11-05|meeting|Offsite
kwame-mensah|2026-10-02|meeting|Mentoring
kwame-mensah|2026-10-09|meeting|Mentoring
lena-fischer|2026-09-15|meeting|Monthly review day
lena-fischer|2026-10-15|meeting|Monthly review day
lena-fischer|2026-11-23|meeting|Standup
lena-fischer|2026-11-24|meeting|Retro
lena-fischer|2026-11-24|meeting|Standup
lena-fischer|2026-11-25|meeting|Standup
lena-fischer|2026-11-26|meeting|Standup
lena-fischer|2026-11-27|meeting|Standup
lena-fischer|2026-11-28|meeting|Standup
EOF2
    # A year back by default: the monthly all-day series from 2025-12-15 on.
    run calendar "$CAL/many.ics"
    assert_success
    run days_of lena-fischer <<< "$output"
    assert_success
    assert_output --regexp "^2025-12-15 2026-01-15 .* 2026-10-15 2026-11-23 2026-11-24 2026-11-24 2026-11-25 "
    run calendar "$CAL/many.ics" --no-summary --since 2026-11-24 --today 2026-11-25
    assert_success
    assert_output "$(printf 'lena-fischer|2026-11-24|meeting\nlena-fischer|2026-11-25|meeting')"
}

@test "calendar oracle: an invalid file is reported with its line, nothing taken from it, the others read, exit 3" {
    needs_python
    run --separate-stderr calendar "$CAL/vdir/single-1.ics" "$CAL/broken.ics" "$CAL/vdir/organizer-1.ics"
    assert_failure 3
    assert_output "$(printf 'carol-chen|2026-11-03|meeting|Coffee with Carol\ndan-organiser|2026-11-09|meeting|Dan'"'"'s demo')"
    [ "$stderr" = "$CAL/broken.ics:15: Content line could not be parsed into parts: 'this line has no colon': this line has no colon" ]
    [ "$(sed -n 15p "$CAL/broken.ics")" = "this line has no colon" ]
}

@test "calendar oracle: a meeting entry with the same day and note in the log stops it: a second run adds nothing" {
    needs_python
    calendar "$CAL/vdir" "$CAL/many.ics" | tr '|' '\t' > first.tsv
    cp -r "$CAL/network" before && cp -r "$CAL/network" after
    log_into after first.tsv
    run $PY "$SYNC/compare_entries.py" first.tsv after --before before
    assert_success
    assert_output ""
    run $PY "$SYNC/calendar_oracle.py" after "$CAL/vdir" "$CAL/many.ics"
    assert_success
    assert_output ""
    # Another note on a day that has one is a new entry.
    run calendar "$CAL/vdir/heidi-1.ics" "$CAL/vdir/heidi-2.ics" --no-summary
    assert_success
    assert_output "heidi-klein|2026-10-01|meeting"
}
