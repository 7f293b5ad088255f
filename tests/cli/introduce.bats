load helpers

@test "a dry run prints the messages of the step and changes no file" {
    cp -r contacts "$BATS_TEST_TMPDIR/before"
    run --separate-stderr kith introduce ada omar -m "Omar needs a data partner" --dry-run --ask
    assert_success
    assert_line "=== 1. Ask the first person"
    assert_line "To: Ada Lovelace <ada@example.org>"
    assert_line "Subject: Would you like to meet Omar Haddad?"
    assert_line "=== 2. Ask the second person"
    refute_line --partial "Introduce them"
    run --separate-stderr kith introduce ada omar -m "Omar needs a data partner" --dry-run
    assert_success
    assert_line "=== Introduce them"
    assert_line "Ada, meet Omar Haddad, Founder at Sandstone Analytics (CEO of a ten-person startup)."
    assert_line "Omar, meet Ada Lovelace, Lead Analyst at Analytical Engines Ltd (runs the numbers team)."
    assert_line "You share an interest in mathematics and poetry."
    assert_line "Why I think you should talk: Omar needs a data partner."
    assert_line "Sam Rivera"
    refute_line --partial "Ask the first person"
    diff -r "$BATS_TEST_TMPDIR/before" contacts
}

@test "introduce records the introduction on both people, with a follow-up" {
    snapshot ada-lovelace
    snapshot omar-haddad
    run --separate-stderr kith introduce ada omar -m "Omar needs a data partner" --follow-up 3w
    assert_success
    [[ "$stderr" == *"recorded the introduction of Ada Lovelace and Omar Haddad on both; follow up on 2026-12-19"* ]]
    run -0 changes ada-lovelace
    assert_output $'>   - {due: 2026-12-19, what: ask how the introduction to Omar Haddad went}\n>   - {date: 2026-11-28, kind: intro, with: omar-haddad, note: Omar needs a data partner}'
    run -0 changes omar-haddad
    assert_output $'>   - {due: 2026-12-19, what: ask how the introduction to Ada Lovelace went}\n>   - {date: 2026-11-28, kind: intro, with: ada-lovelace, note: Omar needs a data partner}'
}

@test "a pair introduced before needs --again" {
    kith introduce ada omar >/dev/null 2>&1
    run --separate-stderr kith introduce omar ada
    assert_failure 2
    [[ "$stderr" == *"were introduced already"*"--again"* ]]
    run --separate-stderr kith introduce omar ada --again
    assert_success
    [ "$(grep -c 'kind: intro, with: ada-lovelace' contacts/omar-haddad.yaml)" = 2 ]
}

@test "both or neither: when one file cannot be written, neither changes" {
    snapshot ada-lovelace
    # A log written as a one-line flow list is valid, but kith will not rewrite it.
    printf 'name: Omar Haddad\nlog: [{date: 2026-01-01, kind: call}]\n' > contacts/omar-haddad.yaml
    cp contacts/omar-haddad.yaml "$BATS_TEST_TMPDIR/omar.before"
    run --separate-stderr kith introduce ada omar
    assert_failure 3
    [ -z "$(changes ada-lovelace)" ]
    cmp contacts/omar-haddad.yaml "$BATS_TEST_TMPDIR/omar.before"
}

@test "json has the messages and what the two share" {
    run --separate-stderr kith introduce ada omar --dry-run --format json
    assert_success
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["a"], d["b"], d["shared_interests"], d["shared_tags"], d["introduce"]["subject"])' <<<"$output"
    assert_output "ada-lovelace omar-haddad ['mathematics', 'poetry'] ['london'] Introduction: Ada Lovelace and Omar Haddad"
}

@test "refusals: the same person twice, one name, an unknown name" {
    run --separate-stderr kith introduce ada "ada king"
    assert_failure 2
    [[ "$stderr" == *"introduce two people"* ]]
    run kith introduce ada
    assert_failure 2
    run kith introduce ada nobody-at-all
    assert_failure 2
}

@test "--suggest ranks pairs with reasons, leaving out known pairs and same organisations" {
    run --separate-stderr kith introduce --suggest --format tsv
    assert_success
    assert_line --index 0 $'a\tb\tscore\treasons'
    assert_line --index 1 --regexp $'^ada-lovelace\tlinus-okafor\t9.5\tboth into hardware; Ada Lovelace wants'
    refute_output --regexp $'^ada-lovelace\tgrace-hopper'    # Grace introduced Ada
    refute_output --regexp $'^ada-lovelace\tmei-chen'        # same organisation
    refute_output --regexp $'^kwame-mensah\tomar-haddad'     # Omar introduced Kwame
    [ "${#lines[@]}" = 11 ]
    run -0 --separate-stderr kith introduce --suggest --same-org --limit 0 --format tsv
    assert_output --regexp $'ada-lovelace\tmei-chen'
}

@test "--suggest NAME and --limit; the order is the same every run" {
    run --separate-stderr kith introduce --suggest lena --limit 2 --format tsv
    assert_success
    [ "${#lines[@]}" = 3 ]
    for line in "${lines[@]:1}"; do [[ "$line" == *lena-fischer* ]]; done
    first="$(kith introduce --suggest --format json)"
    second="$(kith introduce --suggest --format json)"
    [ "$first" = "$second" ]
}

@test "an introduction, once recorded, drops out of the suggestions" {
    kith introduce ada linus >/dev/null 2>&1
    run -0 --separate-stderr kith introduce --suggest --format tsv
    refute_output --regexp $'^ada-lovelace\tlinus-okafor'
}

@test "--suggest with no pair to suggest: nothing in text, the header in tsv, [] in json" {
    kith init "$BATS_TEST_TMPDIR/alone" 2>/dev/null
    cd "$BATS_TEST_TMPDIR/alone"
    kith add "Only One" 2>/dev/null
    run --separate-stderr kith introduce --suggest
    assert_success
    assert_output ""
    run --separate-stderr kith introduce --suggest --format tsv
    assert_success
    assert_output $'a\tb\tscore\treasons'
    run --separate-stderr kith introduce --suggest --format json
    assert_success
    assert_output "[]"
}

@test "introduce --suggest reads a network in chunks: anyone can be asked about, an introduction made counts" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    # person-0 is read in the first chunk, person-99 in the last.
    for name in person-0 person-99; do
        run --separate-stderr kith -d "$big" introduce --suggest "$name" --limit 0 --format tsv
        assert_success
        [ "${#lines[@]}" -gt 5 ]
        first=$(printf '%s\n' "${lines[1]}" | cut -f1,2 | tr '\t' ' ')
        [[ " $first " == *" $name "* ]]
        other=${first/$name/}
        kith -d "$big" introduce $first -m "test" 2>/dev/null >/dev/null
        run --separate-stderr kith -d "$big" introduce --suggest "$name" --limit 0 --format tsv
        assert_success
        refute_line --regexp "^(${name}	${other// /}|${other// /}	${name})	"
    done
}
