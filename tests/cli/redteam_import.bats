#!/usr/bin/env bats
# Red-team findings on import.
load helpers

# A contact file that does not parse still holds its slug: a card of the same name must get
# another one, as --dry-run says it will, rather than fail the whole import.
@test "import: a card whose slug is held by a file that does not parse gets a free slug, as --dry-run says" {
    printf 'name: [unclosed\n' > contacts/zed-zero.yaml
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed Zero\r\nEND:VCARD\r\n' > "$BATS_TEST_TMPDIR/z.vcf"
    printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nia Early\r\nEND:VCARD\r\n' >> "$BATS_TEST_TMPDIR/z.vcf"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/z.vcf" --dry-run
    local said="$output"
    run --separate-stderr kith import vcard "$BATS_TEST_TMPDIR/z.vcf"
    [[ "$stderr" != *"exists already"* ]] || { echo "$stderr" >&2; false; }
    [ "$status" -ne 2 ]
    [ "$(printf '%s\n' "$output" | sed 's/^would //; s/^dry run: //')" = "$(printf '%s\n' "$said" | sed 's/^would //; s/^dry run: //')" ]
    [ -e contacts/nia-early.yaml ]
    [ "$(cat contacts/zed-zero.yaml)" = "name: [unclosed" ]
}

# Two new people whose long non-ASCII names make the same slug: the second gets "-2", and its
# slug is cut to make room for it; the cut must fall between characters (a slug is valid UTF-8:
# slug_problem, 'kith rename --slug').
@test "import: a free slug made from a long non-ASCII name is valid UTF-8" {
    local long
    long=$(printf '山%.0s' $(seq 1 60))
    for i in 1 2; do
        printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s %d\r\nEMAIL:p%d@example.org\r\nEND:VCARD\r\n' "$long" "$i" "$i"
    done > "$BATS_TEST_TMPDIR/long.vcf"
    run kith import vcard "$BATS_TEST_TMPDIR/long.vcf"
    assert_success
    assert_output --partial "2 added"
    run python3 -c 'import os, sys; bad = [n for n in os.listdir(os.fsencode("contacts")) if n.decode("utf-8", "replace").encode() != n]; print(bad); sys.exit(1 if bad else 0)'
    assert_success
}
