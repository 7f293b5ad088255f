#!/usr/bin/env bats
# kith sync vdir reads every dialect a phone writes (issue 21 item 5): vCard 3.0 and 4.0, the
# yearless birthdays (--MMDD, 1604 with or without X-APPLE-OMIT-YEAR), X-ABDATE anniversaries,
# X-ABRELATEDNAMES and RELATED assistants, itemN. groups; REV, PRODID and property order are
# never a change; what kith has no field for stays in the card byte for byte.
load helpers

DAVX5="${KITH_SOURCE:-$BATS_TEST_DIRNAME/../..}/tests/fixtures/davx5"

# An empty network and a vdir holding the three phone cards of tests/fixtures/davx5.
phone_vdir() {
    NET="$BATS_TEST_TMPDIR/empty"
    kith init "$NET" >/dev/null
    cd "$NET"
    VDIR="$BATS_TEST_TMPDIR/vdir"
    mkdir -p "$VDIR"
    cp "$DAVX5"/*.vcf "$VDIR/"
    cp -r "$VDIR" "$BATS_TEST_TMPDIR/as-put"
}

# A key of a person as `kith export json` gives it (JSON).
field() {
    kith export json | python3 -c '
import json, sys
person = [p for p in json.load(sys.stdin) if p["name"] == sys.argv[1]][0]
print(json.dumps(person.get(sys.argv[2]), ensure_ascii=False))' "$1" "$2"
}

@test "a DAVx5 3.0 card: itemN groups, X-ABDATE anniversary, X-ABRELATEDNAMES assistant, all read" {
    phone_vdir
    run kith sync vdir "$VDIR"
    assert_success
    assert_line "add Grace Hopper as grace-hopper from '$VDIR/davx5-3.0.vcf'"
    [ "$(field 'Grace Hopper' email)" = '["grace@navy.example", "grace.hopper@cobol.example"]' ]
    [ "$(field 'Grace Hopper' phone)" = '["+1 202 555 0101", "+1 202 555 0199"]' ]
    [ "$(field 'Grace Hopper' assistant)" = '"Mary Somerville"' ]
    [ "$(field 'Grace Hopper' birthday)" = '"1906-12-09"' ]
    [ "$(field 'Grace Hopper' dates)" = '[{"date": "1930-06-15", "what": "anniversary"}]' ]
    [ "$(field 'Grace Hopper' aka)" = '["Amazing Grace"]' ]
    [ "$(field 'Grace Hopper' tags)" = '["mentor", "navy"]' ]
    [ "$(field 'Grace Hopper' uid)" = '"6f2b1c84-3a5e-4d9b-8f0a-1c2d3e4f5a6b"' ]
}

@test "a vCard 4.0 card: VALUE=date-and-or-time birthday without a year, ANNIVERSARY, RELATED assistant, NICKNAME list" {
    phone_vdir
    run kith sync vdir "$VDIR"
    assert_success
    [ "$(field 'Sofia Rossi' birthday)" = '"--04-21"' ]
    [ "$(field 'Sofia Rossi' dates)" = '[{"date": "2018-06-09", "what": "anniversary"}]' ]
    [ "$(field 'Sofia Rossi' assistant)" = '"Marco Bianchi"' ]
    [ "$(field 'Sofia Rossi' aka)" = '["Sofi", "La Dottoressa"]' ]
    [ "$(field 'Sofia Rossi' phone)" = '["+39-06-555-0100"]' ]
    [ "$(field 'Sofia Rossi' uid)" = '"urn:uuid:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"' ]
}

@test "an iOS card: BDAY 1604 with X-APPLE-OMIT-YEAR, and 1604 alone, read as yearless" {
    phone_vdir
    sed '/EMAIL\|URL/d; s/^UID:.*/UID:alone-1604\r/; s/^BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14/BDAY:1604-07-02/; s/^FN:.*/FN:Ana Alone\r/' \
        "$VDIR/ios-3.0.vcf" >"$VDIR/alone.vcf"
    run kith sync vdir "$VDIR"
    assert_success
    [ "$(field 'Linus Okafor' birthday)" = '"--03-14"' ]
    [ "$(field 'Ana Alone' birthday)" = '"--07-02"' ]
    [ "$(field 'Linus Okafor' dates)" = '[{"date": "2015-09-12", "what": "anniversary"}]' ]
    [ "$(field 'Linus Okafor' assistant)" = '"Ngozi Eze"' ]
    [ "$(field 'Linus Okafor' email)" = '["linus@okafor.example", "linus.home@example.net"]' ]
}

