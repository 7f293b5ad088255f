load helpers

@test "on a terminal: colour, and tables fitted to its width by display width" {
    command -v script >/dev/null || skip "script is not installed"
    unset NO_COLOR
    run script -qec "stty cols 60; $KITH list" /dev/null
    assert_success
    assert_output --partial $'\e['
    while IFS= read -r line; do
        plain="$(printf '%s' "$line" | sed 's/\x1b\[[0-9;]*m//g; s/\r$//')"
        width="$(printf '%s' "$plain" | python3 -c 'import sys,unicodedata; t=sys.stdin.read(); print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t))')"
        [ "$width" -le 60 ] || { echo "too wide ($width): $plain"; false; }
    done <<< "$output"
    assert_output --partial "…"
}

@test "NO_COLOR on a terminal, and any pipe, mean no escape codes" {
    command -v script >/dev/null || skip "script is not installed"
    NO_COLOR=1 run script -qec "$KITH due" /dev/null
    refute_output --partial $'\e['
    unset NO_COLOR
    run -0 bash -c "$KITH due | cat"
    refute_output --partial $'\e['
}

@test "every command has --help with examples" {
    for command in $(kith __complete commands); do
        run kith "$command" --help
        assert_success
        [[ "$output" == *"Example"* ]] || { echo "no example in: kith $command --help"; false; }
    done
}

@test "a mistyped command gets a did-you-mean, exit 2" {
    run --separate-stderr kith shwo ada
    assert_failure 2
    [[ "$stderr" == *"'shwo' is not a kith command; did you mean 'show'?"* ]]
}

@test "--version" {
    run kith --version
    assert_success
    assert_output --regexp '^kith [0-9]+\.[0-9]+\.[0-9]+$'
}
