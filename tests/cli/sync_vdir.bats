#!/usr/bin/env bats
# kith sync vdir on plain folders (no server): identity, the base and the three-way merge, new
# and gone cards, stable bytes, atomic writes (issue 21 items 1, 2, 3, 6). The real chain with
# Radicale and vdirsyncer is in carddav_chain.bats.
load helpers

UUID_RE='^uid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'

# The uid kith gave the person $1.
uid_of() { sed -n 's/^uid: //p' "$NET/contacts/$1.yaml"; }
# The card file of the person $1.
card_of() { echo "$VDIR/$(uid_of "$1").vcf"; }
# Every file of the vdir and the network (not .kith/) with its checksum and mtime.
all_stamps() { (find "$VDIR" "$NET" -path "$NET/.kith" -prune -o -type f -print0 | sort -z | xargs -0 stat -c '%n %Y.%y %s' && find "$VDIR" "$NET" -path "$NET/.kith" -prune -o -type f -print0 | sort -z | xargs -0 sha1sum); }
# Puts a card (text on stdin, CRLF added) into the vdir as $1.
put_card() { sed 's/$/\r/' >"$VDIR/$1"; }


sync_setup() {
    VDIR="$BATS_TEST_TMPDIR/vdir"
    run kith sync vdir "$VDIR"
    assert_success
}

@test "the first sync gives each person a uid (one line) and one card DIR/<uid>.vcf; the next writes nothing" {
    snapshot ada-lovelace
    sync_setup
    assert_line --regexp "^write a card for ada-lovelace as '[0-9a-f-]{36}\.vcf'$"
    run changes ada-lovelace
    assert_success
    assert_output --regexp "^> uid: [0-9a-f-]{36}$"
    for f in "$NET"/contacts/*.yaml; do
        grep -Eq "$UUID_RE" "$f"
        uid=$(sed -n 's/^uid: //p' "$f")
        grep -qx "UID:$uid"$'\r' "$VDIR/$uid.vcf"
    done
    [ "$(ls "$VDIR" | wc -l)" -eq "$(ls "$NET"/contacts/*.yaml | wc -l)" ]
    # vCard 3.0 by default; kith's own data stays in kith
    grep -qx $'VERSION:3.0\r' "$(card_of ada-lovelace)"
    grep -qx $'TITLE:Lead Analyst\r' "$(card_of ada-lovelace)"
    ! grep -qiE 'core|bernoulli-no|Learn how hardware|PyCon|lunch|engine paper' "$(card_of ada-lovelace)"
    before=$(all_stamps)
    sleep 1.1 # (mtime granularity: a rewrite of the same bytes would show)
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    assert_output ""
    [ "$stderr" = "" ]
    [ "$(all_stamps)" = "$before" ]
}

@test "a property changed only in the vdir lands in the YAML, every other byte kept; one changed only in kith reaches the card" {
    sync_setup
    snapshot ada-lovelace
    card=$(card_of ada-lovelace)
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$card"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update ada-lovelace from the vdir: title"
    run -0 changes ada-lovelace
    assert_output $'< title: Lead Analyst\n> title: Head of Analytics'
    cp "$card" "$BATS_TEST_TMPDIR/card.before"
    sed -i 's/^org: .*/org: Difference Engines Ltd/' "$NET/contacts/ada-lovelace.yaml"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update the card of ada-lovelace: org"
    run diff "$BATS_TEST_TMPDIR/card.before" "$card"
    assert_failure 1
    assert_output $'8c8\n< ORG:Analytical Engines Ltd\r\n---\n> ORG:Difference Engines Ltd\r'
    run kith sync vdir "$VDIR"
    assert_success
    assert_output ""
}

@test "a property changed on both sides is a conflict: reported with both values, each side keeps its own, until they match" {
    sync_setup
    card=$(card_of ada-lovelace)
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$card"
    sed -i 's/^title: .*/title: Chief Analyst/' "$NET/contacts/ada-lovelace.yaml"
    for _ in 1 2; do
        run --separate-stderr kith sync vdir "$VDIR"
        assert_failure 3
        assert_stderr_has "ada-lovelace: 'title' changed on both sides: kith has 'Chief Analyst', the card '$card' has 'Head of Analytics'"
        grep -qx 'title: Chief Analyst' "$NET/contacts/ada-lovelace.yaml"
        grep -qx $'TITLE:Head of Analytics\r' "$card"
    done
    sed -i 's/^title: .*/title: Head of Analytics/' "$NET/contacts/ada-lovelace.yaml"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    [ "$stderr" = "" ]
}

