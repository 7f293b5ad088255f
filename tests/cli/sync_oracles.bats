load helpers
load sync_helpers
# The mail side of tests/sync/ (issue 22), proven without kith: make_maildir.py's archive
# indexes with the real notmuch (notmuch_setup.sh), notmuch's own from:/to: view agrees with
# mail_oracle.py but where the rules read addresses more strictly, the oracle's rules on the
# fixed cast, and compare_entries.py finds a missing, an extra and a duplicated entry.
# The calendar side: sync_calendar_oracles.bats.

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
count() { sed -n "s/^$1\t//p" "$GEN/mail.counts"; }
# The mail oracle on the generated archive over the year before KITH_TODAY.
oracle() { $PY "$SYNC/mail_oracle.py" "$GEN/network" "$GEN/mail" --since 2025-11-28 --until 2026-11-28 "$@"; }
# Prints a TSV file's lines of the fixed cast (not the random person-N), fields joined by |.
cast_of() { grep -v '^person-' "$1" | tr '\t' '|'; }

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

@test "an email entry in the log stops the mail oracle: a second run adds nothing" {
    needs_mail
    cp -r "$GEN/network" before && cp -r "$GEN/network" after
    log_into after "$GEN/oracle-subjects.tsv"
    run $PY "$SYNC/compare_entries.py" "$GEN/oracle-subjects.tsv" after --before before
    assert_success
    assert_output ""
    run env TZ=UTC $PY "$SYNC/mail_oracle.py" after "$GEN/mail" --since 2025-11-28 --until 2026-11-28
    assert_success
    assert_output ""
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
    # Two meetings the sync wrote on one day, one without a note: it stands for any that day.
    printf '  - {date: 2026-11-08, kind: meeting, note: A}\n  - {date: 2026-11-08, kind: meeting}\n' >> hand/contacts/ada.yaml
    run $PY "$SYNC/compare_entries.py" nothing.tsv hand --before before
    assert_failure 1
    assert_output "$(printf 'duplicated\tada 2026-11-01 email synced\nduplicated\tada 2026-11-08 meeting\nduplicated\tada 2026-11-08 meeting A')"
}
