#!/usr/bin/env bats
# The real sync chain kith's `sync vdir` will live in (issue 21): Radicale 3.1 on 127.0.0.1,
# vdirsyncer 0.19 between a vdir and an address book there, curl as the phone, khard reading
# the vdir. These tests prove the chain itself; the sync's own tests will use its helpers.
load helpers
load carddav_helpers

teardown() { radicale_stop; }

teardown_file() {
    local left
    mapfile -t left < <(radicale_left)
    if [ "${#left[@]}" -gt 0 ]; then
        echo "radicale still running after the file: ${left[*]}" >&2
        kill "${left[@]}" # stopped all the same: each is a server this run started
        return 1
    fi
}

CARD_UID=0f6c2a52-7d3e-4b8e-9a51-2c4b6f1d9e77

# Starts Radicale with an address book `contacts`, and vdirsyncer between it and $VDIR.
chain_start() {
    VDIR="$BATS_TEST_TMPDIR/vdir"
    radicale_start
    addressbook_create contacts
    vdirsyncer_configure "$VDIR"
}

# Asserts that Radicale answers a PROPFIND on its root.
radicale_answers() { dav 207 -X PROPFIND -H 'Depth: 0' "$RADICALE_URL/" >/dev/null; }

@test "radicale starts on a port of its own and answers" {
    radicale_start
    [[ $RADICALE_PORT =~ ^[0-9]+$ ]]
    [ "$RADICALE_PORT" -gt 1024 ]
    radicale_answers
    run radicale_left
    assert_success
    assert_output "$RADICALE_PID"
    echo "$RADICALE_PID" >"$BATS_FILE_TMPDIR/first"
}

@test "the next test gets a server of its own, the first one gone; radicale_stop ends it" {
    local first second
    first=$(<"$BATS_FILE_TMPDIR/first")
    run kill -0 "$first"
    assert_failure
    radicale_start
    radicale_answers
    [ "$RADICALE_PID" != "$first" ]
    run radicale_left
    assert_success
    assert_output "$RADICALE_PID"
    second=$RADICALE_PID
    radicale_stop
    run kill -0 "$second"
    assert_failure
    run radicale_left
    assert_success
    assert_output ""
}

@test "radicale dies with the shell that started it, even when that shell is killed" {
    run bash -c 'BATS_TEST_DIRNAME=$1 BATS_TEST_TMPDIR=$2
        source "$1/carddav_helpers.bash"
        radicale_start || exit 1
        echo "$RADICALE_PID"
        kill -KILL $$' _ "$BATS_TEST_DIRNAME" "$BATS_TEST_TMPDIR"
    assert_failure 137
    assert_regex "$output" '^[0-9]+$' # its PID alone: nothing else said on the way
    wait_gone "$output"
}

