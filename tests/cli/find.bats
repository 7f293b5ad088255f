load helpers

@test "find ignores case and accents and says which field matched" {
    run --separate-stderr kith find NUNEZ --format tsv
    assert_success
    assert_output $'slug\tname\tfield\tmatch\njose-nunez\tJosé Núñez\tname\tJosé Núñez'
}

@test "find searches aka, org, title, interests, tags, notes and log notes" {
    run -0 --separate-stderr kith find "ada king" --format tsv
    assert_line $'ada-lovelace\tAda Lovelace\taka\tAda King'
    run -0 --separate-stderr kith find bernoulli --format tsv
    assert_line --partial $'ada-lovelace\tAda Lovelace\tnotes\t'
    run -0 --separate-stderr kith find latency --format tsv
    assert_line $'linus-okafor\tLinus Okafor\tlog 2026-09-02\tQuarterly review; unhappy with latency'
    run -0 --separate-stderr kith find robotics --format tsv
    assert_line --partial $'lena-fischer\tLena Fischer\tinterests\trobotics'
    assert_line --partial $'linus-okafor\tLinus Okafor\torg\tNorthwind Robotics'
    run -0 --separate-stderr kith find washington --format tsv
    assert_line $'grace-hopper\tGrace Hopper\ttags\twashington'
}

@test "no match: exit 1, nothing in text, the header in tsv, [] in json" {
    run --separate-stderr kith find "no such thing anywhere"
    assert_failure 1
    assert_output ""
    run --separate-stderr kith find "no such thing anywhere" --format tsv
    assert_failure 1
    assert_output $'slug\tname\tfield\tmatch'
    run --separate-stderr kith find "no such thing anywhere" --format json
    assert_failure 1
    assert_output "[]"
}

@test "find as json" {
    run -0 --separate-stderr kith find tokyo --format json
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[0]["slug"], d[0]["field"])' <<<"$output"
    assert_output "山田-太郎 tags"
}

@test "find without TEXT is exit 2" {
    run kith find
    assert_failure 2
}

@test "find over a network read in several chunks keeps the matches of each, in slug order" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    printf 'name: "broken\n' > "$big/contacts/person-98.yaml"
    # Two halves, each read in one chunk: the whole must find what they find, merged by slug.
    mkdir -p "$BATS_TEST_TMPDIR"/{a,b}/contacts
    cp "$big/kith.yaml" "$BATS_TEST_TMPDIR/a"; cp "$big/kith.yaml" "$BATS_TEST_TMPDIR/b"
    cp "$big"/contacts/person-[1-3]*.yaml "$BATS_TEST_TMPDIR/a/contacts"
    cp "$big"/contacts/person-[04-9]*.yaml "$BATS_TEST_TMPDIR/b/contacts"
    for word in hardware 'said "yes"' 007 Ж; do
        run --separate-stderr kith -d "$big" find "$word" --format tsv
        assert_failure 3
        [ "$stderr" = "kith: error: contacts/person-98.yaml:1:7: quoted value is never closed (a missing closing quote?)" ]
        whole=$output
        [ "${#lines[@]}" -gt 100 ]
        halves=$( { kith -d "$BATS_TEST_TMPDIR/a" find "$word" --format tsv 2>/dev/null | tail -n +2
                   kith -d "$BATS_TEST_TMPDIR/b" find "$word" --format tsv 2>/dev/null | tail -n +2; } | LC_ALL=C sort -s -t$'\t' -k1,1)
        [ "$whole" = "$(printf 'slug\tname\tfield\tmatch\n%s' "$halves")" ]
    done
}
