load helpers

@test "the tier summary: cadence, members, due now, as text, tsv and json" {
    run --separate-stderr kith tier --format tsv
    assert_success
    assert_output $'tier\tcadence\tmembers\tdue\ncore\t30d\t4\t3\nclose\t90d\t4\t2\nloose\t180d\t4\t3'
    run -0 --separate-stderr kith tier
    assert_line --index 0 "TIER   CADENCE  MEMBERS  DUE"
    run -0 --separate-stderr kith tier --format json
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["tier"], d[0]["members"], d[2]["due"])' <<<"$output"
    assert_output "core 4 3"
}

@test "one person's tier" {
    run --separate-stderr kith tier ada --format tsv
    assert_success
    assert_output $'slug\tname\ttier\tcadence\nada-lovelace\tAda Lovelace\tcore\t2w'
}

@test "setting a tier is a one-line change of a hand-written file" {
    snapshot grace-hopper
    run --separate-stderr kith tier grace close
    assert_success
    [[ "$stderr" == *"Grace Hopper: core -> close"* ]]
    run -0 changes grace-hopper
    assert_output $'< tier: core\n> tier: close'
}

@test "setting a tier with --cadence adds the cadence line in canonical place" {
    snapshot mei-chen
    run --separate-stderr kith tier mei close --cadence 6w
    assert_success
    run -0 changes mei-chen
    assert_output $'< tier: core\n> tier: close\n> cadence: 6w'
    run -0 sed -n 2,3p contacts/mei-chen.yaml
    assert_output $'tier: close\ncadence: 6w'
}

# Issue 20, item 10: tier says what changed; never "close -> close".
@test "tier says what changed: the tier, the cadence, both, or nothing" {
    run --separate-stderr kith tier grace close
    assert_success
    assert_equal "$stderr" "Grace Hopper: core -> close, every 90d"
    run --separate-stderr kith tier grace close --cadence 8w
    assert_success
    assert_equal "$stderr" "Grace Hopper: cadence 90d -> 8w (close)"
    snapshot grace-hopper
    run --separate-stderr kith tier grace close --cadence 8w
    assert_success
    assert_equal "$stderr" "nothing to change: Grace Hopper already has that"
    cmp contacts/grace-hopper.yaml "$BATS_TEST_TMPDIR/grace-hopper.before"
    run --separate-stderr kith tier grace core --cadence 2w
    assert_success
    assert_equal "$stderr" "Grace Hopper: close -> core, every 2w"
    refute_output --partial "close -> close"
}

@test "an unknown tier is exit 2, listing the tiers, and changes nothing" {
    snapshot grace-hopper
    run --separate-stderr kith tier grace vip
    assert_failure 2
    [[ "$stderr" == *"unknown tier 'vip' (tiers: core, close, loose)"* ]]
    [ -z "$(changes grace-hopper)" ]
}

@test "a network with nobody in it still lists its tiers, in every format" {
    kith init "$BATS_TEST_TMPDIR/new" 2>/dev/null
    cd "$BATS_TEST_TMPDIR/new"
    run --separate-stderr kith tier --format tsv
    assert_success
    assert_output $'tier\tcadence\tmembers\tdue\ncore\t30d\t0\t0\nclose\t90d\t0\t0\nloose\t180d\t0\t0'
    run --separate-stderr kith tier
    assert_success
    assert_line --index 0 "TIER   CADENCE  MEMBERS  DUE"
    [ "${#lines[@]}" = 4 ]
    run -0 --separate-stderr kith tier --format json
    run -0 python3 -c 'import json,sys; print([(t["tier"], t["members"], t["due"]) for t in json.load(sys.stdin)])' <<<"$output"
    assert_output "[('core', 0, 0), ('close', 0, 0), ('loose', 0, 0)]"
}

# Red team 2: open_for_edit compares the reader's key text with the raw text between the quotes
# of a quoted key, so a key the user quoted with an escape ('' in single quotes, \u in double)
# is "not found" and every edit of the file is refused (exit 3), though the key is not touched.
@test "tier sets the tier of a file that has a quoted key with an escape in it" {
    printf "name: Zed Test\ntier: close\n'mum''s birthday': 1950-03-01\n\"caf\\\\u00e9\": espresso\n" > contacts/zed.yaml
    snapshot zed
    run kith check
    assert_success
    run kith tier zed core
    assert_success
    run -1 diff "$BATS_TEST_TMPDIR/zed.before" contacts/zed.yaml
    assert_output --partial '> tier: core'
    refute_output --partial 'mum'
}
