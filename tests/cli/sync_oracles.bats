load helpers
# The generators and oracles tests/sync/ gives the `kith sync mail` and `kith sync calendar`
# suites (issue 22), proven without kith: the generated Maildir indexes with the real
# notmuch, notmuch's own from:/to: view agrees with the mail oracle (but where the rules
# read addresses more strictly), the calendar oracle gives the instances worked out by hand
# for tests/fixtures/calendar under several TZ, and compare_entries.py finds what differs.

SYNC="$KITH_SOURCE/tests/sync"
CAL="$KITH_SOURCE/tests/fixtures/calendar"
PY=/usr/bin/python3

# One generated archive for the whole file, indexed once (the tests only read it).
setup_file() {
    export HOME="$BATS_FILE_TMPDIR/home" && mkdir -p "$HOME" && unset EMAIL
    command -v notmuch >/dev/null && $PY -c 'import yaml, icalendar, dateutil' 2>/dev/null || return 0
    export GEN="$BATS_FILE_TMPDIR/gen"
    $PY "$SYNC/make_maildir.py" "$GEN" --seed 22 --messages 220 --people 26
    NOTMUCH_CONFIG=$("$SYNC/notmuch_setup.sh" "$GEN/mail" 2> "$GEN/notmuch-new.err")
    export NOTMUCH_CONFIG
    TZ=UTC oracle --subjects > "$GEN/oracle-subjects.tsv"
}

needs_mail() { [ -n "${NOTMUCH_CONFIG:-}" ] || skip "notmuch or Debian's python3-yaml, -icalendar, -dateutil missing (make deps)"; }
needs_python() { $PY -c 'import yaml, icalendar, dateutil' 2>/dev/null || skip "Debian's python3-yaml, -icalendar, -dateutil missing (make deps)"; }
count() { sed -n "s/^$1\t//p" "$GEN/mail.counts"; }
# The mail oracle on the generated archive over the year before KITH_TODAY.
oracle() { $PY "$SYNC/mail_oracle.py" "$GEN/network" "$GEN/mail" --since 2025-11-28 --until 2026-11-28 "$@"; }
# Prints a TSV file's lines of the fixed cast (not the random person-N), fields joined by |.
cast_of() { grep -v '^person-' "$1" | tr '\t' '|'; }
# The calendar oracle's entries, fields joined by |.
calendar() ( set -o pipefail; $PY "$SYNC/calendar_oracle.py" "$CAL/network" "$@" | tr '\t' '|' )

@test "make_maildir.py writes the same archive and network for a seed, another for another seed" {
    needs_mail
    for seed in 5 5 6; do
        $PY "$SYNC/make_maildir.py" "$BATS_TEST_TMPDIR/run-$seed-$((n += 1))" --seed "$seed" --messages 110 --people 18
    done
    run diff -r "$BATS_TEST_TMPDIR/run-5-1" "$BATS_TEST_TMPDIR/run-5-2"
    assert_success
    run diff -rq "$BATS_TEST_TMPDIR/run-5-1" "$BATS_TEST_TMPDIR/run-6-3"
    assert_failure 1
    run $PY "$SYNC/make_maildir.py" "$BATS_TEST_TMPDIR/run-5-1" --seed 5
    assert_failure 1
    assert_output --partial "is not empty"
}

@test "notmuch indexes every file but the non-mail ones, a repeated Message-ID once, nothing in tmp/" {
    needs_mail
    run notmuch count '*'
    assert_success
    assert_output "$(count messages)"
    run notmuch count --output=files '*'
    assert_success
    assert_output "$(( $(count files) - $(count non_mail) ))"
    run grep -c "Ignoring non-mail file" "$GEN/notmuch-new.err"
    assert_success
    assert_output "$(count non_mail)"
    run notmuch search --output=files id:edge-20@gen.example
    assert_success
    assert_equal "${#lines[@]}" 2
    run notmuch count id:edge-22@gen.example
    assert_success
    assert_output 0
}

