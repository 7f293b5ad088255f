load helpers
# `due --format ics` read by real calendar programs from Debian: khal (which ignores VTODO,
# hence --ics-events) and calcurse. Each must import without a word on stderr, in the
# empty case and on examples/network, and show what kith wrote on the right days.

# A private khal: its config, its vdir and its database under the test's HOME.
khal_setup() {
    command -v khal >/dev/null || skip "khal is not installed (make deps)"
    mkdir -p "$HOME/vdir"
    cat > "$HOME/khal.conf" <<EOF
[calendars]
[[kith]]
path = $HOME/vdir
[locale]
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
EOF
}
khal_() { khal -c "$HOME/khal.conf" "$@"; }
# Imports a file; fails on a non-zero exit or anything on stderr.
khal_import() {
    khal_ import --batch -a kith "$1" 2> "$BATS_TEST_TMPDIR/khal.err"
    [ ! -s "$BATS_TEST_TMPDIR/khal.err" ] || { cat "$BATS_TEST_TMPDIR/khal.err" >&2; return 1; }
}
# Prints "YYYY-MM-DD title", one event a line, from FROM to TO.
khal_days() { khal_ list --format "{start-date} {title}" --day-format "" "$1" "$2"; }

calcurse_setup() {
    command -v calcurse >/dev/null || skip "calcurse is not installed (make deps)"
    CAL="$BATS_TEST_TMPDIR/calcurse"
    mkdir -p "$CAL"
}
# Imports a file; fails on a non-zero exit, anything on stderr, or a skipped item.
calcurse_import() {
    calcurse -D "$CAL" -i "$1" > "$BATS_TEST_TMPDIR/calcurse.out" 2> "$BATS_TEST_TMPDIR/calcurse.err"
    cat "$BATS_TEST_TMPDIR/calcurse.out"
    [ ! -s "$BATS_TEST_TMPDIR/calcurse.err" ] || { cat "$BATS_TEST_TMPDIR/calcurse.err" >&2; return 1; }
    grep -q ' 0 skipped$' "$BATS_TEST_TMPDIR/calcurse.out"
}
# Prints "YYYY-MM-DD title", one appointment or event a line, for DAYS days from FROM.
calcurse_days() {
    calcurse -D "$CAL" --input-datefmt 4 -Q --from "$1" --days "$2" |
        awk '/^[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9]:$/ { split($1, d, "/"); day = "20" substr(d[3], 1, 2) "-" d[1] "-" d[2]; next }
             /^ [*-] / { print day, substr($0, 4) }'
}

@test "khal imports the empty calendar without a word" {
    khal_setup
    kith due --tag nobody --format ics > empty.ics
    run khal_import empty.ics
    assert_success
    assert_output ""
    kith due --tag nobody --format ics --ics-events > empty.ics
    run khal_import empty.ics
    assert_success
    run -0 khal_days 2026-11-01 2027-12-31
    assert_output ""
}

