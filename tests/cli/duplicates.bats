load helpers

# A second record of Ada, as an import from another program leaves it.
second_ada() {
    cat > contacts/ada-l.yaml <<'YAML'
name: ADA LOVELACE
email: [Ada@Example.org, ada@home.example]
phone: ["+44 (20) 7946-0000"]
url: [https://www.linkedin.com/in/ada/]
YAML
}

@test "duplicates lists pairs sharing an email, a phone, a name or a URL, and says why" {
    second_ada
    printf 'name: Ada L\nurl: [linkedin.com/in/ada]\n' > contacts/ada-web.yaml
    printf 'name: Jose Nunez\n' > contacts/jose-2.yaml
    run --separate-stderr kith duplicates --format tsv
    assert_success
    assert_line --index 0 $'a\tname_a\tb\tname_b\treasons'
    assert_line $'ada-l\tADA LOVELACE\tada-lovelace\tAda Lovelace\temail ada@example.org, phone +442079460000, name ada lovelace'
    assert_line $'ada-l\tADA LOVELACE\tada-web\tAda L\turl linkedin.com/in/ada'
    assert_line $'jose-2\tJose Nunez\tjose-nunez\tJosé Núñez\tname jose nunez'
    [ "${#lines[@]}" -eq 4 ]
}

@test "duplicates as json and text; nothing found prints nothing" {
    run --separate-stderr kith duplicates
    assert_success
    assert_output ""
    second_ada
    run --separate-stderr kith duplicates --format json
    assert_success
    run -0 python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[0]["a"], d[0]["b"], d[0]["reasons"])' <<<"$output"
    assert_output "1 ada-l ada-lovelace ['email ada@example.org', 'phone +442079460000', 'name ada lovelace']"
    run --separate-stderr kith duplicates
    assert_success
    assert_line --partial "ada-l"
    assert_output --partial "email ada@example.org"
}

@test "an aka counts as a name" {
    printf 'name: Ada King\n' > contacts/ada-king.yaml
    run --separate-stderr kith duplicates --format tsv
    assert_success
    assert_line $'ada-king\tAda King\tada-lovelace\tAda Lovelace\tname ada king'
}

@test "the completion spec knows duplicates, merge and introduce's new options" {
    run --separate-stderr kith __complete spec
    assert_success
    assert_line --partial $'command\tduplicates\t'
    assert_line --partial $'positional\tmerge\t1\tnames\t'
    assert_line --partial $'option\tmerge\t--prefer\tchoice:A|B\t'
    assert_line --partial $'option\tintroduce\t--drafts\tdirs\t'
    assert_line --partial $'option\tintroduce\t--ask\tflag\t'
    assert_line --partial $'option\tadd\t--force\tflag\t'
}
