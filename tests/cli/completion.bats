load helpers

# Completes the words given, as bash would, and prints the candidates on one line.
bash_complete() {
    PATH="$(dirname "$KITH"):$PATH" bash -c '
        source "$KITH_SOURCE/completions/kith.bash"
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
        _kith
        echo "${COMPREPLY[*]}"' bash "$@"
}

@test "bash: 'kith log ad' completes to ada-lovelace, from the network itself" {
    run -0 bash_complete kith log ad
    assert_output "ada-lovelace"
    kith add "Adaline Quirk" 2>/dev/null
    run -0 bash_complete kith log ad
    assert_output "ada-lovelace adaline-quirk"
}

@test "bash: commands, options, tiers, formats, kinds, and --dir elsewhere" {
    run -0 bash_complete kith ""
    assert_output --partial "init add show list check log tier due"
    refute_output --partial "__complete"
    run -0 bash_complete kith tier ada c
    assert_output "core close"
    run -0 bash_complete kith due --format ""
    assert_output "text tsv json ics"
    run -0 bash_complete kith log ada -k lu
    assert_output "lunch"
    run -0 bash_complete kith due --ch
    assert_output "--check"
    cd "$BATS_TEST_TMPDIR"
    run -0 bash_complete kith --dir "$NET" show gr
    assert_output "grace-hopper"
    run -0 bash_complete kith show gr
    assert_output ""
}

@test "zsh loads _kith and registers it for kith" {
    command -v zsh >/dev/null || skip "zsh is not installed"
    run zsh -n "$KITH_SOURCE/completions/_kith"
    assert_success
    run zsh -fc "fpath=($KITH_SOURCE/completions \$fpath); autoload -Uz compinit; compinit -u -d $BATS_TEST_TMPDIR/zcomp; print -r -- \$_comps[kith]"
    assert_success
    assert_output "_kith"
}

@test "fish loads kith.fish and completes names" {
    command -v fish >/dev/null || skip "fish is not installed"
    run fish --no-execute "$KITH_SOURCE/completions/kith.fish"
    assert_success
    run env PATH="$(dirname "$KITH"):$PATH" fish -c "source $KITH_SOURCE/completions/kith.fish; complete -C 'kith log ad'"
    assert_success
    assert_output --partial "ada-lovelace"
}

@test "the man page renders and covers every command and exit code" {
    command -v man >/dev/null || skip "man is not installed"
    run env MANWIDTH=80 man -l "$KITH_SOURCE/doc/kith.1"
    assert_success
    for word in init add log tier due introduce show list find edit follow done snooze archive check \
                KITH_DIR KITH_TODAY NO_COLOR VISUAL "EXIT STATUS" "kith.yaml"; do
        [[ "$output" == *"$word"* ]] || { echo "missing: $word"; false; }
    done
    for command in $(kith __complete commands); do
        [[ "$output" == *"$command"* ]] || { echo "the man page misses: $command"; false; }
    done
}

@test "make install puts the binary, man page and completions where they are looked for" {
    run cmake --install "$KITH_BUILD" --prefix "$BATS_TEST_TMPDIR/prefix"
    assert_success
    [ -x "$BATS_TEST_TMPDIR/prefix/bin/kith" ]
    [ -f "$BATS_TEST_TMPDIR/prefix/share/man/man1/kith.1" ]
    [ -f "$BATS_TEST_TMPDIR/prefix/share/bash-completion/completions/kith" ]
    [ -f "$BATS_TEST_TMPDIR/prefix/share/zsh/site-functions/_kith" ]
    [ -f "$BATS_TEST_TMPDIR/prefix/share/fish/vendor_completions.d/kith.fish" ]
}