@test "notmuch gives a message with no Date or a bad one the time 0, and reads a no-zone Date as UTC" {
    needs_mail
    run notmuch search --format=text0 --output=messages 'subject:"No date" or subject:"Bad date"'
    assert_success
    run sh -c "notmuch show --format=json --body=false --entire-thread=false id:edge-32a@gen.example id:edge-32b@gen.example |
        grep -o '\"timestamp\": [0-9]*' | sort -u"
    assert_success
    assert_output '"timestamp": 0'
    run sh -c "notmuch show --format=json --body=false id:edge-32c@gen.example | grep -o '\"timestamp\": [0-9]*'"
    assert_success
    assert_output "\"timestamp\": $(date -u -d '2026-11-22 23:30:00' +%s)"
}

@test "the spam and deleted tags of mail.tags are on their messages after the setup" {
    needs_mail
    for tag in spam deleted; do
        run notmuch count tag:$tag
        assert_success
        assert_output "$(grep -c "^$tag	" "$GEN/mail.tags")"
    done
    run notmuch search --output=messages tag:spam and from:frank@example.org
    assert_success
    assert_output "id:edge-15a@gen.example"
}

@test "the mail oracle reads every message's time, day and subject as notmuch does" {
    needs_mail
    TZ=America/Los_Angeles $PY "$SYNC/notmuch_view.py" "$GEN/network" --dump > notmuch.dump
    TZ=America/Los_Angeles oracle --dump | sort > oracle.dump
    run diff oracle.dump notmuch.dump
    assert_success
    [ "$(wc -l < oracle.dump)" -eq "$(count messages)" ]
}

@test "notmuch's from:/to: days of every person are the oracle's, but three the rules read strictly" {
    needs_mail
    TZ=Asia/Tokyo $PY "$SYNC/notmuch_view.py" "$GEN/network" --since 2025-11-28 --until 2026-11-28 > notmuch.days
    TZ=Asia/Tokyo oracle --ignore-log | cut -f 1,2 > oracle.days
    [ "$(wc -l < oracle.days)" -gt 100 ]
    run comm -23 oracle.days notmuch.days
    assert_success
    assert_output ""
    # notmuch folds the case of a local part (Carol's, yours) and its to: searches Bcc (Ivan's).
    run comm -13 oracle.days notmuch.days
    assert_success
    assert_output "$(printf 'bob-okafor\t2026-10-24\ncarol-chen\t2026-10-22\nivan-petrov\t2026-11-04')"
}

@test "the mail oracle on the fixed cast: what counts, once a day, the earliest subject, the log already there" {
    needs_mail
    run cast_of "$GEN/oracle-subjects.tsv"
    assert_success
    assert_output - <<'EOF'
ada-lovelace|2026-10-18|email|Second address
ada-lovelace|2026-10-19|email|Lunch next week?
ada-lovelace|2026-10-23|email|Alias
ada-lovelace|2026-10-30|email|Cc you
ada-lovelace|2026-10-31|email|To and Cc
ada-lovelace|2026-11-09|email|Twice
ada-lovelace|2026-11-13|email|Three at once
bob-okafor|2026-10-20|email|Re: the engine paper
bob-okafor|2026-10-25|email|From the alias
bob-okafor|2026-11-08|email|Über das Café — nächste Woche
bob-okafor|2026-11-13|email|Three at once
bob-okafor|2026-11-14|email|Comma in the name
bob-okafor|2026-11-15|email|Quoted local part
carol-chen|2026-10-21|email|Slides
carol-chen|2026-11-13|email|Three at once
heidi-klein|2026-11-06|email|After the call
jose-nunez|2026-11-07|email|Café crème brûlée
judy-other|2026-10-31|email|To and Cc
kwame-mensah|2026-10-26|email|Old job
lena-fischer|2026-11-12|email|Self, Cc Lena
lena-fischer|2026-11-16|email|No Message-ID
lena-fischer|2026-11-17|email|First of the day
lena-fischer|2026-11-18|email|Tie A
lena-fischer|2026-11-19|email
mei-yamada|2026-11-11|email|Late in California
mei-yamada|2026-11-13|email|Last second
mei-yamada|2026-11-15|email|First second
omar-haddad|2026-11-22|email|No zone
omar-haddad|2026-11-23|email|EST
yuki-tanaka|2026-09-29|email|Re: plan: Q4 #1
yuki-tanaka|2026-09-30|email|yes
yuki-tanaka|2026-10-01|email|007
yuki-tanaka|2026-10-02|email|- dash first
yuki-tanaka|2026-10-03|email|[draft] {x}
yuki-tanaka|2026-10-04|email|it's "quoted"
yuki-tanaka|2026-10-05|email|null
yuki-tanaka|2026-10-06|email|key: value # not a comment
yuki-tanaka|2026-10-07|email|tab here
yuki-tanaka|2026-10-08|email|spaced out
yuki-tanaka|2026-10-09|email|会議のお知らせ
yuki-tanaka|2026-10-10|email|emoji 🎉
yuki-tanaka|2026-10-11|email|A long subject that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes on that goes on and ends
EOF
}

