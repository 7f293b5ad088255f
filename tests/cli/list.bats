load helpers

@test "list as tsv: header, stable columns, sorted by tier then slug" {
    run --separate-stderr kith list --format tsv
    assert_success
    assert_line --index 0 $'slug\tname\ttier\tcadence\tlast\tdue'
    assert_line --index 1 $'ada-lovelace\tAda Lovelace\tcore\t2w\t2026-11-10\t2026-11-24'
    assert_line --index 9 $'kwame-mensah\tKwame Mensah\tloose\t180d\t\t2027-05-19'
    [ "${#lines[@]}" = 13 ]
}

@test "list as json is one array with the same keys" {
    run --separate-stderr kith list --format json
    assert_success
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0]["slug"], d[0]["cadence"], d[8]["last"])' <<<"$output"
    assert_output "12 ada-lovelace 2w None"
}

@test "list filters by tier, tag and organisation (ignoring case and accents)" {
    run -0 --separate-stderr kith list --tier close --format tsv
    [ "${#lines[@]}" = 5 ]
    run -0 --separate-stderr kith list --tag london --tag berlin --format tsv
    [ "${#lines[@]}" = 6 ]
    run -0 --separate-stderr kith list --org "analytical ENGINES" --format tsv
    assert_output --partial ada-lovelace
    assert_output --partial mei-chen
    [ "${#lines[@]}" = 3 ]
}

@test "list text aligns CJK names by display width" {
    run --separate-stderr kith list --tier close
    assert_success
    assert_line --index 0 "SLUG         NAME         TIER   CADENCE  LAST        DUE"
    assert_line "山田-太郎    山田 太郎    close  90d      2026-07-01  2026-12-15"
}

@test "list --tier with an unknown tier is exit 2" {
    run --separate-stderr kith list --tier vip
    assert_failure 2
    [[ "$stderr" == *"unknown tier 'vip' (tiers: core, close, loose)"* ]]
    run kith list --format xml
    assert_failure 2
}

@test "an invalid file is reported with path:line:col, the rest still lists, exit 3" {
    printf 'name: Broken\ntier: cor\n' > contacts/broken.yaml
    run --separate-stderr kith list --format tsv
    assert_failure 3
    [[ "$stderr" == *"kith: error: contacts/broken.yaml:2:7: unknown tier 'cor' (tiers: core, close, loose)"* ]]
    [ "${#lines[@]}" = 13 ]
}

@test "the output has no colour when piped, even with --color auto" {
    unset NO_COLOR
    run -0 --separate-stderr kith list --color auto
    refute_output --partial $'\e['
    run -0 --separate-stderr kith list --color always
    assert_output --partial $'\e['
}

@test "an empty list: nothing in text, the header in tsv, [] in json" {
    for filter in "--tag nobody" "--archived" "--org nowhere"; do
        run --separate-stderr kith list $filter
        assert_success
        assert_output ""
        run --separate-stderr kith list $filter --format tsv
        assert_success
        assert_output $'slug\tname\ttier\tcadence\tlast\tdue'
        run --separate-stderr kith list $filter --format json
        assert_success
        assert_output "[]"
    done
}
