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
    [[ $output =~ ^[0-9]+$ ]]
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
    run grep -c $'\r' "$VDIR/$CARD_UID.vcf"
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
    run vdir_file "$VDIR" "$CARD_UID"
    assert_output "$VDIR/$CARD_UID.vcf"

    phone_delete "$CARD_UID"
    vdirsyncer_sync
    assert_synced "down deleted" 1 "up" 0
    run vdir_file "$VDIR" "$CARD_UID"
    assert_output ""
    run vdir_file "$VDIR" "$other"
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
