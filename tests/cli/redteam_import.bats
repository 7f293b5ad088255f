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
