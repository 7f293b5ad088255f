# Readable at 60, 80 and 120 columns (COLUMNS sets the width, as for ls), --limit, show, find.
load helpers

@test "due fits 60, 80 and 120 columns, with whole names and whole last-contact days" {
    for width in 60 80 120; do
        run --separate-stderr env COLUMNS=$width "$KITH" due --within 7d
        assert_success
        while IFS= read -r line; do
            [ "$(printf '%s' "$line" | wc -m)" -le "$width" ] || { echo "too wide at $width: $line"; false; }
        done <<< "$output"
        assert_output --partial "Linus Okafor"
        assert_output --partial "Sofia Rossi"
        assert_output --partial "2026-09-02"
        assert_output --partial "2025-09-01"
    done
    run -0 --separate-stderr env COLUMNS=120 "$KITH" due
    assert_line --regexp '^  Linus Okafor +core +57 days overdue +2\.9× +via video +last: meeting 2026-09-02: Quarterly review; unhappy with$'
    assert_line --regexp '^ {60,}latency$'
    run -0 --separate-stderr env COLUMNS=60 "$KITH" due
    assert_line "      last: meeting 2026-09-02: Quarterly review; unhappy"
}

@test "without COLUMNS and off a terminal, nothing is cut" {
    run -0 --separate-stderr kith due
    assert_line --regexp 'last: meeting 2026-09-02: Quarterly review; unhappy with latency$'
}

@test "due --limit says how many more there are, on stderr, in text only" {
    run --separate-stderr kith due --limit 2
    assert_success
    assert_equal "$stderr" "… and 12 more (--limit 2)"
    run -0 --separate-stderr kith due --limit 2 --format tsv
    [ "${#lines[@]}" -eq 3 ]
    assert_equal "$stderr" ""
    run -0 --separate-stderr kith due --limit 50
    assert_equal "$stderr" ""
}

@test "colour grades lateness: yellow under a week, red under a month, bold red beyond" {
    unset NO_COLOR
    run -0 --separate-stderr kith due --color always
    assert_line --partial $'  \e[1;31mSofia Rossi'
    assert_line --partial $'  \e[31mGrace Hopper'
    assert_line --partial $'  \e[33mOmar Haddad'
}

@test "show prints for people: day and month, the introducer's name, no 0.0x, wrapped at words" {
    kith log ada -k call 2>/dev/null
    run --separate-stderr env COLUMNS=60 "$KITH" show ada
    assert_success
    assert_line "  birthday   10 Dec 1985"
    assert_line "  introduced by Grace Hopper"
    refute_output --partial "0.0×"
    while IFS= read -r line; do
        [ "$(printf '%s' "$line" | wc -m)" -le 60 ] || { echo "too wide: $line"; false; }
    done <<< "$output"
}

@test "find shows the matching words in their context" {
    run --separate-stderr kith find "chat on"
    assert_success
    assert_line --regexp '^tom-becker +Tom Becker +log 2026-02-02 +Background chat on robotics$'
    run -0 --separate-stderr kith find "chat on" --format tsv
    assert_line $'tom-becker\tTom Becker\tlog 2026-02-02\tBackground chat on robotics'
    printf 'name: Zed Long\nnotes: We met at the fair in Lyon where she showed us the small robots she builds for schools, and she wants partners\n' > contacts/zed.yaml
    run -0 --separate-stderr kith find ROBOTS
    assert_line --regexp '^zed +Zed Long +notes +…showed us the small robots she builds for schools,…$'
    run -0 --separate-stderr kith find ROBOTS --format tsv
    assert_line --partial $'notes\tWe met at the fair in Lyon where'
}