@test "the mail oracle's day is the local day of the message's instant: Mei and Omar under three TZ" {
    needs_mail
    days() ( set -o pipefail; TZ=$1 oracle | grep -E '^(mei-yamada|omar-haddad)' | cut -f 2 | tr '\n' ' ' )
    run days UTC
    assert_success
    assert_output "2026-11-11 2026-11-13 2026-11-15 2026-11-22 2026-11-23 "
    run days Asia/Tokyo
    assert_success
    assert_output "2026-11-11 2026-11-12 2026-11-14 2026-11-15 2026-11-16 2026-11-23 "
    run days America/Los_Angeles
    assert_success
    assert_output "2026-11-10 2026-11-11 2026-11-13 2026-11-14 2026-11-15 2026-11-22 "
}

@test "the mail oracle: --since and --until bound the days; the default is the year before KITH_TODAY" {
    needs_mail
    run env TZ=UTC KITH_TODAY=2026-11-28 $PY "$SYNC/mail_oracle.py" "$GEN/network" "$GEN/mail"
    assert_success
    assert_output "$(cut -f 1-3 "$GEN/oracle-subjects.tsv")"
    run env TZ=UTC $PY "$SYNC/mail_oracle.py" "$GEN/network" "$GEN/mail" --since 2026-11-20 --until 2026-11-22
    assert_success
    assert_line "$(printf 'omar-haddad\t2026-11-22\temail')"
    refute_output --regexp "2026-11-(19|23)"
    run env TZ=UTC $PY "$SYNC/mail_oracle.py" "$GEN/network" "$GEN/mail" --since 2025-10-24 --until 2025-10-24
    assert_success
    assert_line "$(printf 'omar-haddad\t2025-10-24\temail')"
    run grep -c omar-haddad "$GEN/oracle-subjects.tsv"
    assert_success
    assert_output 2
}

@test "without notmuch's user.other_email, mail to that address counts for nobody (setup --no-user)" {
    needs_mail
    cp -r "$GEN/mail" mail && cp "$GEN/mail.tags" "$GEN/mail.me" .
    run --separate-stderr "$SYNC/notmuch_setup.sh" mail --no-user
    assert_success
    assert_output "$PWD/mail.notmuch-config-nouser"
    run env NOTMUCH_CONFIG="$PWD/mail.notmuch-config-nouser" notmuch config get user.other_email
    assert_success
    assert_output ""
    run env NOTMUCH_CONFIG="$PWD/mail.notmuch-config-nouser" TZ=UTC \
        $PY "$SYNC/mail_oracle.py" "$GEN/network" mail --since 2025-11-28 --until 2026-11-28
    assert_success
    refute_output --partial kwame-mensah
    assert_output --partial "lena-fischer"
}

