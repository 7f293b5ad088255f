load helpers

# Runs `kith due ... --format tsv`, keeping SPEC 6's seven columns.
due7() { kith due "$@" --format tsv | cut -f1-7; }

@test "due as tsv: SPEC 6's columns, ordered by due day, tier rank, slug" {
    run --separate-stderr kith due --format tsv
    assert_success
    run -0 --separate-stderr due7
    assert_line --index 0 $'what\tslug\tname\ttier\tdue\toverdue\tdetail'
    assert_line --index 1 $'contact\tsofia-rossi\tSofia Rossi\tloose\t2026-02-28\t273\tcall 2025-09-01: Asked about senior roles'
    assert_line --index 7 $'followup\tlinus-okafor\tLinus Okafor\tcore\t2026-11-20\t8\tsend the renewal proposal'
    assert_line $'birthday\tsofia-rossi\tSofia Rossi\tloose\t2026-11-29\t-1\tturns 36'
    refute_output --regexp $'^contact\tmei-chen'   # in touch 10 days ago
}

@test "birthdays show from the tier's notice" {
    run -0 --separate-stderr due7
    assert_line $'birthday\tmei-chen\tMei Chen\tcore\t2026-12-03\t-5\tbirthday'
    assert_line $'birthday\tada-lovelace\tAda Lovelace\tcore\t2026-12-10\t-12\tturns 41'
    # Omar is close (notice 7d): his birthday two days off shows; snoozed Taro does not.
    assert_line $'birthday\tomar-haddad\tOmar Haddad\tclose\t2026-11-30\t-2\tbirthday'
    refute_output --partial '山田'
}

@test "--within shows what falls due ahead, with negative overdue" {
    run -0 --separate-stderr due7 --within 1w
    assert_line $'followup\tomar-haddad\tOmar Haddad\tclose\t2026-12-01\t-3\tintroduce him to someone in hardware'
    assert_line $'followup\tada-lovelace\tAda Lovelace\tcore\t2026-12-05\t-7\tsend the engine paper'
    refute_output --partial $'\t-8\t'
}

@test "--tier, --tag and --limit filter" {
    run -0 --separate-stderr kith due --tier core --format tsv
    refute_output --partial $'\tloose\t'
    refute_output --partial $'\tclose\t'
    run -0 --separate-stderr kith due --tag berlin --format tsv
    assert_output --partial linus-okafor
    refute_output --partial ada-lovelace
    run -0 --separate-stderr kith due --limit 2 --format tsv
    [ "${#lines[@]}" = 3 ]
}

@test "due as json is one array with numbers for overdue" {
    run --separate-stderr kith due --format json
    assert_success
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["what"], d[0]["slug"], d[0]["overdue"], type(d[0]["overdue"]).__name__)' <<<"$output"
    assert_output "contact sofia-rossi 273 int"
}

@test "text is grouped, with overdue days, staleness, channel and last interaction" {
    run --separate-stderr kith due
    assert_success
    assert_line "Get in touch (8)"
    assert_line --regexp '^  Linus Okafor +core +57 days overdue +2\.9× +via video +last: meeting 2026-09-02: Quarterly review; unhappy with latency$'
    assert_line "Follow-ups (1)"
    assert_line "Birthdays and dates (5)"
    refute_output --partial $'\e['
}

@test "colour only with --color always or on a terminal" {
    unset NO_COLOR
    run -0 --separate-stderr kith due --color always
    assert_output --partial $'\e[31m'
    run -0 --separate-stderr kith due
    refute_output --partial $'\e['
    if command -v script >/dev/null; then
        run -0 script -qec "$KITH due" /dev/null
        assert_output --partial $'\e[31m'
        NO_COLOR=1 run script -qec "$KITH due" /dev/null
        refute_output --partial $'\e[31m'
    fi
}

