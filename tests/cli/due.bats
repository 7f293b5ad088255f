load helpers

@test "due as tsv: SPEC 6's columns, ordered by due day, tier rank, slug" {
    run --separate-stderr kith due --format tsv
    assert_success
    assert_line --index 0 $'what\tslug\tname\ttier\tdue\toverdue\tdetail'
    assert_line --index 1 $'contact\tsofia-rossi\tSofia Rossi\tloose\t2026-02-28\t273\tcall 2025-09-01: Asked about senior roles'
    assert_line --index 7 $'followup\tlinus-okafor\tLinus Okafor\tcore\t2026-11-20\t8\tsend the renewal proposal'
    assert_line $'birthday\tsofia-rossi\tSofia Rossi\tloose\t2026-11-29\t-1\tturns 36'
    refute_output --regexp $'^contact\tmei-chen'   # in touch 10 days ago
}

@test "birthdays show from the tier's notice" {
    run --separate-stderr kith due --format tsv
    assert_line $'birthday\tmei-chen\tMei Chen\tcore\t2026-12-03\t-5\tbirthday'
    assert_line $'birthday\tada-lovelace\tAda Lovelace\tcore\t2026-12-10\t-12\tturns 41'
    # Omar is close (notice 7d): his birthday two days off shows; snoozed Taro does not.
    assert_line $'birthday\tomar-haddad\tOmar Haddad\tclose\t2026-11-30\t-2\tbirthday'
    refute_output --partial '山田'
}

@test "--within shows what falls due ahead, with negative overdue" {
    run --separate-stderr kith due --within 1w --format tsv
    assert_line $'followup\tomar-haddad\tOmar Haddad\tclose\t2026-12-01\t-3\tintroduce him to someone in hardware'
    assert_line $'followup\tada-lovelace\tAda Lovelace\tcore\t2026-12-05\t-7\tsend the engine paper'
    refute_output --partial $'\t-8\t'
}

@test "--tier, --tag and --limit filter" {
    run --separate-stderr kith due --tier core --format tsv
    refute_output --partial $'\tloose\t'
    refute_output --partial $'\tclose\t'
    run --separate-stderr kith due --tag berlin --format tsv
    assert_output --partial linus-okafor
    refute_output --partial ada-lovelace
    run --separate-stderr kith due --limit 2 --format tsv
    [ "${#lines[@]}" = 3 ]
}

@test "due as json is one array with numbers for overdue" {
    run --separate-stderr kith due --format json
    assert_success
    run python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["what"], d[0]["slug"], d[0]["overdue"], type(d[0]["overdue"]).__name__)' <<<"$output"
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
    run --separate-stderr kith due --color always
    assert_output --partial $'\e[31m'
    run --separate-stderr kith due
    refute_output --partial $'\e['
    if command -v script >/dev/null; then
        run script -qec "$KITH due" /dev/null
        assert_output --partial $'\e[31m'
        NO_COLOR=1 run script -qec "$KITH due" /dev/null
        refute_output --partial $'\e[31m'
    fi
}

@test "nothing due prints nothing at all, in every format, and --check answers with the exit code" {
    run --separate-stderr kith due --check
    assert_failure 1
    assert_output ""
    # On 2026-01-02, in a network of one person seen the day before, nothing is due.
    kith init "$BATS_TEST_TMPDIR/quiet" 2>/dev/null
    cd "$BATS_TEST_TMPDIR/quiet"
    kith add "Quiet Person" --since 2026-01-01 2>/dev/null
    for format in text tsv json ics; do
        run --separate-stderr kith due --today 2026-01-02 --format "$format"
        assert_success
        [ -z "$output" ]
    done
    run kith due --today 2026-01-02 --check
    assert_success
}

@test "archived people are never due" {
    kith archive sofia 2>/dev/null
    run --separate-stderr kith due --format tsv
    refute_output --partial sofia
}

@test "--today in the past shows the network as it was" {
    # Grace was called on 2026-08-20; Linus's meeting of 2026-09-02 had not happened yet.
    run --separate-stderr kith due --today 2026-09-01 --tier core --format tsv
    assert_success
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

@test "bad options are usage errors" {
    run kith due --within soon
    assert_failure 2
    run kith due --format xml
    assert_failure 2
    run kith due --tier vip
    assert_failure 2
}