@test "lists merge as sets: an item added on each side survives on both; one removed on one side is removed" {
    sync_setup
    card=$(card_of ada-lovelace)
    sed -i 's/^EMAIL;TYPE=INTERNET:ada@example.org\r$/&\nitem7.EMAIL;TYPE=INTERNET:ada@phone.example\r\nitem7.X-ABLabel:Phone\r/' "$card"
    sed -i 's/^email: .*/email: [ada@example.org, ada@kith.example]/' "$NET/contacts/ada-lovelace.yaml"
    run kith sync vdir "$VDIR"
    assert_success
    grep -qx 'email: \[ada@example.org, ada@kith.example, ada@phone.example\]' "$NET/contacts/ada-lovelace.yaml"
    grep -qx $'item7.EMAIL;TYPE=INTERNET:ada@phone.example\r' "$card"
    grep -qx $'item7.X-ABLabel:Phone\r' "$card"
    grep -qx $'EMAIL;TYPE=INTERNET:ada@kith.example\r' "$card"
    # removed on the phone, untouched in kith: removed from kith, its label with it
    sed -i '/^item7\./d' "$card"
    sed -i 's/^tags: .*/tags: [mentor, london, math]/' "$NET/contacts/ada-lovelace.yaml"
    run kith sync vdir "$VDIR"
    assert_success
    grep -qx 'email: \[ada@example.org, ada@kith.example\]' "$NET/contacts/ada-lovelace.yaml"
    grep -qx $'CATEGORIES:mentor,london,math\r' "$card"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output ""
}

@test "a new card becomes a new person (since the sync day) and keeps its UID and file name; no second card is written" {
    sync_setup
    put_card 'from the phone.vcf' <<'CARD'
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.1.2//EN
UID:urn:uuid:9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B6A
FN:Niamh Byrne
TITLE:Editor
EMAIL;type=INTERNET:niamh@example.ie
END:VCARD
CARD
    run kith sync vdir "$VDIR"
    assert_success
    assert_line "add Niamh Byrne as niamh-byrne from '$VDIR/from the phone.vcf'"
    grep -qx 'uid: "urn:uuid:9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B6A"' "$NET/contacts/niamh-byrne.yaml" ||
        grep -qx 'uid: urn:uuid:9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B6A' "$NET/contacts/niamh-byrne.yaml"
    grep -qx 'since: 2026-11-28' "$NET/contacts/niamh-byrne.yaml"
    [ "$(grep -l 'UID:urn:uuid:9D8C7B6A' "$VDIR"/*.vcf | wc -l)" -eq 1 ]
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    assert_output ""
    sed -i 's/^TITLE:Editor/TITLE:Managing Editor/' "$VDIR/from the phone.vcf"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update niamh-byrne from the vdir: title"
    grep -qx 'title: Managing Editor' "$NET/contacts/niamh-byrne.yaml"
}

@test "a card deleted from the vdir deletes no one, is not written again, and the run says how to archive" {
    sync_setup
    rm "$(card_of grace-hopper)"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    assert_stderr_has "the card of Grace Hopper"
    assert_stderr_has "'kith archive grace-hopper' if they should go"
    [ -f "$NET/contacts/grace-hopper.yaml" ]
    [ ! -e "$(card_of grace-hopper)" ]
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    [ ! -e "$(card_of grace-hopper)" ]
    [ "$stderr" = "" ]
}

@test "an emptied vdir is refused, and nothing is written" {
    sync_setup
    rm "$VDIR"/*.vcf
    touch "$VDIR/notes.txt"
    before=$(all_stamps)
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "holds no card, but 12 were synced to it: refused"
    [ "$(all_stamps)" = "$before" ]
}

@test "two cards with one UID are reported (exit 3): neither is imported nor overwritten; the rest sync" {
    sync_setup
    card=$(card_of ada-lovelace)
    sed 's/^TITLE:.*/TITLE:Copy/' "$card" >"$VDIR/copy.vcf"
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$card"
    sed -i 's/^TITLE:.*/TITLE:Rear Admiral Emerita\r/' "$(card_of grace-hopper)"
    cp "$card" "$BATS_TEST_TMPDIR/a"; cp "$VDIR/copy.vcf" "$BATS_TEST_TMPDIR/b"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "the UID '$(uid_of ada-lovelace)' is in 2 cards"
    grep -qx 'title: Lead Analyst' "$NET/contacts/ada-lovelace.yaml"
    grep -qx 'title: Rear Admiral Emerita' "$NET/contacts/grace-hopper.yaml"
    cmp "$card" "$BATS_TEST_TMPDIR/a"
    cmp "$VDIR/copy.vcf" "$BATS_TEST_TMPDIR/b"
    [ "$(ls "$NET"/contacts | wc -l)" -eq 12 ]
}