@test "khal shows the birthdays every year without an age, and with --ics-events the follow-ups and people" {
    khal_setup
    kith due --within 30d --format ics > todos.ics
    run khal_import todos.ics
    assert_success
    run -0 khal_days 2026-11-28 2026-12-31
    assert_line "2026-11-29 Sofia Rossi's birthday"
    assert_line "2026-12-10 Ada Lovelace's birthday"
    refute_output --partial "turns"
    run -0 khal_days 2027-11-28 2027-12-31
    assert_line "2027-11-29 Sofia Rossi's birthday"
    refute_output --partial "turns"
    # khal reads no VTODO: the follow-ups need --ics-events to show at all.
    refute_output --partial "renewal proposal"

    kith due --within 30d --format ics --ics-events > events.ics
    run khal_import events.ics
    assert_success
    run -0 khal_days 2026-11-28 2026-12-31
    # Overdue on today; ahead on its day; a person who is due is an event too.
    assert_line "2026-11-28 Linus Okafor: send the renewal proposal"
    assert_line "2026-11-28 Get in touch with Linus Okafor"
    assert_line "2026-12-01 Omar Haddad: introduce him to someone in hardware"
    assert_line "2026-12-05 Ada Lovelace: send the engine paper"
    assert_line "2026-12-15 Get in touch with 山田 太郎"
    assert_line "2026-11-29 Sofia Rossi's birthday"
    # The same UIDs: importing both files leaves one birthday a day, not two.
    [ "$(grep -c "Sofia Rossi's birthday" <<<"$output")" = 1 ]
    [ "$(ls "$HOME/vdir" | wc -l)" = "$(grep -c '^BEGIN:VEVENT' events.ics)" ]
}

@test "the README's khal recipe: a calendar of its own, refilled, loses what is done" {
    khal_setup
    kith due --within 30d --format ics --ics-events > "$HOME/kith.ics"
    rm -f "$HOME"/vdir/*.ics && khal_import "$HOME/kith.ics"
    run -0 khal_days 2026-11-28 2026-11-28
    assert_line "2026-11-28 Linus Okafor: send the renewal proposal"
    kith done linus 2>/dev/null
    kith due --within 30d --format ics --ics-events > "$HOME/kith.ics"
    rm -f "$HOME"/vdir/*.ics && khal_import "$HOME/kith.ics"
    run -0 khal_days 2026-11-28 2026-11-28
    assert_line "2026-11-28 Get in touch with Linus Okafor"
    refute_output --partial "renewal proposal"
}

@test "calcurse imports the empty calendar without a word" {
    calcurse_setup
    kith due --tag nobody --format ics > empty.ics
    run calcurse_import empty.ics
    assert_success
    assert_line "0 apps / 0 events / 0 todos / 0 skipped"
    kith due --tag nobody --format ics --ics-events > empty.ics
    run calcurse_import empty.ics
    assert_success
}

@test "calcurse imports examples/network: to-dos, yearly birthdays without an age, and --ics-events on their days" {
    calcurse_setup
    kith due --within 30d --format ics > todos.ics
    run calcurse_import todos.ics
    assert_success
    assert_line "0 apps / 5 events / 13 todos / 0 skipped"
    run -0 calcurse -D "$CAL" -t
    assert_line "0. Linus Okafor: send the renewal proposal"
    assert_line "0. Get in touch with Grace Hopper"
    run -0 calcurse_days 2027-11-28 14
    assert_line "2027-11-29 Sofia Rossi's birthday"
    assert_line "2027-12-10 Ada Lovelace's birthday"
    refute_output --partial "turns"

    calcurse_setup
    rm -rf "$CAL" && mkdir "$CAL"
    kith due --within 30d --format ics --ics-events > events.ics
    run calcurse_import events.ics
    assert_success
    assert_line "0 apps / 18 events / 0 todos / 0 skipped"
    run -0 calcurse_days 2026-11-28 30
    assert_line "2026-11-28 Linus Okafor: send the renewal proposal"
    assert_line "2026-11-28 Get in touch with Sofia Rossi"
    assert_line "2026-12-05 Ada Lovelace: send the engine paper"
    assert_line "2026-12-09 Grace Hopper's birthday"
    refute_output --partial "turns"
}

@test "a birthday on 29 February is on the last day of February every year, in khal and calcurse" {
    khal_setup
    calcurse_setup
    kith init "$BATS_TEST_TMPDIR/leap" 2>/dev/null
    cd "$BATS_TEST_TMPDIR/leap"
    kith add "Leap Day" --birthday 2000-02-29 --since 2027-02-01 2>/dev/null
    kith due --today 2027-02-20 --within 2w --format ics > leap.ics
    grep -q $'^RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r$' leap.ics
    run khal_import leap.ics
    assert_success
    run -0 khal_days 2027-01-01 2029-12-31
    assert_output $'2027-02-28 Leap Day\'s birthday\n2028-02-29 Leap Day\'s birthday\n2029-02-28 Leap Day\'s birthday'
    run calcurse_import leap.ics
    assert_success
    run -0 calcurse_days 2028-02-27 4
    assert_output "2028-02-29 Leap Day's birthday"
}
