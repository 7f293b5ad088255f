load helpers

@test "importing an export into an empty network gives back every field vCard carries" {
    for version in 4 3; do
        kith export vcard --vcard-version "$version" > "$BATS_TEST_TMPDIR/all.vcf"
        empty="$BATS_TEST_TMPDIR/empty$version"
        kith init "$empty" 2>/dev/null
        run --separate-stderr kith -d "$empty" import vcard "$BATS_TEST_TMPDIR/all.vcf"
        assert_success
        assert_line '12 added, 0 merged, 0 skipped, 0 failed'
        kith -d "$empty" export vcard --vcard-version "$version" > "$BATS_TEST_TMPDIR/again.vcf"
        diff "$BATS_TEST_TMPDIR/all.vcf" "$BATS_TEST_TMPDIR/again.vcf"
        # and a second import of it changes nothing
        run -0 --separate-stderr kith -d "$empty" import vcard "$BATS_TEST_TMPDIR/all.vcf"
        assert_line '0 added, 0 merged, 12 skipped, 0 failed'
    done
    grep -qx 'email: \[ada@example.org\]' "$BATS_TEST_TMPDIR/empty4/contacts/ada-lovelace.yaml"
    grep -qx 'birthday: 1985-12-10' "$BATS_TEST_TMPDIR/empty4/contacts/ada-lovelace.yaml"
}

@test "export -o DIR writes one card per person, replaces its own cards, and never a stranger's file" {
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_success
    [ "$(ls "$BATS_TEST_TMPDIR/vdir" | grep -c '\.vcf$')" -eq 12 ]
    grep -q '^FN:Ada Lovelace' "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf"
    uid=$(grep '^UID' "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf")
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_success
    [ "$(grep '^UID' "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf")" = "$uid" ]  # stable across runs
    echo "mine" > "$BATS_TEST_TMPDIR/vdir/grace-hopper.vcf"
    touch -d 2000-01-01 "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf"
    run --separate-stderr kith export vcard -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 4
    [ "$(cat "$BATS_TEST_TMPDIR/vdir/grace-hopper.vcf")" = "mine" ]
    [ -z "$(find "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf" -newermt 2001-01-01)" ]  # nothing written
    run --separate-stderr kith export csv -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 2
}

@test "export csv, json and ics; --archived adds archived people" {
    run --separate-stderr kith export csv
    assert_success
    assert_line --index 0 --partial 'slug,name,aka,tier,cadence,title,org,role,email,phone,address,url,'
    printf '%s' "$output" | python3 -c 'import csv,sys; rows=list(csv.reader(sys.stdin)); assert len(rows)==13, len(rows)' 
    run --separate-stderr kith export json
    assert_success
    printf '%s' "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==12 and any(p["log"] for p in d)'
    run --separate-stderr kith export ics
    assert_success
    assert_line --index 0 $'BEGIN:VCALENDAR\r'
    kith archive tom-becker 2>/dev/null
    run -0 --separate-stderr kith export vcard
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 11 ]
    run -0 --separate-stderr kith export vcard --archived
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 12 ]
}

@test "add has an option for every text and list field, and the man page names each" {
    run -0 --separate-stderr kith add --help
    for option in --aka --tier --title --org --role --email --phone --address --url --prefer --assistant \
                  --interest --tag --met --introduced-by --why --notes --cadence --birthday --since; do
        assert_line --partial -- "$option"
        grep -q -- "$(printf '%s' "$option" | sed 's/-/\\\\-/g')" "$KITH_SOURCE/doc/kith.1" || { echo "man page misses $option"; false; }
    done
    run --separate-stderr kith add "Web Person" --url https://web.example --url "https://b.example/x?y=1#z"
    assert_success
    grep -qx 'url: \["https://web.example", "https://b.example/x?y=1#z"\]' contacts/web-person.yaml
    run -0 --separate-stderr kith show web-person
    assert_line --partial 'https://b.example/x?y=1#z'
}

@test "export reads a network in chunks and writes every person, log and calendar item" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    run --separate-stderr kith -d "$big" export json
    assert_success
    printf '%s' "$output" | python3 -c '