@test "a lost base is no base: a value that differs is a conflict, never a silent pick" {
    sync_setup
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$(card_of ada-lovelace)"
    rm "$NET"/.kith/sync-vdir-*.json
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "ada-lovelace: 'title' changed on both sides"
    grep -qx 'title: Lead Analyst' "$NET/contacts/ada-lovelace.yaml"
    grep -qx $'TITLE:Head of Analytics\r' "$(card_of ada-lovelace)"
    ls "$NET"/.kith/sync-vdir-*.json
}

@test "files that are not .vcf are left alone; a link in the vdir is reported, never followed or replaced" {
    VDIR="$BATS_TEST_TMPDIR/vdir"
    mkdir -p "$VDIR"
    echo keep >"$VDIR/README.txt"
    echo 'BEGIN:VCARD' >"$BATS_TEST_TMPDIR/outside.vcf"
    ln -s "$BATS_TEST_TMPDIR/outside.vcf" "$VDIR/link.vcf"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "$VDIR/link.vcf: is a link, which kith never follows; card skipped"
    [ "$(cat "$VDIR/README.txt")" = keep ]
    [ "$(cat "$BATS_TEST_TMPDIR/outside.vcf")" = 'BEGIN:VCARD' ]
    [ -L "$VDIR/link.vcf" ]
    [ "$(ls "$VDIR"/*.vcf | wc -l)" -eq 13 ]
    # the cards are 0600 and no temp file is left
    [ "$(stat -c %a "$(card_of ada-lovelace)")" = 600 ]
    [ -z "$(find "$VDIR" -name '.*')" ]
}

@test "--dry-run says what it would do and writes nothing; --vcard 4 writes vCard 4.0" {
    VDIR="$BATS_TEST_TMPDIR/vdir"
    mkdir -p "$VDIR"
    before=$(all_stamps)
    run kith sync vdir "$VDIR" --dry-run
    assert_success
    assert_line --regexp "^would write a card for ada-lovelace as "
    [ "$(all_stamps)" = "$before" ]
    run kith sync vdir "$VDIR" --vcard 4
    assert_success
    grep -qx $'VERSION:4.0\r' "$(card_of ada-lovelace)"
    grep -qx $'RELATED;TYPE=assistant;VALUE=text:Mary Somerville\r' "$(card_of ada-lovelace)"
}

@test "bad cards are reported with their file name and left as they are; the other cards sync (item 8)" {
    sync_setup
    printf 'not a card at all\n' >"$VDIR/junk.vcf"
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Uid\r\nEND:VCARD\r\n' >"$VDIR/no-uid.vcf"
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:latin-1\r\nFN:Jos\xe9 N\xfa\xf1ez\r\nEND:VCARD\r\n' >"$VDIR/latin1.vcf"
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:cut\r\nFN:Cut Short\r\n' >"$VDIR/cut.vcf"
    { printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:huge\r\nFN:Huge\r\nNOTE:'; head -c 1100000 /dev/zero | tr '\0' x; printf '\r\nEND:VCARD\r\n'; } >"$VDIR/huge.vcf"
    mkdir "$VDIR/folder.vcf"
    cp -r "$VDIR" "$BATS_TEST_TMPDIR/before"
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$(card_of ada-lovelace)"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_output "update ada-lovelace from the vdir: title"
    assert_stderr_has "$VDIR/junk.vcf:1: holds no card (no BEGIN:VCARD)"
    assert_stderr_has "$VDIR/no-uid.vcf:1: card has no UID"
    assert_stderr_has "$VDIR/latin1.vcf: is not UTF-8 text"
    assert_stderr_has "$VDIR/cut.vcf:1: card has no END:VCARD"
    assert_stderr_has "$VDIR/huge.vcf: is larger than 1 MiB"
    assert_stderr_has "$VDIR/folder.vcf: "
    for f in junk no-uid latin1 cut huge; do cmp "$VDIR/$f.vcf" "$BATS_TEST_TMPDIR/before/$f.vcf"; done
    [ "$(ls "$NET"/contacts | wc -l)" -eq 12 ]
    grep -qx 'title: Head of Analytics' "$NET/contacts/ada-lovelace.yaml"
}

@test "a card that turns bad is not taken as deleted: its person stays synced once it reads again" {
    sync_setup
    card=$(card_of grace-hopper)
    cp "$card" "$BATS_TEST_TMPDIR/grace.vcf"
    printf 'garbage\n' >"$card"
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    [[ "$stderr" != *"was deleted"* ]]
    [ "$(cat "$card")" = garbage ]
    sed 's/^TITLE:.*/TITLE:Commodore\r/' "$BATS_TEST_TMPDIR/grace.vcf" >"$card"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update grace-hopper from the vdir: title"
}
