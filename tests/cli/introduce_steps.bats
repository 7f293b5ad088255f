load helpers

# Parses an .eml draft with Python's email module (the modern policy) and prints what a client shows.
parse_draft() {
    python3 - "$1" <<'PY'
import sys, email, email.policy
with open(sys.argv[1], 'rb') as f:
    m = email.message_from_binary_file(f, policy=email.policy.default)
assert not m.defects, m.defects
for key in ('From', 'To', 'Subject'):
    if m[key] is not None:
        print(f"{key}: {m[key]}")
    for d in (m[key].defects if m[key] is not None else []):
        raise SystemExit(f"defect in {key}: {d}")
print("Date:", m['Date'])
print("Type:", m.get_content_type(), m.get_content_charset())
print("Addresses:", ", ".join(a.addr_spec for a in (m['To'].addresses if m['To'] else ())))
body = m.get_content()
print(body, end="")
for line in open(sys.argv[1], 'rb').read().split(b"\n\n", 1)[0].split(b"\n"):
    assert len(line) <= 78, line
    line.decode('ascii')  # headers are plain ASCII
PY
}

@test "--ask drafts the two asks only and records 'waiting for yes' on both" {
    snapshot ada-lovelace
    snapshot omar-haddad
    run --separate-stderr kith introduce ada omar --ask -m "Omar needs a data partner"
    assert_success
    assert_line "=== 1. Ask the first person"
    assert_line "=== 2. Ask the second person"
    assert_line "Subject: Would you like to meet Omar Haddad?"
    assert_line "Subject: Would you like to meet Ada Lovelace?"
    refute_output --partial "Introduction:"
    [[ "$stderr" == *"recorded the asks on both: a follow-up 'waiting for yes' due 2026-12-05"* ]]
    run -0 changes ada-lovelace
    assert_output '>   - {due: 2026-12-05, what: "waiting for yes: meet Omar Haddad"}'
    run -0 changes omar-haddad
    assert_output '>   - {due: 2026-12-05, what: "waiting for yes: meet Ada Lovelace"}'
    ! grep -q "kind: intro" contacts/ada-lovelace.yaml contacts/omar-haddad.yaml
    run --separate-stderr kith introduce omar ada --ask
    assert_failure 2
    [[ "$stderr" == *"were asked already"*"kith introduce omar-haddad ada-lovelace"* ]]
}

@test "introduce, once both said yes, writes the introduction, records it and closes the asks" {
    kith introduce ada omar --ask --follow-up 2026-12-01 >/dev/null 2>&1
    snapshot ada-lovelace
    snapshot omar-haddad
    run --separate-stderr kith --today 2026-12-02 introduce ada omar
    assert_success
    assert_line "=== Introduce them"
    assert_line "Subject: Introduction: Ada Lovelace and Omar Haddad"
    refute_output --partial "Would you like to meet"
    [[ "$stderr" != *"nobody was asked"* ]]
    run -0 changes ada-lovelace
    assert_output - <<'OUT'
<   - {due: 2026-12-01, what: "waiting for yes: meet Omar Haddad"}
>   - {due: 2026-12-01, what: "waiting for yes: meet Omar Haddad", done: 2026-12-02}
>   - {date: 2026-12-02, kind: intro, with: omar-haddad}
OUT
    run -0 changes omar-haddad
    assert_output - <<'OUT'
<   - {due: 2026-12-01, what: "waiting for yes: meet Ada Lovelace"}
>   - {due: 2026-12-01, what: "waiting for yes: meet Ada Lovelace", done: 2026-12-02}
>   - {date: 2026-12-02, kind: intro, with: ada-lovelace}
OUT
    run --separate-stderr kith --today 2026-12-02 due --format tsv
    assert_success
    refute_output --partial "waiting for yes"
}

@test "an ask is still found after the other person is renamed" {
    kith introduce ada omar --ask >/dev/null 2>&1
    kith rename omar "Omar Al-Haddad" >/dev/null 2>&1
    run --separate-stderr kith introduce ada omar-al-haddad
    assert_success
    ! grep -q 'waiting for yes: meet Omar Haddad"}$' contacts/ada-lovelace.yaml
    grep -q 'waiting for yes: meet Omar Haddad", done: 2026-11-28}' contacts/ada-lovelace.yaml
}

@test "without an ask, introduce says it is the introduction itself" {
    run --separate-stderr kith introduce ada omar --dry-run
    assert_success
    assert_line "=== Introduce them"
    [[ "$stderr" == *"nobody was asked with --ask"*"kith introduce ada-lovelace omar-haddad --ask"* ]]
}

