load helpers

@test "an editor that breaks the file leaves the original intact, exit 3, copy kept" {
    snapshot ada-lovelace
    export EDITOR="$BATS_TEST_TMPDIR/break.sh"
    printf '#!/bin/sh\nprintf "name: \\"Ada\\ntier: core\\n" > "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada </dev/null
    assert_failure 3
    [[ "$stderr" == *"contacts/ada-lovelace.yaml:1:7: quoted value is never closed"* ]]
    [[ "$stderr" == *"is unchanged; your edited copy is kept in .kith/edit-ada-lovelace.yaml"* ]]
    [ -z "$(changes ada-lovelace)" ]
    ! ls contacts | grep -v '\.yaml$'
}

@test "an editor that makes a valid change saves it" {
    export VISUAL="sed -i s/Lead\\ Analyst/Head\\ of\\ Analysis/"
    run --separate-stderr kith edit ada
    assert_success
    grep -qx 'title: Head of Analysis' contacts/ada-lovelace.yaml
    [ ! -e .kith/edit-ada-lovelace.yaml ]
}

@test "an editor that changes nothing writes nothing" {
    snapshot ada-lovelace
    export EDITOR=true
    run --separate-stderr kith edit ada
    assert_success
    [[ "$stderr" == *"no change"* ]]
    [ -z "$(changes ada-lovelace)" ]
}

@test "a failing editor leaves the file alone (exit 4)" {
    snapshot ada-lovelace
    export EDITOR=false
    run --separate-stderr kith edit ada
    assert_failure 4
    [ -z "$(changes ada-lovelace)" ]
}

@test "on a terminal, an invalid edit can be reopened and fixed" {
    command -v script >/dev/null || skip "script is not installed"
    export EDITOR="$BATS_TEST_TMPDIR/twice.sh"
    # First round breaks the file, the second repairs it.
    cat > "$EDITOR" <<SH
#!/bin/sh
if [ -e "$BATS_TEST_TMPDIR/broke" ]; then sed -i 's/^tier: cor$/tier: close/' "\$1"
else sed -i 's/^tier: core$/tier: cor/' "\$1"; touch "$BATS_TEST_TMPDIR/broke"; fi
SH
    chmod +x "$EDITOR"
    # script gives kith a terminal; the answer to its question comes through it.
    run script -qec "$KITH edit ada" /dev/null <<< "y"
    assert_output --partial "unknown tier 'cor'"
    assert_output --partial "reopen the file to fix it?"
    grep -qx 'tier: close' contacts/ada-lovelace.yaml
}

@test "edit without NAME, or an unknown NAME, is exit 2" {
    run kith edit
    assert_failure 2
    run kith edit nobody-at-all
    assert_failure 2
}