@test "an entry in the log stops the mail oracle and the calendar oracle: a second run adds nothing" {
    needs_mail
    cp -r "$GEN/network" before && cp -r "$GEN/network" after
    cp "$GEN/oracle-subjects.tsv" first.tsv
    TZ=UTC $PY "$SYNC/calendar_oracle.py" "$CAL/network" "$CAL/vdir" > calendar.tsv
    cp -r "$CAL/network" calendar-after
    log_into() { $PY - "$@" <<'PY'
import json, pathlib, sys
for line in pathlib.Path(sys.argv[2]).read_text().splitlines():
    slug, date, kind, *note = line.split("\t")
    path = pathlib.Path(sys.argv[1], "contacts", slug + ".yaml")
    text = path.read_text()
    text += ("" if "\nlog:\n" in text else "log:\n") + f"  - {{date: {date}, kind: {kind}"
    path.write_text(text + (f", note: {json.dumps(note[0], ensure_ascii=False)}}}\n" if note else "}\n"))
PY
    }
    log_into after first.tsv
    log_into calendar-after calendar.tsv
    run $PY "$SYNC/compare_entries.py" first.tsv after --before before
    assert_success
    assert_output ""
    run env TZ=UTC $PY "$SYNC/mail_oracle.py" after "$GEN/mail" --since 2025-11-28 --until 2026-11-28 --subjects
    assert_success
    assert_output ""
    run env TZ=UTC $PY "$SYNC/calendar_oracle.py" calendar-after "$CAL/vdir"
    assert_success
    assert_output ""
}

# Prints the days (DAY, or DAY:NOTE with a second argument) of one person's entries read on stdin, on one line.
days_of() ( set -o pipefail; grep "^$1|" | if [ -n "${2:-}" ]; then cut -d '|' -f 2,4 | tr '|' ':'; else cut -d '|' -f 2; fi | tr '\n' ' ' )

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

@test "compare_entries.py finds a missing, an extra and a duplicated entry, and nothing when they agree" {
    needs_python
    mkdir -p hand/contacts
    echo "me: {name: Sam, email: sam@example.org}" > hand/kith.yaml
    cat > hand/contacts/ada.yaml <<'EOF2'
name: Ada
email: [ada@example.org]
log:
  - {date: 2026-11-01, kind: email}
  - {date: 2026-11-02, kind: email}
  - {date: 2026-11-02, kind: email, note: again}
  - {date: 2026-11-03, kind: meeting, note: Sync}
  - {date: 2026-11-03, kind: meeting, note: Sync}
  - {date: 2026-11-04, kind: call}
  - {date: 2026-11-05, kind: meeting, note: "007"}
  - {date: 2026-11-07, kind: email}
EOF2
    printf 'ada\t2026-11-01\temail\nada\t2026-11-02\temail\nada\t2026-11-03\tmeeting\tSync\nada\t2026-11-05\tmeeting\t007\nada\t2026-11-06\temail\n' > expected.tsv
    run $PY "$SYNC/compare_entries.py" expected.tsv hand
    assert_failure 1
    assert_output - <<'EOF2'
duplicated	ada 2026-11-02 email
duplicated	ada 2026-11-02 email again
duplicated	ada 2026-11-03 meeting Sync
missing	ada 2026-11-06 email
extra	ada 2026-11-07 email
EOF2
    sed -i -e '/again/d' -e '0,/note: Sync}/{/note: Sync}/d}' -e 's/2026-11-07/2026-11-06/' hand/contacts/ada.yaml
    run $PY "$SYNC/compare_entries.py" expected.tsv hand
    assert_success
    assert_output ""
    # With --before, only what was written counts: an email entry on a day that had one is a duplicate.
    cp -r hand before
    echo "  - {date: 2026-11-01, kind: email, note: synced}" >> hand/contacts/ada.yaml
    : > nothing.tsv
    run $PY "$SYNC/compare_entries.py" nothing.tsv hand --before before
    assert_failure 1
    assert_output "$(printf 'duplicated\tada 2026-11-01 email synced')"
}