import glob, json, sys
people = json.load(sys.stdin)
entries = sum(open(p, encoding="utf-8").read().count("\n  - {date: ") for p in glob.glob(sys.argv[1] + "/contacts/*.yaml"))
assert len(people) == 700
assert [p["slug"] + ".yaml" for p in people] == sorted(p["slug"] + ".yaml" for p in people)  # in file order
assert sum(len(p["log"]) for p in people) == entries, entries' "$big"
    run -0 --separate-stderr kith -d "$big" export csv
    printf '%s' "$output" | python3 -c 'import csv,sys; rows=list(csv.reader(sys.stdin)); assert len(rows)==701, len(rows)'
    run -0 --separate-stderr kith -d "$big" export vcard
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 700 ]
    # The calendar of the next year is the one 'due' gives for it.
    diff <(kith -d "$big" export ics) <(kith -d "$big" due --within 1y --format ics)
}

@test "export csv: a cell a spreadsheet would run as a formula begins with a quote, in every column (OWASP)" {
    run --separate-stderr kith add --slug formula --org "+cmd|' /C calc'!A0" --tag "@SUM(1+1)" --tag "-2+3" \
        --title "'quoted" --notes $'\tTab' --met $'\rCR' --email "=1+1@x.org" --why "fine = text" -- '=HYPERLINK("http://evil.example","x")'
    assert_success
    run --separate-stderr kith export csv
    assert_success
    kith export csv > "$BATS_TEST_TMPDIR/all.csv"
    run python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
header, people = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
for p in people:  # no cell of any row begins as a formula
    for column, cell in p.items():
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (p["slug"], column, cell)
f = next(p for p in people if p["slug"] == "formula")
want = {"name": "\x27=HYPERLINK(\"http://evil.example\",\"x\")", "org": "\x27+cmd|\x27 /C calc\x27!A0",
        "tags": "\x27@SUM(1+1) ::: -2+3", "title": "\x27\x27quoted", "notes": "\x27\tTab", "met": "\x27\rCR",
        "email": "\x27=1+1@x.org", "why": "fine = text"}
for column, cell in want.items():
    assert f[column] == cell, (column, f[column], cell)
print("neutralised")' "$BATS_TEST_TMPDIR/all.csv"
    assert_success
    assert_output neutralised
}

@test "export --archived: a slug in both contacts/ and archive/ is exported once; the other is reported, exit 3" {
    mkdir -p archive
    sed 's/^name: .*/name: Ada Archived/' contacts/ada-lovelace.yaml > archive/ada-lovelace.yaml
    run --separate-stderr kith export vcard --archived -o "$BATS_TEST_TMPDIR/vdir"
    assert_failure 3
    assert_stderr_has "archive/ada-lovelace.yaml: the slug 'ada-lovelace' is also in contacts/, whose file was exported; this one is left out"
    assert_stderr_has "exported 12 people to"
    [ "$(ls "$BATS_TEST_TMPDIR/vdir" | grep -c '\.vcf$')" -eq 12 ]
    grep -qx $'FN:Ada Lovelace\r' "$BATS_TEST_TMPDIR/vdir/ada-lovelace.vcf"
    for format in json csv vcard; do
        run --separate-stderr kith export "$format" --archived
        assert_failure 3
        assert_stderr_has "archive/ada-lovelace.yaml: the slug 'ada-lovelace' is also in contacts/"
        [ "$(printf '%s\n' "$output" | grep -c 'Ada Archived')" -eq 0 ]
        [ "$(printf '%s\n' "$output" | grep -c 'Ada Lovelace')" -ge 1 ]
    done
    run -3 --separate-stderr kith export json --archived
    printf '%s' "$output" | python3 -c 'import json,sys; d=json.load(sys.stdin); s=[p["slug"] for p in d]; assert len(s)==len(set(s))==12, s'
    run --separate-stderr kith export json  # without --archived there is no duplicate to read
    assert_success
}

@test "check reports a slug that is in both contacts/ and archive/" {
    mkdir -p archive
    cp contacts/grace-hopper.yaml archive/grace-hopper.yaml
    run --separate-stderr kith check
    assert_failure 3
    assert_output "archive/grace-hopper.yaml: the slug 'grace-hopper' is also in contacts/: the name finds contacts/grace-hopper.yaml and export --archived leaves this file out; merge the two files into one"
    rm contacts/grace-hopper.yaml
    run --separate-stderr kith check
    assert_success
}
