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
        run --separate-stderr kith -d "$empty" import vcard "$BATS_TEST_TMPDIR/all.vcf"
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
    run --separate-stderr kith export vcard
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 11 ]
    run --separate-stderr kith export vcard --archived
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 12 ]
}

@test "add has an option for every text and list field, and the man page names each" {
    run --separate-stderr kith add --help
    for option in --aka --tier --title --org --role --email --phone --address --url --prefer --assistant \
                  --interest --tag --met --introduced-by --why --notes --cadence --birthday --since; do
        assert_line --partial -- "$option"
        grep -q -- "$(printf '%s' "$option" | sed 's/-/\\\\-/g')" "$KITH_SOURCE/doc/kith.1" || { echo "man page misses $option"; false; }
    done
    run --separate-stderr kith add "Web Person" --url https://web.example --url "https://b.example/x?y=1#z"
    assert_success
    grep -qx 'url: \["https://web.example", "https://b.example/x?y=1#z"\]' contacts/web-person.yaml
    run --separate-stderr kith show web-person
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
    run --separate-stderr kith -d "$big" export csv
    printf '%s' "$output" | python3 -c 'import csv,sys; rows=list(csv.reader(sys.stdin)); assert len(rows)==701, len(rows)'
    run --separate-stderr kith -d "$big" export vcard
    [ "$(printf '%s\n' "$output" | grep -c '^BEGIN:VCARD')" -eq 700 ]
    # The calendar of the next year is the one 'due' gives for it.
    diff <(kith -d "$big" export ics) <(kith -d "$big" due --within 1y --format ics)
}
