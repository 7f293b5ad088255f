# What an import writes (issue 18, items 12 and 13): --dry-run finds what the real import
# would refuse, a record that cannot be written is skipped and reported while the rest go in,
# nothing is said before it is written, and merging thousands of values takes no time.
load helpers
load store_helpers

# Every file of the network with its checksum, to show that nothing was written.
tree_sums() { (cd "$NET" && find . -path ./.kith -prune -o -type f -print0 | sort -z | xargs -0 sha1sum); }

# Writes cards: one plain, one whose new file would pass 1 MiB (NOTE lines of control characters,
# each written \xNN in YAML), one merging into a person whose file would pass 1 MiB, one plain.
hard_cards() {
    printf 'name: Zed Full\nnotes: "%s"\n' "$(head -c 1000000 /dev/zero | tr '\0' 'z')" > contacts/zed-full.yaml
    python3 - "$BATS_TEST_TMPDIR/hard.vcf" <<'PY'
import sys
controls = "\x01" * 60000
with open(sys.argv[1], "w", newline="") as f:
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Aa Plain\r\nEND:VCARD\r\n")
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bb Oversized\r\n" + "NOTE:" + controls + "\r\n" * 1 +
            "".join("NOTE:" + controls + "\r\n" for _ in range(5)) + "END:VCARD\r\n")
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Full\r\nNOTE:x\r\nTITLE:" + "t" * 60000 + "\r\nEND:VCARD\r\n")
    f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cc Plain\r\nEMAIL:cc@plain.example\r\nEND:VCARD\r\n")
PY
}

@test "--dry-run finds what the real import refuses: each such record is skipped and reported in both, the rest imported" {
    hard_cards
    snapshot zed-full
    before=$(tree_sums)
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/hard.vcf" --dry-run
    assert_failure 3
    local said=$output said_errors=$stderr
    assert_output "would add Aa Plain as aa-plain
would add Cc Plain as cc-plain
dry run: 2 added, 0 merged, 0 skipped, 2 failed"
    [[ "$stderr" == *"hard.vcf:5: 'Bb Oversized' not added: contacts/bb-oversized.yaml: the change would make it larger than 1 MiB"* ]]
    [[ "$stderr" == *"hard.vcf:15: 'Zed Full' not merged into zed-full: contacts/zed-full.yaml: the change would make it larger than 1 MiB"* ]]
    [[ "$stderr" == *"zed-full: notes: kept 'zzzz"*"…', the import says 'x'"* ]]   # a long value cut
    [ "$(tree_sums)" = "$before" ]
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/hard.vcf"
    assert_failure 3
    [ "$(printf '%s\n' "$output" | sed 's/^would //; s/^dry run: //')" = "$(printf '%s\n' "$said" | sed 's/^would //; s/^dry run: //')" ]
    [ "$stderr" = "$said_errors" ]
    [ -e contacts/aa-plain.yaml ] && [ -e contacts/cc-plain.yaml ] && [ ! -e contacts/bb-oversized.yaml ]
    cmp contacts/zed-full.yaml "$BATS_TEST_TMPDIR/zed-full.before"
    run kith check
    assert_success
}

@test "an edit kith cannot make is found by --dry-run as by the import: the record is skipped, the others go in" {
    # A list written over several lines: kith does not add to it (it would not know where).
    printf 'name: Wide List\nemail: [a@wide.example,\n  b@wide.example]\n' > contacts/wide-list.yaml
    snapshot wide-list
    printf 'BEGIN:VCARD\r\nFN:Good One\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Wide List\r\nEMAIL:c@wide.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Good Two\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/mixed.vcf"
    for run in --dry-run ""; do
        run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/mixed.vcf" $run
        assert_failure 3
        assert_line --regexp "^(dry run: )?2 added, 0 merged, 0 skipped, 1 failed$"
        [[ "$stderr" == *"mixed.vcf:4: 'Wide List' not merged into wide-list: contacts/wide-list.yaml:2"*"a list written over several lines"* ]]
    done
    [ -e contacts/good-one.yaml ] && [ -e contacts/good-two.yaml ]
    cmp contacts/wide-list.yaml "$BATS_TEST_TMPDIR/wide-list.before"
}

@test "nothing is said before it is written: a full disk prints no 'add' line for what was not written" {
    need_hooks
    python3 -c 'import sys; sys.stdout.write("".join("BEGIN:VCARD\nFN:Full Disk %d\nEND:VCARD\n" % i for i in range(40)))' > "$BATS_TEST_TMPDIR/forty.vcf"
    before=$(tree_sums)
    for step in temp-1 temp-30 prepared; do
        run --separate-stderr env KITH_TEST_FAIL_AT="$step" "$KITH" import vcard "$BATS_TEST_TMPDIR/forty.vcf"
        assert_failure 4
        assert_output ""   # no "add Full Disk N" line, no summary
        [[ "$stderr" == *"No space left on device"* ]]
        [ "$(tree_sums)" = "$before" ]
    done
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/forty.vcf"
    assert_success
    assert_line "40 added, 0 merged, 0 skipped, 0 failed"
    [ "$(printf '%s\n' "$output" | grep -c '^add Full Disk')" = 40 ]
}

@test "merging thousands of values into one person takes no time (each list edited once, values looked up)" {
    # One card with 3,000 phones and 3,000 emails for Ada, then 3,000 cards of one phone each for
    # Grace: before, 3,000 TEL lines took 88 s (each value compared with all, the file re-read for each).
    python3 - "$BATS_TEST_TMPDIR" <<'PY'
import sys
with open(sys.argv[1] + "/one.vcf", "w") as f:
    f.write("BEGIN:VCARD\nFN:Ada Lovelace\n" + "".join("TEL:+44 20 %07d\nEMAIL:ada%d@x.example\n" % (i, i) for i in range(3000)) +
            "".join("X-ANNIVERSARY:19%02d-%02d-%02d\n" % (i % 100, i % 12 + 1, i % 28 + 1) for i in range(1000)) + "END:VCARD\n")
with open(sys.argv[1] + "/many.vcf", "w") as f:
    f.write("".join("BEGIN:VCARD\nFN:Grace Hopper\nTEL:+1 555 %07d\nNICKNAME:Amazing %d\nEND:VCARD\n" % (i, i) for i in range(3000)))
PY
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" import vcard "$BATS_TEST_TMPDIR/one.vcf"
    assert_success
    assert_line "0 added, 1 merged, 0 skipped, 0 failed"
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" import vcard "$BATS_TEST_TMPDIR/many.vcf"
    assert_success
    assert_line "0 added, 3000 merged, 0 skipped, 0 failed"
    run bash -c "'$KITH' export json | python3 -c 'import json, sys; p = {c[\"name\"]: c for c in json.load(sys.stdin)}; print(len(p[\"Ada Lovelace\"][\"phone\"]), len(p[\"Ada Lovelace\"][\"email\"]), len(p[\"Ada Lovelace\"][\"dates\"]), len(p[\"Grace Hopper\"][\"phone\"]), len(p[\"Grace Hopper\"][\"aka\"]))'"
    assert_success
    assert_output "3001 3001 1001 3001 3000"   # each with the one it had (Grace had no aka)
    run kith check
    assert_success
}
