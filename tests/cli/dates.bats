# Dates and durations are bounded to years 1 to 9999 (SPEC 3): outside is an error, never a wrap-around.
load helpers

# Asserts that stderr holds a text.
stderr_has() { [[ "$stderr" == *"$1"* ]] || { echo "stderr: $stderr" >&2; return 1; }; }

# Asserts that the command exits 2 and leaves every contact file as it was.
refused_as_usage() {
    local before after
    before=$(cat contacts/*.yaml | sha256sum)
    run --separate-stderr kith "$@"
    assert_failure 2
    after=$(cat contacts/*.yaml | sha256sum)
    [ "$before" = "$after" ]
}

@test "follow, snooze, log and introduce refuse a date leading past 9999, and write nothing" {
    refused_as_usage follow ada 65536y "wrapped to today once"
    stderr_has "outside years 1 to 9999"
    refused_as_usage follow ada +9000y "past 9999"
    refused_as_usage follow ada 3652060d "too many days"
    refused_as_usage snooze ada 32768y
    refused_as_usage snooze ada 10000-01-01
    refused_as_usage log ada --date -2026y -m "before year 1"
    refused_as_usage log ada --date 0000-12-31 -m "year 0"
    refused_as_usage log ada --follow-up 65536y "wrap" -m ok
    refused_as_usage introduce ada omar -m "both ways" --follow-up 65536y
    refused_as_usage add "Nobody Yet" --since -3000y
    [ ! -e contacts/nobody-yet.yaml ]
    refused_as_usage --today 9999-12-31 follow ada tomorrow "one past the end"
    refused_as_usage --today 9999-12-31 follow ada friday "one past the end"
}

@test "the last day of 9999 is still a day" {
    run --separate-stderr kith follow ada 9999-12-31 "far ahead"
    assert_success
    grep -q '{due: 9999-12-31, what: far ahead}' contacts/ada-lovelace.yaml
}

@test "due --within a window past 9999 is a usage error, not an empty list" {
    run --separate-stderr kith due --within 32768y --format tsv
    assert_failure 2
    assert_output ""
    run --separate-stderr kith due --within 65536y --check
    assert_failure 2
    run --separate-stderr kith due --within 8000y --check
    assert_failure 2
    run --separate-stderr kith due --within 7000y --format tsv
    assert_success
    assert_line --partial $'followup\tada-lovelace\tAda Lovelace\tcore\t2026-12-05\t-7\tsend the engine paper'
}

@test "due --within 0d is valid and the same as no --within" {
    run --separate-stderr kith due --format tsv
    assert_success
    local plain="$output"
    run --separate-stderr kith due --within 0d --format tsv
    assert_success
    assert_output "$plain"
    run --separate-stderr kith due --within 0w --format json
    assert_success
}

@test "--cadence leading past 9999 is refused by add and tier" {
    refused_as_usage add "Far Away" --cadence 65536y
    [ ! -e contacts/far-away.yaml ]
    refused_as_usage add "Far Away" --cadence 9000y
    [ ! -e contacts/far-away.yaml ]
    refused_as_usage tier ada core --cadence 65536y
    refused_as_usage tier ada core --cadence 119989m
}

@test "a cadence too long in a file is an invalid file located at the value" {
    sed -i 's/^cadence: 2w$/cadence: 65536y/' contacts/ada-lovelace.yaml
    run --separate-stderr kith check
    assert_failure 3
    assert_output --partial "contacts/ada-lovelace.yaml:5:10: 'cadence' must be a duration"
    # Before, 65536 years wrapped to the same year, and Ada was due at once.
    run -3 --separate-stderr kith due --format tsv
    refute_output --partial $'contact\tada-lovelace'
}

@test "a cadence of centuries in a file is never due, and never wraps" {
    sed -i 's/^cadence: 2w$/cadence: 9000y/' contacts/ada-lovelace.yaml
    run --separate-stderr kith list --format tsv
    assert_success
    assert_line --partial $'ada-lovelace\tAda Lovelace\tcore\t9000y\t2026-11-10\t9999-12-31'
    run -0 --separate-stderr kith due --within 7000y --format tsv
    refute_output --partial $'contact\tada-lovelace'
    sed -i 's/^tiers:$/tiers:\n  - {name: ages, cadence: 9999y, notice: 9999y}/' kith.yaml
    run --separate-stderr kith due --format tsv
    assert_success
}

@test "a tier cadence too long in kith.yaml is invalid, located at the value" {
    sed -i 's/cadence: 30d, /cadence: 32768y,/' kith.yaml
    run --separate-stderr kith due
    assert_failure 3
    stderr_has "kith.yaml:3:28: 'cadence' must be a duration"
}

@test "a day of year 0 in a file is invalid" {
    sed -i 's/^since: 2019-03-02$/since: 0000-03-02/' contacts/ada-lovelace.yaml
    run --separate-stderr kith check
    assert_failure 3
    assert_output --partial "contacts/ada-lovelace.yaml:21:8: 'since' must be a day"
}

@test "dates in words: next friday, in 2 weeks, 2 weeks ago, end of month, end of year" {
    # 2026-11-28 is a Saturday.
    run --separate-stderr kith follow ada "next friday" "send the paper"
    assert_success
    grep -q '{due: 2026-12-04, what: send the paper}' contacts/ada-lovelace.yaml
    run --separate-stderr kith follow grace "in 2 weeks" "ask about COBOL"
    assert_success
    grep -q '{due: 2026-12-12, what: ask about COBOL}' contacts/grace-hopper.yaml
    run --separate-stderr kith log omar --date "2 weeks ago" -k call -m "late entry"
    assert_success
    grep -q '{date: 2026-11-14, kind: call, note: late entry}' contacts/omar-haddad.yaml
    run --separate-stderr kith snooze mei "End of Month"
    assert_success
    grep -qx 'snooze: 2026-11-30' contacts/mei-chen.yaml
    run --separate-stderr kith snooze tom "end of year"
    assert_success
    grep -qx 'snooze: 2026-12-31' contacts/tom-becker.yaml
    run --separate-stderr kith due --today "next month" --format tsv
    assert_success
    run --separate-stderr kith follow ada "in 3 days" "x"
    assert_success
    grep -q '{due: 2026-12-01, what: x}' contacts/ada-lovelace.yaml
}

@test "a misspelt date says what it meant, and writes nothing" {
    refused_as_usage follow ada tomorow "typo"
    stderr_has "cannot read 'tomorow' as a date; did you mean 'tomorrow'?"
    refused_as_usage snooze ada "next fridy"
    stderr_has "did you mean 'next friday'?"
    refused_as_usage log ada --date "2 weks ago" -m x
    stderr_has "did you mean '2 weeks ago'?"
    refused_as_usage follow ada "qqqqqq" "nothing close"
    stderr_has "(try YYYY-MM-DD, today, tomorrow, friday, next friday, in 2 weeks, 2 weeks ago, end of month"
    refused_as_usage follow ada "in 99999 years" "too far"
    stderr_has "outside years 1 to 9999"
}
