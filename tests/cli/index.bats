#!/usr/bin/env bats
# The index in .kith/ is invisible: every read command prints the same bytes with it as
# without it, whatever happened to the files, to kith.yaml or to the index itself.
load helpers

# The commands that read the network, each with its output, errors and exit code.
COMMANDS=(
    "due" "due --format json" "due --format tsv" "due --today 2025-06-01 --format json"
    "list --format json" "list --archived --format json" "list --tag london" "list --tag mentor --format tsv"
    "list --org Labs" "list --tier close --format json" "tier" "tier --format json" "tier ada"
    "show ada" "show ada-lovelace" "show 山田" "email a" "email engines" "__complete names" "__complete people"
    "find london"
)

# Prints every command's result; with "cold", the index is removed before each one.
views() {
    local args
    for args in "${COMMANDS[@]}"; do
        [ "${1:-}" = cold ] && rm -rf .kith
        echo "== kith $args"
        # shellcheck disable=SC2086
        kith $args 2>&1 || echo "exit $?"
    done
}

# Checks that the index, as it is now, changes nothing.
same_as_without_index() {
    views > "$BATS_TEST_TMPDIR/warm"
    views > "$BATS_TEST_TMPDIR/warm2"   # the index as the first run left it
    cp -r .kith "$BATS_TEST_TMPDIR/kept" 2>/dev/null || true
    views cold > "$BATS_TEST_TMPDIR/cold"
    rm -rf .kith; cp -r "$BATS_TEST_TMPDIR/kept" .kith 2>/dev/null || true; rm -rf "$BATS_TEST_TMPDIR/kept"
    diff "$BATS_TEST_TMPDIR/cold" "$BATS_TEST_TMPDIR/warm"
    diff "$BATS_TEST_TMPDIR/cold" "$BATS_TEST_TMPDIR/warm2"
}

warm_up() { kith list --archived >/dev/null; kith due >/dev/null; [ -f .kith/index ]; }

@test "the index is written, and output is the same with and without it" {
    mkdir -p archive && mv contacts/tom-becker.yaml archive/
    warm_up
    same_as_without_index
}

@test "a touched file: same output" {
    warm_up
    touch contacts/ada-lovelace.yaml
    same_as_without_index
}

@test "an edited file: same output, the new content shown" {
    warm_up
    sed -i 's/tags: \[mentor, london\]/tags: [mentor, paris]/' contacts/ada-lovelace.yaml
    same_as_without_index
    run -0 kith list --tag london
    refute_output --partial "Ada"
}

@test "a file changed in place, same size and same mtime: the index notices (size alone is not trusted)" {
    warm_up
    cp -p contacts/ada-lovelace.yaml "$BATS_TEST_TMPDIR/ref"
    sed -i 's/london/lisbon/' contacts/ada-lovelace.yaml   # the same number of bytes
    touch -r "$BATS_TEST_TMPDIR/ref" contacts/ada-lovelace.yaml
    [ "$(stat -c %s contacts/ada-lovelace.yaml)" = "$(stat -c %s "$BATS_TEST_TMPDIR/ref")" ]
    run -0 kith list --tag lisbon
    assert_output --partial "Ada Lovelace"
    same_as_without_index
}

@test "a renamed file and a deleted one: same output" {
    warm_up
    mv contacts/grace-hopper.yaml contacts/grace-brewster-hopper.yaml
    rm contacts/omar-haddad.yaml
    same_as_without_index
    run -0 kith list --format tsv
    refute_output --partial "omar-haddad"
    assert_output --partial "grace-brewster-hopper"
}

@test "a broken file: reported on every run, with or without the index" {
    warm_up
    printf 'name: Ada\ntier: [oops\n' > contacts/ada-lovelace.yaml
    same_as_without_index
    run -3 kith due
    assert_output --partial "contacts/ada-lovelace.yaml"
}

@test "kith.yaml: a comment changes nothing; a cadence and a tier are seen at once" {
    warm_up
    printf '# a comment only\n' >> kith.yaml
    same_as_without_index
    sed -i 's/name: core,  cadence: 30d/name: core,  cadence: 7d/' kith.yaml
    same_as_without_index
    run -0 kith list --format tsv
    assert_output --partial $'core\t7d'
    sed -i 's/name: close,/name: near,/; s/default_tier: loose/default_tier: near/' kith.yaml
    same_as_without_index
    run -3 kith due
    assert_output --partial "unknown tier 'close'"
}

@test "a comment in kith.yaml leaves the index as it was" {
    warm_up
    cp .kith/index "$BATS_TEST_TMPDIR/index"
    printf '# a comment only\n' >> kith.yaml
    kith due >/dev/null
    cmp .kith/index "$BATS_TEST_TMPDIR/index"
}

