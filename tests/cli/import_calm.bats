# A calm import (issue 20, item 1): new people get `since:` the import day and a `first_due:`
# spread over their first cadence; the import's warnings and counts (item 10).
load helpers

FIX="${KITH_SOURCE:-$BATS_TEST_DIRNAME/../..}/tests/fixtures"

# An empty network in $NET (today 2026-11-28, the default tier loose: 180 days, 25 weeks).
empty_network() {
    kith init "$BATS_TEST_TMPDIR/fresh" >/dev/null
    NET="$BATS_TEST_TMPDIR/fresh"
    cd "$NET"
}

# Writes a vCard folder of $2 people, a Google CSV and a LinkedIn CSV of $3 people each, in $1.
address_book() {
    python3 - "$@" <<'PY'
import os, sys
out, cards, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(f"{out}/cards", exist_ok=True)
for i in range(cards):
    with open(f"{out}/cards/{i:02}.vcf", "w") as f:
        f.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Card Person {i}\r\nEMAIL:card{i}@example.org\r\nEND:VCARD\r\n")
with open(f"{out}/google.csv", "w") as f:
    f.write("First Name,Last Name,E-mail 1 - Value,Labels\n")
    for i in range(rows):
        f.write(f"Google,Person {i},google{i}@example.org,* myContacts ::: Friends\n")
with open(f"{out}/linkedin.csv", "w") as f:
    f.write("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    for i in range(rows):
        f.write(f'Linked,Person {i},https://www.linkedin.com/in/p{i},,Acme,Engineer,"{1 + i % 12}/8/18, 6:14 PM"\n')
PY
}

# Prints, for each of the 27 weeks from 2026-11-28, how many people fall due in it (contact rows only).
weekly_due() {
    for week in $(seq 0 26); do
        start=$(date -u -d "2026-11-28 + $((week * 7)) days" +%F)
        kith due --format tsv --today "$start" --within 6d |
            awk -F'\t' -v from="$start" '$1 == "contact" && $5 >= from { n++ } END { print n + 0 }'
    done
}

@test "an address book imported in three files on one day is never more than ceil(N / weeks) + 1 due in a week" {
    empty_network
    address_book "$BATS_TEST_TMPDIR/book" 20 15
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/book/cards"
    assert_success
    for f in apple-3.0.vcf android-2.1.vcf google-3.0.vcf nextcloud-4.0.vcf; do
        run --separate-stderr kith import vcard "$FIX/$f"
        [ "$status" -eq 0 ] || [ "$status" -eq 3 ]  # a fixture holds a card with no name
    done
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/book/google.csv"
    assert_success
    run --separate-stderr kith import google "$FIX/google-contacts.csv"
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ]  # the fixture holds a row with no name
    run --separate-stderr kith import linkedin "$BATS_TEST_TMPDIR/book/linkedin.csv"
    assert_success
    people=$(ls contacts | wc -l)
    [ "$people" -ge 50 ]
    # every person added waits for a first contact, with the day written in their file
    [ "$(grep -l '^first_due: ' contacts/*.yaml | wc -l)" -eq "$people" ]
    [ "$(grep -l '^since: 2026-11-28$' contacts/*.yaml | wc -l)" -eq "$people" ]
    bound=$(( (people + 24) / 25 + 1 ))
    counts=$(weekly_due)
    echo "people $people, bound $bound, weekly: $(echo $counts)"
    most=$(printf '%s\n' $counts | sort -n | tail -1)
    [ "$most" -le "$bound" ]
    # every one of them falls due within the first cadence (180 days): the weeks hold them all
    [ "$(printf '%s\n' $counts | awk '{ n += $1 } END { print n }')" -eq "$people" ]
    # the days are the same after a later command (a re-import, a check)
    before=$(grep -h '^first_due: ' contacts/*.yaml | sort | md5sum)
    kith import vcard "$BATS_TEST_TMPDIR/book/cards" >/dev/null 2>&1
    run kith check
    assert_success
    [ "$(grep -h '^first_due: ' contacts/*.yaml | sort | md5sum)" = "$before" ]
}

@test "a second import on one day counts those already waiting" {
    empty_network
    address_book "$BATS_TEST_TMPDIR/book" 30 26
    kith import vcard "$BATS_TEST_TMPDIR/book/cards" >/dev/null
    kith import google "$BATS_TEST_TMPDIR/book/google.csv" >/dev/null
    kith import linkedin "$BATS_TEST_TMPDIR/book/linkedin.csv" >/dev/null
    counts=$(weekly_due)
    most=$(printf '%s\n' $counts | sort -n | tail -1)
    [ "$most" -le $(( (82 + 24) / 25 + 1 )) ]  # 82 people: 5 in a week at most
}

@test "import: since is the import day or --since; LinkedIn's Connected On (old forms too) goes to met" {
    empty_network
    address_book "$BATS_TEST_TMPDIR/book" 1 2
    run --separate-stderr kith import linkedin "$BATS_TEST_TMPDIR/book/linkedin.csv"
    assert_success
    grep -qx 'since: 2026-11-28' contacts/linked-person-0.yaml
    grep -Eqx 'met: "?LinkedIn, connected 2018-01-08"?' contacts/linked-person-0.yaml
    grep -Eqx 'met: "?LinkedIn, connected 2018-02-08"?' contacts/linked-person-1.yaml
    run -3 --separate-stderr kith import linkedin "$FIX/linkedin-connections.csv"
    grep -Eqx 'met: "?LinkedIn, connected 2024-03-15"?' contacts/ada-lovelace.yaml
    grep -qx 'since: 2026-11-28' contacts/ada-lovelace.yaml
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/book/cards" --since 2020-05-01
    assert_success
    grep -qx 'since: 2020-05-01' contacts/card-person-0.yaml
    # the first cadence starts on the import day, not in the past: not due at once
    first=$(sed -n 's/^first_due: //p' contacts/card-person-0.yaml)
    [[ "$first" > 2026-11-28 ]]
    [[ ! "$first" > 2027-05-27 ]]
}

@test "import --tier and --tag apply to everyone it adds, and to no one it merges" {
    snapshot ada-lovelace
    run --separate-stderr kith import google "$FIX/google-contacts.csv" --tier close --tag imported --tag batch-1
    [ "$status" -eq 3 ]  # the fixture's row with no name
    added=$(grep -l '^first_due: ' contacts/*.yaml)
    [ -n "$added" ]
    for f in $added; do
        grep -qx 'tier: close' "$f"
        grep -Eq '^tags: \[.*imported, batch-1\]$' "$f"
    done
    ! grep -q 'imported' contacts/ada-lovelace.yaml
    ! grep -q '^first_due' contacts/ada-lovelace.yaml
}

@test "a logged contact makes first_due irrelevant" {
    empty_network
    address_book "$BATS_TEST_TMPDIR/book" 1 0
    kith import vcard "$BATS_TEST_TMPDIR/book/cards" >/dev/null
    run kith due --format tsv --within 400d
    assert_success
    first=$(sed -n 's/^first_due: //p' contacts/card-person-0.yaml)
    assert_line --partial "$first"
    kith log card-person-0 -k call >/dev/null
    run kith due --format tsv --within 400d
    assert_success
    assert_line --partial $'\t2027-05-27\t'
    refute_line --partial "$first"
}

@test "import: each distinct warning once with a count; a card with a dropped BDAY is added with a warning, not failed" {
    empty_network
    printf 'BEGIN:VCARD\r\nFN:Bad Day\r\nBDAY:someday\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Good Day\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/b.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/b.vcf"
    assert_success
    assert_line '2 added (1 with warnings), 0 merged, 0 skipped, 0 failed'
    assert_stderr_has "BDAY 'someday' is not a date; left out"
    printf 'First Name,Last Name\nA,One,x\nB,Two,y\nC,Three,z\n' > "$BATS_TEST_TMPDIR/g.csv"
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/g.csv"
    assert_success
    assert_line '3 added (3 with warnings), 0 merged, 0 skipped, 0 failed'
    [ "$(grep -c 'past the header' <<<"$stderr")" -eq 1 ]
    assert_stderr_has "g.csv:2: 1 cell past the header's 2 columns left out (3 times)"
}

@test "import: Google's system groups, legacy and current, are not tags" {
    empty_network
    printf 'Given Name,Family Name,Group Membership\nAda,Lovelace,* My Contacts ::: * Starred ::: Mentors\n' > "$BATS_TEST_TMPDIR/legacy.csv"
    run --separate-stderr kith import google "$BATS_TEST_TMPDIR/legacy.csv"
    assert_success
    grep -qx 'tags: \[Mentors\]' contacts/ada-lovelace.yaml
    printf 'BEGIN:VCARD\r\nFN:Grace Hopper\r\nCATEGORIES:My Contacts,Starred,Navy\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/c.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/c.vcf"
    assert_success
    grep -qx 'tags: \[Navy\]' contacts/grace-hopper.yaml
}