@test "the phone's cards are never rewritten when nothing changed; a new REV, PRODID and property order are no change" {
    phone_vdir
    run kith sync vdir "$VDIR"
    assert_success
    diff -r "$BATS_TEST_TMPDIR/as-put" "$VDIR"
    # DAVx5 uploads again: new REV and PRODID, the properties in another order, LF line ends
    for f in "$VDIR"/*.vcf; do
        python3 - "$f" <<'PY'
import re, sys
text = open(sys.argv[1], newline="").read()
lines = re.split(r"\r\n(?![ \t])", text.rstrip("\r\n"))  # logical lines, folds kept
body = [l for l in lines[1:-1]]
body = [re.sub(r"^REV:.*", "REV:20261128T101010Z", l) for l in body]
body = [re.sub(r"^PRODID:.*", "PRODID:-//other//EN", l) for l in body]
out = [lines[0]] + body[::-1] + [lines[-1]]
open(sys.argv[1], "w", newline="").write("\n".join(l.replace("\r\n", "\n") for l in out) + "\n")
PY
    done
    cp -r "$VDIR" "$BATS_TEST_TMPDIR/reordered"
    snapshot=$(cd "$NET" && sha1sum contacts/*)
    run --separate-stderr kith sync vdir "$VDIR"
    assert_success
    assert_output ""
    diff -r "$BATS_TEST_TMPDIR/reordered" "$VDIR"
    [ "$(cd "$NET" && sha1sum contacts/*)" = "$snapshot" ]
}

@test "a change in kith rewrites only its property: PHOTO, ADR, X- properties, labels and unknown parameters stay byte for byte" {
    phone_vdir
    run kith sync vdir "$VDIR"
    assert_success
    sed -i 's/^title: .*/title: Commodore/' contacts/grace-hopper.yaml
    sed -i 's/^email: .*/email: [grace.hopper@cobol.example, grace@kith.example]/' contacts/grace-hopper.yaml
    run kith sync vdir "$VDIR"
    assert_success
    assert_output "update the card of grace-hopper: title, email"
    run diff "$DAVX5/davx5-3.0.vcf" "$VDIR/davx5-3.0.vcf"
    assert_failure 1
    # the TITLE line replaced where it was; the removed EMAIL gone; the labelled one kept; the new one added
    assert_output "$(printf '%s\r\n' '9,10c9' '< TITLE:Rear Admiral' '< EMAIL;TYPE=INTERNET;TYPE=WORK:grace@navy.example' \
        '---' '> TITLE:Commodore' '12a12' '> EMAIL;TYPE=INTERNET:grace@kith.example' | sed 's/^\([0-9a-z,]*\|---\)\r$/\1/')"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output ""
}

@test "a card whose assistant and dates kith changes gets them in the dialect of its version" {
    phone_vdir
    run kith sync vdir "$VDIR"
    assert_success
    sed -i 's/^assistant: .*/assistant: Ada Lovelace/' contacts/sofia-rossi.yaml contacts/grace-hopper.yaml
    run kith sync vdir "$VDIR"
    assert_success
    grep -qx $'RELATED;TYPE=assistant;VALUE=text:Ada Lovelace\r' "$VDIR/davx5-4.0.vcf"
    grep -qx $'RELATED;TYPE=spouse;VALUE=text:Luca Rossi\r' "$VDIR/davx5-4.0.vcf"
    grep -qx $'item5.X-ABRELATEDNAMES:Ada Lovelace\r' "$VDIR/davx5-3.0.vcf"
    grep -qx $'item5.X-ABLabel:_$!<Assistant>!$_\r' "$VDIR/davx5-3.0.vcf"
    run grep -c '^item4\.' "$VDIR/davx5-3.0.vcf"
    assert_failure 1
    grep -q '^item3.X-ABDATE' "$VDIR/davx5-3.0.vcf"
    run kith sync vdir "$VDIR"
    assert_success
    assert_output ""
}