@test "a truncated index: ignored, same output" {
    warm_up
    truncate -s $(( $(stat -c %s .kith/index) / 2 )) .kith/index
    same_as_without_index
}

@test "one flipped byte in the index: ignored, same output" {
    warm_up
    python3 - <<'PY'
data = bytearray(open('.kith/index', 'rb').read())
at = data.find(b'mentor')
data[at] ^= 0x01
open('.kith/index', 'wb').write(bytes(data))
PY
    same_as_without_index
}

@test "one flipped byte in the name table (names, stamps, where summaries lie): ignored, same output" {
    warm_up
    python3 - <<'PY'
data = bytearray(open('.kith/index', 'rb').read())
at = data.rfind(b'Ada Lovelace')   # the name table comes last
data[at] ^= 0x01
open('.kith/index', 'wb').write(bytes(data))
PY
    same_as_without_index
}

@test "a write updates the index in place (the same file, grown by one summary); output as without it" {
    warm_up
    inode=$(stat -c %i .kith/index)
    kith log ada -k call -m "in place" >/dev/null
    kith due >/dev/null
    [ "$(stat -c %i .kith/index)" = "$inode" ]   # not written anew
    run -0 kith due --format json
    assert_output --partial "in place"
    same_as_without_index
}

@test "many writes: what updates in place left dead is compacted, the index does not grow without end" {
    warm_up
    fresh=$(stat -c %s .kith/index)
    for i in $(seq 1 40); do
        kith log grace -m "entry $i" >/dev/null
        kith due >/dev/null
        quarter_dead_at_most || { echo "after write $i" >&2; false; }
    done
    [ "$(stat -c %s .kith/index)" -lt $(( fresh * 3 / 2 )) ]
    run -0 kith due --format json
    assert_output --partial "entry 40"
    same_as_without_index
}

# Fails unless at most a quarter of the index's summaries are dead (the header: names_at at byte 40, dead bytes at 56).
quarter_dead_at_most() {
    python3 -c 'import struct,sys; d=open(".kith/index","rb").read(64); at,dead=struct.unpack_from("<Q",d,40)[0],struct.unpack_from("<Q",d,56)[0]; sys.exit(0 if 0 < at and dead*4 <= at-64 else "dead %d of %d" % (dead, at-64))'
}

@test "a lookup by name after every file changed writes the index anew: no more than a quarter of it is ever dead" {
    warm_up
    for f in contacts/*.yaml; do echo "# touched" >> "$f"; done
    kith show "Ada Lovelace" >/dev/null   # reads names only, and updates the index
    quarter_dead_at_most
    same_as_without_index
}

@test "several files changed at once: their summaries are appended in place, a stretch at a time; output as without it" {
    warm_up
    inode=$(stat -c %i .kith/index)
    size=$(stat -c %s .kith/index)
    for slug in ada-lovelace grace-hopper; do echo "# touched" >> "contacts/$slug.yaml"; done
    kith due >/dev/null
    [ "$(stat -c %i .kith/index)" = "$inode" ]   # not written anew
    [ "$(stat -c %s .kith/index)" -gt "$size" ]  # grown by two summaries
    same_as_without_index
}

@test "a NAME that is a slug reads that person's file alone; other files are not read or reported" {
    warm_up
    printf 'name: Omar\ntier: [oops\n' > contacts/omar-haddad.yaml   # not named in ada's file
    run --separate-stderr kith show ada-lovelace
    assert_success
    assert_output --partial "Ada Lovelace (ada-lovelace)"
    [ -z "$stderr" ]
    run --separate-stderr kith log ada-lovelace -m "by slug"
    assert_success
    [ "$(grep -c 'by slug' contacts/ada-lovelace.yaml)" = 1 ]
}

@test "an index that is a folder: ignored, same output, and writes still work" {
    rm -rf .kith; mkdir -p .kith/index
    same_as_without_index
    run kith log ada -m "still writes"
    assert_success
    [ -d .kith/index ]
}

@test "after a write, the index holds the new entry; output as without it" {
    warm_up
    kith log ada -k call -m "index: fresh" >/dev/null
    kith follow grace 2026-12-12 "send the paper" >/dev/null
    same_as_without_index
    run -0 kith due --format json
    assert_output --partial "index: fresh"
}

@test "show and log read one person's file only: a broken other file is still reported, once" {
    warm_up
    printf 'name: Grace\ntier: [oops\n' > contacts/grace-hopper.yaml
    run --separate-stderr kith show ada
    assert_failure 3   # as before the index: any unreadable file makes the exit code 3
    assert_output --partial "Ada Lovelace (ada-lovelace)"
    [ "$(grep -c 'contacts/grace-hopper.yaml' <<< "$stderr")" = 1 ]
    run -3 kith log ada -m "one file"
    [ "$(grep -c 'one file' contacts/ada-lovelace.yaml)" = 1 ]
}
