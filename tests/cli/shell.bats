# Completion never runs text from the network, and slugs are safe shell words (SPEC 3).
load helpers

# A network whose file names and tier names hold shell code that touches a marker file.
hostile_network() {
    MARK=pwned   # a relative name: a file name cannot hold '/'; it would land in the working folder
    cp contacts/ada-lovelace.yaml "contacts/\$(touch $MARK-slug).yaml"
    cp contacts/ada-lovelace.yaml "contacts/\`touch $MARK-tick\`.yaml"
    cp contacts/ada-lovelace.yaml "contacts/a;touch $MARK-semi.yaml"
    sed -i "s|^  - {name: loose, |  - {name: '\$(touch $MARK-tier)', cadence: 9d}\n  - {name: loose, |" kith.yaml
}

# Completes the words given as bash does (the last one being completed), one candidate a line.
bash_complete() {
    PATH="$(dirname "$KITH"):$PATH" bash -c '
        source "$KITH_SOURCE/completions/kith.bash"
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
        _kith
        printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}

no_marker() {
    local found
    found=$(ls "$NET" "$BATS_TEST_TMPDIR" "$HOME" | grep pwned || true)
    [ -z "$found" ] || { echo "completion ran code: $found"; false; }
}

@test "bash: TAB never runs a \$(...) or backquote from a slug or a tier" {
    hostile_network
    run -0 kith __complete names
    assert_output --partial "\$(touch $MARK-slug)"
    for line in "kith show " "kith log ada " "kith tier ada " "kith due --tier " "kith add x --introduced-by " \
                "kith introduce " "kith " "kith log ada -k "; do
        run bash_complete $line ""
        assert_success
        no_marker
    done
    run -0 bash_complete kith show ""
    # The hostile slugs are offered, quoted so that inserting them runs nothing either.
    assert_line '\$\(touch\ pwned-slug\)'
    assert_line "ada-lovelace"
    run -0 bash_complete kith tier ada ""
    assert_line "core"
    no_marker
    # Inserting a quoted candidate and running the line passes the slug as one plain word.
    run -0 bash_complete kith show '$'
    [ "${#lines[@]}" -eq 1 ]
    eval "set -- ${lines[0]}"
    [ "$1" = "\$(touch $MARK-slug)" ]
    no_marker
}

@test "bash: a prefix is matched literally, never as a glob" {
    run -0 bash_complete kith show '*'
    assert_output ""
    run -0 bash_complete kith show 'ada-love'
    assert_output "ada-lovelace"
}

@test "zsh: the names and tiers are data, never evaluated" {
    command -v zsh >/dev/null || skip "zsh is not installed"
    hostile_network
    run -0 env PATH="$(dirname "$KITH"):$PATH" zsh -fc "
        source $KITH_SOURCE/completions/_kith 2>/dev/null
        CURRENT=3; words=(kith show '')
        _describe() { print -rl -- \${(P)4} }
        _kith_names; _kith_tiers"
    no_marker
    # Offered written for the shell (compadd -Q; see tmux_completion.bats for what is inserted):
    # never a raw '$(' or space a shell would read.
    assert_line --partial 'touch\\ pwned-slug'
    assert_line --partial 'touch\\ pwned-tier'
    refute_output --partial '$(touch'
}

@test "fish: TAB never runs a slug or a tier" {
    command -v fish >/dev/null || skip "fish is not installed"
    hostile_network
    run env PATH="$(dirname "$KITH"):$PATH" fish -c "source $KITH_SOURCE/completions/kith.fish; complete -C 'kith show '; complete -C 'kith due --tier '"
    assert_success
    no_marker
    assert_output --partial "\$(touch $MARK-slug)"
}

@test "add --slug refuses what a shell or a glob would read, and writes nothing" {
    for slug in '$(touch x)' 'a`b`' "o'brien" 'say"hi' 'a b' 'a*' 'a?' 'a[1]' 'a{b}' 'a\b' 'hey!' 'a;b' \
                'a&b' 'a|b' 'a<b' 'a>b' '-rf' '.hidden' $'a\tb'; do
        run --separate-stderr kith add "Someone" --slug "$slug"
        assert_failure 2
        [[ "$stderr" == *"a slug cannot"* ]] || { echo "$slug: $stderr"; false; }
    done
    [ "$(ls contacts | wc -l)" = 12 ]
    run kith add "Someone" --slug someone-2
    assert_success
}