@test "nothing due: text prints nothing, tsv its header, json [], ics an empty calendar; --check the exit code" {
    run --separate-stderr kith due --check
    assert_failure 1
    assert_output ""
    # On 2026-01-02, in a network of one person seen the day before, nothing is due.
    kith init "$BATS_TEST_TMPDIR/quiet" 2>/dev/null
    cd "$BATS_TEST_TMPDIR/quiet"
    kith add "Quiet Person" --since 2026-01-01 2>/dev/null
    run --separate-stderr kith due --today 2026-01-02
    assert_success
    assert_output ""
    run --separate-stderr kith due --today 2026-01-02 --format tsv
    assert_success
    assert_output $'what\tslug\tname\ttier\tdue\toverdue\tdetail\tstaleness\tprefer\temail\tphone\tlast_date\tlast_kind\tlast_note'
    run --separate-stderr kith due --today 2026-01-02 --format json
    assert_success
    assert_output "[]"
    for events in "" --ics-events; do
        run --separate-stderr kith due --today 2026-01-02 --format ics $events
        assert_success
        assert_output $'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith due//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r'
    done
    for format in text tsv json ics; do
        run --separate-stderr kith due --today 2026-01-02 --format "$format" --check
        assert_success
        assert_output ""
    done
    run --separate-stderr kith due --format ics --check
    assert_failure 1
    assert_output ""
}

@test "an empty calendar is one python3-icalendar reads" {
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' || skip "python3-icalendar is not installed"
    kith due --tag nobody --format ics > empty.ics
    run /usr/bin/python3 -c 'import sys, icalendar; c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()); print(c["VERSION"], len(c.subcomponents))' empty.ics
    assert_success
    assert_output "2.0 0"
}

@test "tsv and json also carry staleness, prefer, email, phone and the last contact, after SPEC 6's columns" {
    run --separate-stderr kith due --format tsv
    assert_success
    assert_line --index 0 $'what\tslug\tname\ttier\tdue\toverdue\tdetail\tstaleness\tprefer\temail\tphone\tlast_date\tlast_kind\tlast_note'
    assert_line $'contact\tgrace-hopper\tGrace Hopper\tcore\t2026-10-30\t29\thelp 2026-09-30: Reviewed her keynote slides\t1.97\tphone\tgrace@example.org\t+1 202 555 0100\t2026-09-30\thelp\tReviewed her keynote slides'
    # The person's fields are on every row, birthdays and follow-ups too; unknowns are empty.
    assert_line $'birthday\tgrace-hopper\tGrace Hopper\tcore\t2026-12-09\t-11\tturns 50\t1.97\tphone\tgrace@example.org\t+1 202 555 0100\t2026-09-30\thelp\tReviewed her keynote slides'
    run -0 --separate-stderr kith due --format json
    run python3 -c '
import json, sys
d = json.load(sys.stdin)
g = [x for x in d if x["slug"] == "grace-hopper" and x["what"] == "contact"][0]
print(list(g)[7:])
print(g["staleness"], g["prefer"], g["email"], g["phone"], g["last_date"], g["last_kind"], g["last_note"])
' <<<"$output"
    assert_success
    assert_line --index 0 "['staleness', 'prefer', 'email', 'phone', 'last_date', 'last_kind', 'last_note']"
    assert_line --index 1 "1.97 phone ['grace@example.org'] ['+1 202 555 0100'] 2026-09-30 help Reviewed her keynote slides"
    # Unknown is empty in tsv, null (or an empty list) in json.
    kith due --today 2026-09-01 --tier core --format tsv > core.tsv
    grep -qx $'contact\tlinus-okafor\tLinus Okafor\tcore\t2023-05-12\t1208\tno contact yet\t41.27\tvideo\tlinus@northwind.example\t\t\t\t' core.tsv
    kith add "No One" --since 2026-01-01 --cadence 1d 2>/dev/null
    run -0 --separate-stderr kith due --format json
    run -0 python3 -c 'import json,sys; print([[x[k] for k in list(x)[7:]] for x in json.load(sys.stdin) if x["slug"] == "no-one"][0])' <<<"$output"
    assert_output "[331.0, None, [], [], None, None, None]"
}

@test "several addresses: tsv joins them with ', ', json keeps a list" {
    kith add "Two Ways" --email a@example.org --email b@example.org --phone 1 --phone 2 --since 2020-01-01 2>/dev/null
    run -0 --separate-stderr kith due --format tsv
    assert_line --regexp $'^contact\ttwo-ways\t.*\ta@example.org, b@example.org\t1, 2\t'
    run -0 --separate-stderr kith due --format json
    run -0 python3 -c 'import json,sys; print([(x["email"], x["phone"]) for x in json.load(sys.stdin) if x["slug"] == "two-ways"][0])' <<<"$output"
    assert_output "(['a@example.org', 'b@example.org'], ['1', '2'])"
}

@test "archived people are never due" {
    kith archive sofia 2>/dev/null
    run -0 --separate-stderr kith due --format tsv
    refute_output --partial sofia
}

