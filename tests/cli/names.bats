# NAME resolution as people type it: a whole word wins over prefixes; ambiguity says who is who.
load helpers

@test "a whole word of one name wins over prefixes of others (the tour's 'mei' after an import)" {
    kith add "Meister Berger" --org Brauhaus 2>/dev/null
    kith add "Meiko Ito" 2>/dev/null
    run --separate-stderr kith tier mei --format tsv
    assert_success
    assert_line --index 1 --partial $'mei-chen\tMei Chen\t'
    run --separate-stderr kith log mei -m "coffee again"
    assert_success
    assert_stderr_has "Mei Chen"
    run grep -c "coffee again" contacts/mei-chen.yaml
    assert_success
    assert_output 1
    # "chen" is a word of one name; "becker" of one slug's name: the same rule everywhere.
    run --separate-stderr kith tier becker --format tsv
    assert_success
    assert_output --partial "tom-becker"
}

@test "an exact slug or full name wins over a word of another's name" {
    kith add "Ada" --slug ada 2>/dev/null
    run --separate-stderr kith tier ada --format tsv
    assert_success
    assert_line --index 1 --partial $'ada\tAda\t'
    run --separate-stderr kith tier "ADA" --format tsv
    assert_success
    assert_line --index 1 --partial $'ada\tAda\t'
    run --separate-stderr kith tier lovelace --format tsv
    assert_success
    assert_line --index 1 --partial "ada-lovelace"
}

@test "an ambiguous NAME lists at most 8 candidates with organisation and tier" {
    for i in a b c d e f g h i j; do kith add "Sam Park ${i^^}" --org "Org $i" --tier close 2>/dev/null; done
    run --separate-stderr kith show sam
    assert_failure 2
    assert_stderr_has "'sam' could be sam-park-a (Sam Park A, Org a, close), sam-park-b (Sam Park B, Org b, close)"
    assert_stderr_has "sam-park-h (Sam Park H, Org h, close), and 2 more; say which"
    [[ "$stderr" != *"sam-park-i ("* ]] || { echo "$stderr"; false; }
}

@test "two people sharing a word: the word is ambiguous and both are named with their tier" {
    kith add "Li Chen" --tier loose 2>/dev/null
    run --separate-stderr kith show chen
    assert_failure 2
    assert_stderr_has "li-chen (Li Chen, loose)"
    assert_stderr_has "mei-chen (Mei Chen, Analytical Engines Ltd, core)"
}
