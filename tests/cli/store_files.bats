load store_helpers

@test "a replaced file keeps its mode, owner and group, even when root writes it" {
    [ "$(id -u)" -eq 0 ] || skip "needs root to own a file as nobody"
    chown nobody:nogroup contacts/ada-lovelace.yaml
    chmod 0640 contacts/ada-lovelace.yaml
    kith log ada -m "root was here"
    [ "$(stat -c '%U:%G %a' contacts/ada-lovelace.yaml)" = "nobody:nogroup 640" ]
    [ "$(count 'root was here' contacts/ada-lovelace.yaml)" = 1 ]
}

@test "files and folders root makes in someone's network belong to that someone" {
    [ "$(id -u)" -eq 0 ] || skip "needs root"
    chown -R nobody:nogroup "$NET"
    kith add "Root Made"
    kith archive tom
    [ "$(stat -c '%U:%G %a' contacts/root-made.yaml)" = "nobody:nogroup 600" ]
    [ "$(stat -c '%U:%G %a' archive)" = "nobody:nogroup 700" ]
    [ "$(stat -c '%U' archive/tom-becker.yaml)" = "nobody" ]
}

@test "a log that would push a file past the 1 MiB read cap is refused and writes nothing" {
    python3 -c 'print("name: Big\nnotes: " + "x" * (1024 * 1024 - 200))' > contacts/big.yaml
    snapshot big
    run kith log big -m "$(head -c 400 /dev/zero | tr '\0' y)"
    assert_failure 3
    assert_output --partial "contacts/big.yaml: the change would make it larger than 1 MiB"
    [ -z "$(changes big)" ]
    [ -z "$(temps_left)" ]
    run kith show big
    assert_success
}

@test "a log of several people refuses all of them when one file would pass the cap" {
    python3 -c 'print("name: Big\nnotes: " + "x" * (1024 * 1024 - 200))' > contacts/big.yaml
    run kith log ada big -m "$(head -c 400 /dev/zero | tr '\0' y)"
    assert_failure 3
    [ "$(count 'yyyy' contacts/ada-lovelace.yaml)" = 0 ]
}

@test "check reports .yml files, other extensions and folders inside contacts/ and archive/" {
    cp contacts/ada-lovelace.yaml contacts/ada-copy.yml
    printf 'hello\n' > contacts/README.md
    mkdir -p contacts/old archive/older
    printf 'hidden\n' > contacts/.gitkeep
    run --separate-stderr kith check
    assert_failure 3
    assert_line "contacts/ada-copy.yml: is not read: contact files end in '.yaml'"
    assert_line "contacts/README.md: is not read: contact files end in '.yaml'"
    assert_line "contacts/old: is a folder; kith reads no folders inside contacts/"
    assert_line "archive/older: is a folder; kith reads no folders inside archive/"
    refute_output --partial ".gitkeep"
}

@test "check reads every file afresh: an index that lies is not trusted" {
    kith list >/dev/null
    [ -f .kith/index ]
    printf 'name: Ada\ntier: cor\n' > contacts/ada-lovelace.yaml
    touch -r .kith/index contacts/ada-lovelace.yaml
    run --separate-stderr kith check
    assert_failure 3
    assert_line --partial "contacts/ada-lovelace.yaml:2:7: unknown tier 'cor'"
}

@test "a flipped byte in the index is detected: the index is ignored, the files are read" {
    kith list --format tsv > "$BATS_TEST_TMPDIR/before"
    python3 - <<'PY'
import re
data = bytearray(open('.kith/index', 'rb').read())
at = data.find(b'Ada Lovelace')
data[at] = ord('E')
open('.kith/index', 'wb').write(bytes(data))
PY
    run kith list --format tsv
    assert_success
    refute_output --partial "Eda Lovelace"
    [ "$output" = "$(cat "$BATS_TEST_TMPDIR/before")" ]
}

@test "an index that cannot be written never makes a write fail" {
    rm -rf .kith
    printf 'not a folder\n' > .kith
    run kith log ada -m "no cache"
    assert_success
    [ "$(count 'no cache' contacts/ada-lovelace.yaml)" = 1 ]
}

teardown() { if mountpoint -q "$BATS_TEST_TMPDIR/small" 2>/dev/null; then umount "$BATS_TEST_TMPDIR/small"; fi; }

@test "the index never takes the last free space a real write needs" {
    [ "$(id -u)" -eq 0 ] || skip "needs root to mount a small tmpfs"
    local small="$BATS_TEST_TMPDIR/small"
    mkdir "$small"
    mount -t tmpfs -o size=4m tmpfs "$small" || skip "cannot mount a tmpfs here"
    copy_examples "$small/net"
    kith list >/dev/null   # the same network on a roomy disk: how large its index is
    pages=$(( ($(stat -c %s .kith/index) + 4095) / 4096 ))
    avail=$(df -B1 --output=avail "$small" | tail -1)
    dd if=/dev/zero of="$small/filler" bs=4096 count=$(( avail / 4096 - pages )) 2>/dev/null
    run kith --dir "$small/net" log ada -m "disk nearly full"
    assert_success
    [ "$(count 'disk nearly full' "$small/net/contacts/ada-lovelace.yaml")" = 1 ]
}