@test "kith's vCard 3.0 export syncs up to radicale; a second round uploads nothing" {
    chain_start
    kith export vcard --vcard-version 3 -o "$VDIR"
    vdirsyncer_sync
    assert_synced "up new" 12 "down" 0
    run phone_list
    assert_success
    assert_equal "${#lines[@]}" 12
    # The server holds the same cards (as python3-vobject reads them; radicale rewrites bytes).
    phone_dump "$BATS_TEST_TMPDIR/server"
    card_fields --no-file "$VDIR"/*.vcf | sort >"$BATS_TEST_TMPDIR/vdir.fields"
    card_fields --no-file "$BATS_TEST_TMPDIR/server"/*.vcf | sort >"$BATS_TEST_TMPDIR/server.fields"
    diff "$BATS_TEST_TMPDIR/vdir.fields" "$BATS_TEST_TMPDIR/server.fields"
    grep -q '"fn": "Ada Lovelace"' "$BATS_TEST_TMPDIR/server.fields"

    vdirsyncer_sync
    assert_synced "up" 0 "down" 0
}

@test "a DAVx5 card put on the server arrives in the vdir as the server serves it (LF ends), and khard lists it" {
    chain_start
    phone_card --uid "$CARD_UID" --fn "Ada Lovelace" --email ada@example.org --email ada@engines.example \
        --tel "+44 20 7946 0000" --tel "+44 7700 900123" --title "Head of Analytics" --org "Analytical Engines Ltd" \
        --bday --1210 --anniversary 2020-06-01 --assistant "Mary Somerville" --nickname "Ada King" \
        --categories mentor,london --note "Met at the Royal Society; ask about the engine." >"$BATS_TEST_TMPDIR/put.vcf"
    phone_put "$CARD_UID" "$BATS_TEST_TMPDIR/put.vcf"
    vdirsyncer_sync
    assert_synced "down new" 1 "up" 0

    run vdir_file "$VDIR" "$CARD_UID"
    assert_success
    # vdirsyncer names a downloaded card UID.vcf when the UID has only [A-Za-z0-9_.+-].
    assert_output "$VDIR/$CARD_UID.vcf"
    # vdirsyncer writes the bytes the server serves, but with LF line ends: the REPORT's XML
    # (RFC 3023) turns the card's CRLF into LF, and vdirsyncer keeps that.
    phone_get "$CARD_UID" >"$BATS_TEST_TMPDIR/served.vcf"
    grep -q $'\r$' "$BATS_TEST_TMPDIR/served.vcf"
    run -1 grep -c $'\r' "$VDIR/$CARD_UID.vcf"
    assert_output 0
    tr -d '\r' <"$BATS_TEST_TMPDIR/served.vcf" | cmp - "$VDIR/$CARD_UID.vcf"
    # Nothing the assertions read was lost between the phone and the vdir.
    diff <(card_fields --no-file "$BATS_TEST_TMPDIR/put.vcf") <(card_fields --no-file "$VDIR/$CARD_UID.vcf")

    run khard_list "$VDIR"
    assert_success
    assert_equal "${#lines[@]}" 1
    assert_output --partial "Ada Lovelace"
}

@test "a card edited both in the vdir and on the server is reported as a conflict, both sides kept" {
    chain_start
    phone_card --uid "$CARD_UID" --fn "Ada Lovelace" --title "Lead Analyst" --rev-now >"$BATS_TEST_TMPDIR/card.vcf"
    phone_put "$CARD_UID" "$BATS_TEST_TMPDIR/card.vcf"
    vdirsyncer_sync
    sed -i 's/^TITLE:Lead Analyst/TITLE:Head of Analytics/' "$VDIR/$CARD_UID.vcf"
    grep -q '^TITLE:Head of Analytics' "$VDIR/$CARD_UID.vcf"
    cp "$VDIR/$CARD_UID.vcf" "$BATS_TEST_TMPDIR/vdir-side.vcf"
    phone_card --uid "$CARD_UID" --fn "Ada Lovelace" --title "Chief Analyst" --rev-now >"$BATS_TEST_TMPDIR/card.vcf"
    phone_put "$CARD_UID" "$BATS_TEST_TMPDIR/card.vcf"

    for _ in 1 2; do # and again: vdirsyncer does not pick a side on a later run either
        run vdirsyncer_run sync
        assert_failure 1
        assert_output --partial "error: kith: One item changed on both sides."
        assert_output --partial "Item ID: $CARD_UID"
        cmp "$BATS_TEST_TMPDIR/vdir-side.vcf" "$VDIR/$CARD_UID.vcf"
        phone_get "$CARD_UID" | grep -q '^TITLE:Chief Analyst'
    done
}

@test "a card deleted on the phone is deleted from the vdir; the others stay" {
    chain_start
    local other=7d5a9c1e-8e2b-4a7a-9c1d-3f2b1a0e9d8c
    phone_card --uid "$CARD_UID" --fn "Ada Lovelace" >"$BATS_TEST_TMPDIR/ada.vcf"
    phone_card --uid "$other" --fn "Grace Hopper" --dialect ios >"$BATS_TEST_TMPDIR/grace.vcf"
    phone_put "$CARD_UID" "$BATS_TEST_TMPDIR/ada.vcf"
    phone_put "$other" "$BATS_TEST_TMPDIR/grace.vcf"
    vdirsyncer_sync
    run -0 vdir_file "$VDIR" "$CARD_UID"
    assert_output "$VDIR/$CARD_UID.vcf"

    phone_delete "$CARD_UID"
    vdirsyncer_sync
    assert_synced "down deleted" 1 "up" 0
    run -0 vdir_file "$VDIR" "$CARD_UID"
    assert_output ""
    run -0 vdir_file "$VDIR" "$other"
    assert_output "$VDIR/$other.vcf"
    run phone_query --uids
    assert_success
    assert_output "$other"
}

@test "radicale 3.1 rewrites a card it is given (vobject): what the sync will read back" {
    radicale_start
    addressbook_create contacts
    local uid=urn:uuid:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a
    phone_put "$uid" "$BATS_TEST_DIRNAME/../fixtures/davx5/davx5-4.0.vcf"
    phone_get "$uid" >"$BATS_TEST_TMPDIR/served.vcf"
    # A NICKNAME list keeps its first value only; a data: URI PHOTO is cut at its comma.
    grep -q '^NICKNAME:Sofi'$'\r''$' "$BATS_TEST_TMPDIR/served.vcf"
    grep -q '^PHOTO:data:image/png\\;base64'$'\r''$' "$BATS_TEST_TMPDIR/served.vcf"
    # TYPE parameters merge into one, X-ABLabel is upper-cased, the properties are sorted by name
    # after VERSION, PRODID and UID (the card has FN fifth, ADR 21st).
    phone_put 6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b "$BATS_TEST_DIRNAME/../fixtures/davx5/davx5-3.0.vcf"
    phone_get 6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b >"$BATS_TEST_TMPDIR/served3.vcf"
    grep -q '^EMAIL;TYPE=INTERNET,WORK:grace@navy.example' "$BATS_TEST_TMPDIR/served3.vcf"
    grep -q '^item1.X-ABLABEL:COBOL committee' "$BATS_TEST_TMPDIR/served3.vcf"
    sed -n 5p "$BATS_TEST_TMPDIR/served3.vcf" | grep -q '^ADR;TYPE=WORK:'
    run diff <(card_fields --no-file "$BATS_TEST_DIRNAME/../fixtures/davx5/davx5-3.0.vcf") \
        <(card_fields --no-file "$BATS_TEST_TMPDIR/served3.vcf")
    assert_success
}

@test "the README shows the vdirsyncer config these tests use" {
    local readme="$BATS_TEST_DIRNAME/../../README.md"
    grep -qF '<!-- vdirsyncer-config -->' "$readme" ||
        skip "README.md has no '<!-- vdirsyncer-config -->' section yet (issue 21 writes it)"
    run /usr/bin/python3 "$SYNC_TOOLS/config_block.py" "$readme" "$VDIRSYNCER_TEMPLATE"
    assert_success
    assert_output ""
}

@test "the README check passes the config with other paths and credentials, and fails any other change" {
    local readme="$BATS_TEST_TMPDIR/README.md"
    {
        printf '## On your phone\n<!-- vdirsyncer-config -->\n```ini\n'
        sed -e 's|"@STATUS@"|"~/.local/share/vdirsyncer/status/"|' -e 's|"@VDIR@"|"~/kith-vdir/"|' \
            -e 's|"@URL@"|"https://dav.example.org/ada/contacts/"\nusername = "ada"\npassword.fetch = ["command", "pass", "dav"]|' \
            "$VDIRSYNCER_TEMPLATE"
        printf '```\n'
    } >"$readme"
    run /usr/bin/python3 "$SYNC_TOOLS/config_block.py" "$readme" "$VDIRSYNCER_TEMPLATE"
    assert_success
    assert_output ""
    sed -i 's/^collections = null/&\nconflict_resolution = "b wins"/' "$readme"
    run /usr/bin/python3 "$SYNC_TOOLS/config_block.py" "$readme" "$VDIRSYNCER_TEMPLATE"
    assert_failure 1
    assert_output --partial '+conflict_resolution = "b wins"'
}

# --- kith sync vdir in the chain (issue 21 item 7) ---------------------------------------

# Takes the server's card with UID $1, applies the sed script $2 to it and puts it back as
# DAVx5 uploads an edit: a new REV and its own PRODID.
phone_edit() {
    phone_get "$1" >"$BATS_TEST_TMPDIR/edit.vcf"
    sed -i -e "$2" -e 's/^REV:.*/REV:20261128T120000Z\r/' \
        -e 's|^PRODID:.*|PRODID:-//bitfire web engineering//DAVx5 4.3.13-ose//EN\r|' "$BATS_TEST_TMPDIR/edit.vcf"
    phone_put "$1" "$BATS_TEST_TMPDIR/edit.vcf"
}

