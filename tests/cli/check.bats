load helpers

@test "check on a clean network says so and exits 0" {
    run --separate-stderr kith check
    assert_success
    [ -z "$output" ]
    [[ "$stderr" == *"checked 12 files: all fine"* ]]
}

@test "check reports every bad input as path:line:col and exits 3" {
    printf 'name: "Ada\ntier: core\nlog:\n  - {date: 2026-01-01}\n' > contacts/unterminated.yaml
    printf 'name: A\nb: &x 1\n' > contacts/anchor.yaml
    printf 'name: A\nname: B\n' > contacts/dup.yaml
    printf 'name: A\n---\nname: B\n' > contacts/twodocs.yaml
    printf ',' > contacts/comma.yaml
    printf 'name: A\xff\n' > contacts/utf8.yaml
    printf 'name: A\0\n' > contacts/nul.yaml
    printf '\xff\xfen\0a\0' > contacts/utf16.yaml
    printf 'name: A\nsince: 2026-02-30\n' > contacts/baddate.yaml
    python3 -c 'print("a: " + "["*100000)' > contacts/deep.yaml
    head -c 2000000 /dev/zero | tr '\0' 'x' | sed 's/^/name: /' > contacts/huge.yaml
    mkfifo contacts/fifo.yaml
    mkdir contacts/dir.yaml
    ln -s /etc/passwd contacts/link.yaml
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" check
    assert_failure 3
    assert_line "contacts/unterminated.yaml:1:7: quoted value is never closed (a missing closing quote?)"
    assert_line "contacts/anchor.yaml:2:4: anchors ('&name') are not supported"
    assert_line "contacts/dup.yaml:2:1: duplicate key 'name' (first at line 1)"
    assert_line --partial "contacts/twodocs.yaml:2:1: more than one YAML document"
    assert_line --partial "contacts/comma.yaml:"
    assert_line "contacts/utf8.yaml:1:8: invalid UTF-8"
    assert_line "contacts/nul.yaml:1:8: NUL byte: this is not a text file"
    assert_line "contacts/utf16.yaml:1:1: file is UTF-16 or UTF-32; kith reads UTF-8 only"
    assert_line "contacts/baddate.yaml:2:8: 'since' must be a day as YYYY-MM-DD, not '2026-02-30'"
    assert_line --partial "contacts/deep.yaml:1:"
    assert_line --partial "contacts/huge.yaml: is larger than 1 MiB"
    assert_line --partial "contacts/fifo.yaml: is not a regular file"
    assert_line --partial "contacts/dir.yaml: is not a regular file"
    assert_line --partial "contacts/link.yaml: is a link that leads out of the network folder"
    [ "${#lines[@]}" = 14 ]
    [[ "$stderr" == *"checked 26 files: 14 with problems"* ]]
}

@test "the good files still list beside bad ones" {
    printf 'name: "Ada\ntier: core\n' > contacts/bad.yaml
    mkfifo contacts/fifo.yaml
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" list --format tsv
    assert_failure 3
    [ "${#lines[@]}" = 13 ]
}

@test "a file holding one long flow list of quoted values reads in linear time (far inside the timeout)" {
    # 90,000 quoted tags on one line (0.9 MB): each value's check scanned the whole line, half a minute
    python3 -c 'print("name: Flow Person\ntags: [" + ", ".join("\"t%d\"" % i for i in range(90000)) + "]")' > contacts/flow-person.yaml
    run --separate-stderr timeout "$(time_bound 20)" "$KITH" export json
    assert_success
    [ "$(printf '%s' "$output" | python3 -c 'import json, sys; print([len(p["tags"]) for p in json.load(sys.stdin) if p["name"] == "Flow Person"])')" = "[90000]" ]
    # a quoted value that runs on over lines is still checked: one unindented line is refused
    printf 'name: Flow Person\ntags: ["one", "two\nthree"]\n' > contacts/flow-person.yaml
    run --separate-stderr kith check
    assert_failure 3
    assert_output --partial "contacts/flow-person.yaml:3:1: this line continues the quoted value of line 2; indent it"
}

@test "a bad kith.yaml is located" {
    printf 'default_tier: vip\n' > kith.yaml
    run --separate-stderr kith check
    assert_failure 3
    [[ "$stderr" == *"kith.yaml:1:15: unknown tier 'vip'"* ]]
}

@test "check reads a network in chunks: every problem in file order, every file counted" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    printf 'name: "broken\n' > "$big/contacts/person-100.yaml"
    printf 'name: [x\n' > "$big/contacts/person-99.yaml"
    run --separate-stderr kith -d "$big" check
    assert_failure 3
    assert_output "contacts/person-100.yaml:1:7: quoted value is never closed (a missing closing quote?)
contacts/person-99.yaml:1:7: this '[' is not closed: close it with ']' on its line (or, if it is text, quote the value: \"[...\")"
    [ "$stderr" = "checked 700 files: 2 with problems" ]
}