@test "--drafts writes each message as an RFC 5322 draft that Python's email module reads" {
    run --separate-stderr kith introduce ada omar --ask -m "Omar needs a data partner" --drafts "$BATS_TEST_TMPDIR/drafts"
    assert_success
    [[ "$stderr" == *"drafts/ask-ada-lovelace-to-meet-omar-haddad.eml"*"mutt -H"* ]]
    [ "$(stat -c %a "$BATS_TEST_TMPDIR/drafts/ask-ada-lovelace-to-meet-omar-haddad.eml")" = 600 ]
    run parse_draft "$BATS_TEST_TMPDIR/drafts/ask-ada-lovelace-to-meet-omar-haddad.eml"
    assert_success
    assert_line "From: Sam Rivera <sam@example.org>"
    assert_line "To: Ada Lovelace <ada@example.org>"
    assert_line "Subject: Would you like to meet Omar Haddad?"
    assert_line "Date: None"
    assert_line "Type: text/plain utf-8"
    assert_line "Hi Ada,"
    assert_line "Why I think you should talk: Omar needs a data partner."
    run parse_draft "$BATS_TEST_TMPDIR/drafts/ask-omar-haddad-to-meet-ada-lovelace.eml"
    assert_success
    assert_line "To: Omar Haddad <omar@sandstone.example>"
    run --separate-stderr kith introduce ada omar --drafts "$BATS_TEST_TMPDIR/drafts"
    assert_success
    run parse_draft "$BATS_TEST_TMPDIR/drafts/introduce-ada-lovelace-and-omar-haddad.eml"
    assert_success
    assert_line "Addresses: ada@example.org, omar@sandstone.example"
    assert_line "Subject: Introduction: Ada Lovelace and Omar Haddad"
}

@test "drafts: non-ASCII names and subjects as encoded words, specials quoted, a UTF-8 body" {
    printf 'name: José "Pepe" Núñez, Jr.\nemail: [jose@example.org]\ninterests: [mathematics]\n' > contacts/pepe.yaml
    printf 'name: 山田 太郎 with a rather long name that makes the subject line fold\nemail: [taro@example.jp]\ninterests: [mathematics]\n' > contacts/taro.yaml
    run --separate-stderr kith introduce pepe taro --ask --drafts "$BATS_TEST_TMPDIR/d"
    assert_success
    run parse_draft "$BATS_TEST_TMPDIR/d/ask-pepe-to-meet-taro.eml"
    assert_success
    assert_line 'To: "José \"Pepe\" Núñez, Jr." <jose@example.org>'
    assert_line "Subject: Would you like to meet 山田 太郎 with a rather long name that makes the subject line fold?"
    assert_line "Addresses: jose@example.org"
    assert_line "Hi José,"
    grep -q '^Subject: =?UTF-8?B?' "$BATS_TEST_TMPDIR/d/ask-pepe-to-meet-taro.eml"
    run parse_draft "$BATS_TEST_TMPDIR/d/ask-taro-to-meet-pepe.eml"
    assert_success
    assert_line "To: 山田 太郎 with a rather long name that makes the subject line fold <taro@example.jp>"
    assert_line "Hi 山田 太郎 with a rather long name that makes the subject line fold,"
}

@test "drafts: a person without an address is named, an existing draft is never replaced, the network is refused" {
    printf 'name: No Mail\n' > contacts/no-mail.yaml
    run --separate-stderr kith introduce ada no-mail --ask --drafts "$BATS_TEST_TMPDIR/d"
    assert_success
    [[ "$stderr" == *"no email address for No Mail"* ]]
    run parse_draft "$BATS_TEST_TMPDIR/d/ask-no-mail-to-meet-ada-lovelace.eml"
    assert_success
    refute_line --partial "To:"
    echo "my edits" > "$BATS_TEST_TMPDIR/d/introduce-ada-lovelace-and-no-mail.eml"
    snapshot ada-lovelace
    run --separate-stderr kith introduce ada no-mail --drafts "$BATS_TEST_TMPDIR/d"
    assert_failure 2
    [[ "$stderr" == *"introduce-ada-lovelace-and-no-mail.eml' exists already"* ]]
    [ "$(cat "$BATS_TEST_TMPDIR/d/introduce-ada-lovelace-and-no-mail.eml")" = "my edits" ]
    [ -z "$(changes ada-lovelace)" ]
    run --separate-stderr kith introduce ada omar --ask --drafts contacts
    assert_failure 2
    ln -s "$BATS_TEST_TMPDIR/elsewhere" "$BATS_TEST_TMPDIR/link"
    mkdir "$BATS_TEST_TMPDIR/elsewhere"
    run --separate-stderr kith introduce ada omar --ask --drafts "$BATS_TEST_TMPDIR/link"
    assert_failure 4
    [ -z "$(ls "$BATS_TEST_TMPDIR/elsewhere")" ]
}