# Asserts that no two cards on the server share a UID, and that there are $1 of them.
assert_server_uids() {
    run phone_query --uids
    assert_success
    assert_equal "${#lines[@]}" "$1"
    assert_equal "$(printf '%s\n' "${lines[@]}" | sort | uniq -d)" ""
}

@test "sync vdir over radicale and vdirsyncer, several rounds: edits cross both ways, conflicts are kept, nothing is lost" {
    chain_start
    uid_of() { sed -n 's/^uid: //p' "$NET/contacts/$1.yaml"; }
    # round 1: every person becomes a card on the server
    kith sync vdir "$VDIR" >/dev/null
    vdirsyncer_sync
    assert_synced "up new" 12 down 0
    local ada grace new=0b1c2d3e-4f50-4a6b-9c8d-7e6f5a4b3c2d
    ada=$(uid_of ada-lovelace)
    grace=$(uid_of grace-hopper)

    # round 2: the phone edits Ada's title and adds a person, DAVx5-shaped
    snapshot ada-lovelace
    phone_edit "$ada" 's/^TITLE:.*/TITLE:Head of Analytics\r/'
    phone_card --uid "$new" --fn "Niamh Byrne" --email niamh@example.ie --email niamh@work.example --tel "+353 1 555 0100" \
        --title Editor --bday --0317 --anniversary 2019-05-04 --assistant "Sean Walsh" --nickname Nia \
        --categories press,dublin --note "Met at the book fair." --rev-now >"$BATS_TEST_TMPDIR/niamh.vcf"
    phone_put "$new" "$BATS_TEST_TMPDIR/niamh.vcf"
    vdirsyncer_sync
    assert_synced "down new" 1 "down updated" 1 up 0
    run kith sync vdir "$VDIR"
    assert_success
    assert_line "update ada-lovelace from the vdir: title"
    assert_line "add Niamh Byrne as niamh-byrne from '$VDIR/$new.vcf'"
    run -0 changes ada-lovelace
    assert_output $'< title: Lead Analyst\n> title: Head of Analytics'
    grep -qx 'birthday: --03-17' contacts/niamh-byrne.yaml
    grep -qx 'assistant: Sean Walsh' contacts/niamh-byrne.yaml
    grep -qx '  - {date: 2019-05-04, what: anniversary}' contacts/niamh-byrne.yaml
    grep -qxE "uid: \"?$new\"?" contacts/niamh-byrne.yaml
    vdirsyncer_sync
    assert_synced up 0 down 0

    # round 3: kith edits Grace's org; it reaches the server
    sed -i 's/^org: .*/org: Naval Computing Lab/' contacts/grace-hopper.yaml
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update the card of grace-hopper: org"
    vdirsyncer_sync
    assert_synced "up updated" 1 down 0
    phone_get "$grace" | grep -q '^ORG:Naval Computing Lab'

    # round 4: both sides edit Ada's title: reported, each side keeps its own, vdirsyncer has nothing to carry
    phone_edit "$ada" 's/^TITLE:.*/TITLE:Chief Analyst\r/'
    sed -i 's/^title: .*/title: Director of Analytics/' contacts/ada-lovelace.yaml
    vdirsyncer_sync
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "ada-lovelace: 'title' changed on both sides: kith has 'Director of Analytics'"
    assert_stderr_has "has 'Chief Analyst'"
    grep -qx 'title: Director of Analytics' contacts/ada-lovelace.yaml
    vdirsyncer_sync
    assert_synced up 0 down 0
    phone_get "$ada" | grep -q '^TITLE:Chief Analyst'

    # round 5: the phone deletes Grace: she stays in kith, her card is not written again
    phone_delete "$grace"
    vdirsyncer_sync
    assert_synced "down deleted" 1 up 0
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3 # (the conflict of round 4 is still there)
    assert_stderr_has "the card of Grace Hopper"
    [ -f contacts/grace-hopper.yaml ]

    # round 6: the conflict resolved in kith; then a round with no change uploads nothing
    sed -i 's/^title: .*/title: Chief Analyst/' contacts/ada-lovelace.yaml
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    assert_output ""
    vdirsyncer_sync
    assert_synced up 0 down 0
    assert_server_uids 12
    run khard_list "$VDIR"
    assert_success
    assert_equal "${#lines[@]}" 12
    assert_output --partial "Niamh Byrne"
}