@test "--today in the past shows the network as it was" {
    # Grace was called on 2026-08-20; Linus's meeting of 2026-09-02 had not happened yet.
    run --separate-stderr kith due --today 2026-09-01 --tier core --format tsv
    assert_success
    run -0 --separate-stderr due7 --today 2026-09-01 --tier core
    refute_output --partial grace-hopper
    assert_line $'contact\tlinus-okafor\tLinus Okafor\tcore\t2023-05-12\t1208\tno contact yet'
}

@test "the .ics parses with a real iCalendar parser, with stable UIDs" {
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' || skip "python3-icalendar is not installed"
    kith due --within 2w --format ics > one.ics
    kith due --within 2w --format ics > two.ics
    cmp one.ics two.ics
    grep -q $'\r$' one.ics
    run /usr/bin/python3 - one.ics <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
todos = [c for c in cal.walk('VTODO')]
events = [c for c in cal.walk('VEVENT')]
print(len(todos), len(events))
print(sorted(str(t['SUMMARY']) for t in todos)[0])
print(all(str(e['RRULE']['FREQ'][0]) == 'YEARLY' for e in events))
ada = [e for e in events if 'Ada' in str(e['SUMMARY'])][0]
print(ada.decoded('DTSTART'))
print(len(set(str(c['UID']) for c in todos + events)) == len(todos) + len(events))
PY
    assert_success
    assert_line --index 0 "11 5"
    assert_line --index 1 "Ada Lovelace: send the engine paper"
    assert_line --index 2 "True"
    assert_line --index 3 "2026-12-10"
    assert_line --index 4 "True"
}

@test "a yearly event says nothing that is wrong next year: no age, the year of birth instead" {
    kith due --within 2w --format ics > feed.ics
    run -0 grep -c '^RRULE:FREQ=YEARLY' feed.ics
    assert_output 5
    run -1 grep -c 'turns' feed.ics
    assert_output 0
    grep -q $'^SUMMARY:Sofia Rossi\'s birthday\r$' feed.ics
    grep -qF 'DESCRIPTION:born 1990\ntier: loose' feed.ics
    # Next year's feed has the same events (same UIDs), not second ones.
    kith due --today 2027-11-28 --within 2w --format ics > next.ics
    diff <(grep -A1 '^BEGIN:VEVENT' feed.ics | grep UID | sort) <(grep -A1 '^BEGIN:VEVENT' next.ics | grep UID | sort)
}

@test "--ics-events writes follow-ups and people as all-day events that python3-icalendar reads" {
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' || skip "python3-icalendar is not installed"
    kith due --within 2w --format ics --ics-events > events.ics
    kith due --within 2w --format ics > todos.ics
    run /usr/bin/python3 - events.ics todos.ics <<'PY'
import sys, datetime, icalendar
events = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
todos = icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read())
print(len(list(events.walk('VTODO'))), len(list(events.walk('VEVENT'))))
by_summary = {str(e['SUMMARY']): e for e in events.walk('VEVENT')}
for name in ["Linus Okafor: send the renewal proposal", "Ada Lovelace: send the engine paper", "Get in touch with Tom Becker"]:
    e = by_summary[name]
    print(name, e.decoded('DTSTART'), e.decoded('DTEND') - e.decoded('DTSTART'), 'RRULE' in e)
print(sorted(str(c['UID']) for c in events.walk('VEVENT')) == sorted(str(c['UID']) for c in todos.walk() if c.name in ('VTODO', 'VEVENT')))
PY
    assert_success
    assert_line --index 0 "0 16"
    assert_line --index 1 "Linus Okafor: send the renewal proposal 2026-11-28 1 day, 0:00:00 False"
    assert_line --index 2 "Ada Lovelace: send the engine paper 2026-12-05 1 day, 0:00:00 False"
    assert_line --index 3 "Get in touch with Tom Becker 2026-11-28 1 day, 0:00:00 False"
    assert_line --index 4 "True"
}

@test "bad options are usage errors" {
    run kith due --within soon
    assert_failure 2
    run kith due --format xml
    assert_failure 2
    run kith due --tier vip
    assert_failure 2
    run --separate-stderr kith due --ics-events
    assert_failure 2
    [[ "$stderr" == *"--ics-events goes with --format ics"* ]]
    run kith due --format json --ics-events
    assert_failure 2
}