@test "sync vdir meets the phone's own cards of people kith has: merged, never a second card; differences reported until resolved" {
    chain_start
    phone_put 6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b "$BATS_TEST_DIRNAME/../fixtures/davx5/davx5-3.0.vcf"
    phone_put "3C5E9F20-7A1B-4C2D-9E8F-0A1B2C3D4E5F" "$BATS_TEST_DIRNAME/../fixtures/davx5/ios-3.0.vcf"
    vdirsyncer_sync
    assert_synced "down new" 2 up 0
    snapshot linus-okafor
    run kith sync vdir "$VDIR"
    assert_success
    assert_line "merge '$VDIR/6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b.vcf' into grace-hopper (by name)"
    assert_line --regexp "^merge '.*' into linus-okafor \(by name\)$"
    grep -qxE 'uid: "?6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b"?' contacts/grace-hopper.yaml
    grep -qx 'title: VP Engineering' contacts/linus-okafor.yaml # kith's value kept
    vdirsyncer_sync
    assert_synced "up new" 10 down 0
    # linked now, with no base: what differs is reported, each side keeps its own; sets are merged
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    assert_stderr_has "linus-okafor: 'title' changed on both sides: kith has 'VP Engineering'"
    assert_stderr_has "has 'Founder'"
    grep -qx 'title: VP Engineering' contacts/linus-okafor.yaml
    vdirsyncer_sync
    phone_get "3C5E9F20-7A1B-4C2D-9E8F-0A1B2C3D4E5F" | grep -q '^TITLE:Founder'
    run --separate-stderr kith sync vdir "$VDIR"
    assert_failure 3
    vdirsyncer_sync
    assert_synced up 0 down 0
    assert_server_uids 12
}
