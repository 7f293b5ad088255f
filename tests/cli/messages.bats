# Messages a person understands: kith's own words, never CLI11's, with "did you mean" and
# a pointer at the command's help.
load helpers

@test "a missing argument is said in kith's words and points at the command's help" {
    run kith log
    assert_failure 2
    assert_output "kith: error: missing NAME (see 'kith log --help')"
    run kith log ada --follow-up 2w
    assert_failure 2
    assert_output --partial "--follow-up needs WHEN WHAT"
    refute_output --partial "required"
    refute_output --partial "TEXT"
    run kith show ada grace
    assert_failure 2
    assert_output "kith: error: one word too many: 'grace' (see 'kith show --help')"
}

@test "help names values by what they are, never by CLI11's types, and fits 80 columns" {
    local cmd
    for cmd in "" $(kith __complete commands); do
        run kith $cmd --help
        assert_success
        refute_output --regexp '--?[a-z-]+ (TEXT|UINT|INT|FLOAT)( |:|$)|REQUIRED|NONNEGATIVE|:\{|Excludes|Needs'
        run -0 awk 'length($0) > 80' <<< "$output"
        assert_output ""
    done
    run -0 kith due --help
    assert_output --regexp '--limit N +At most'
    assert_output --partial "--format text|tsv|json|ics"
    assert_output --partial "--tier TIER ..."
}

@test "help wraps to the terminal's width" {
    command -v script >/dev/null || skip "script is not installed"
    run script -qec "stty cols 60; '$KITH' log --help" /dev/null
    assert_success
    assert_output --partial "--kind KIND"
    run -0 awk '{ sub(/\r$/, "") } length($0) > 60' <<< "$output"
    assert_output ""
}

# Issue 20, item 10: at any width from 60 to 200, a line of help breaks only where the next word
# would not fit: prose at the margin and an option's description alike (the description's
# lines all start at its column), and no line is wider than the width.
@test "help never breaks mid-sentence at any width from 60 to 200" {
    local cmd width widths="60 63 71 80 97 118 143 171 200"
    # Under the sanitizers, whose cost is per run, three widths take help through the same code.
    [ "${KITH_SANITIZED:-0}" = 1 ] && widths="60 97 200"
    mkdir "$BATS_TEST_TMPDIR/help"
    for width in $widths; do
        for cmd in "" $(kith __complete commands); do
            COLUMNS=$width "$KITH" $cmd --help > "$BATS_TEST_TMPDIR/help/$width kith $cmd" ||
                { echo "kith $cmd --help failed"; false; }
        done
    done
    run python3 - "$BATS_TEST_TMPDIR/help" <<'PY'
import os, re, sys
def prose(line):
    return bool(line) and not line.startswith(" ") and not line.startswith("Usage:") and not re.fullmatch(r"\S+:", line)
for name in sorted(os.listdir(sys.argv[1])):
    width, what = int(name.split(" ")[0]), name.split(" ", 1)[1] + " --help"
    lines = open(os.path.join(sys.argv[1], name), encoding="utf-8").read().split("\n")
    options = False  # in a list of options, positionals or commands (not in the footer's examples)
    for i, line in enumerate(lines):
        if re.fullmatch(r"(Options|Positionals|Subcommands):", line):
            options = True
        elif line and not line.startswith(" "):
            options = False
        if len(line) > width:
            print(f"{what} at {width}: line {i + 1} is {len(line)} wide: {line!r}")
        if i + 1 >= len(lines):
            continue
        after = lines[i + 1]
        # Prose that goes on to the next line although its next word fits here.
        if prose(line) and prose(after) and not line.endswith(".") and len(line) + 1 + len(after.split(" ")[0]) <= width:
            print(f"{what} at {width}: prose broken early at line {i + 1}: {line!r} / {after!r}")
        # An option's description that goes on to the next line: at its column, and only when needed.
        if options and re.match(r"  \S", line) and len(line) > 28 and after.startswith("   "):
            if not re.match(r" {28}\S", after):
                print(f"{what} at {width}: a description goes on at the wrong column, line {i + 2}: {after!r}")
            elif len(line) + 1 + len(after.split()[0]) <= width:
                print(f"{what} at {width}: a description broken early at line {i + 1}: {line!r} / {after!r}")
PY
    assert_success
    assert_output ""
}

@test "a mistyped option, command, kind or name gets 'did you mean'" {
    run kith due --limt 3
    assert_failure 2
    assert_output "kith: error: unknown option '--limt'; did you mean '--limit'? (see 'kith due --help')"
    run -2 kith list --fromat json
    assert_output --partial "did you mean '--format'?"
    run -2 kith shwo ada
    assert_output --partial "did you mean 'show'?"
    run -2 kith show grase
    assert_output --partial "did you mean 'grace-hopper'?"
    run -0 kith log ada -k cell
    assert_output --partial "did you mean 'call'?"
    run kith due --format jsno
    assert_failure 2
    assert_output --partial "'jsno' is not one of text, tsv, json, ics; did you mean 'json'?"
}

@test "an unknown global option is named itself, not blamed on the next word" {
    run kith --dirr "$NET" due
    assert_failure 2
    assert_output "kith: error: unknown option '--dirr'; did you mean '--dir'? (see 'kith --help')"
    run -2 kith --colour never due
    assert_output --partial "did you mean '--color'?"
    run kith --dir "$NET" --color=never due
    assert_success
    run kith -d"$NET" due
    assert_success
    # A one-letter option is too short to guess from.
    run -2 kith -x due
    assert_output "kith: error: unknown option '-x' (see 'kith --help')"
}

@test "a negative or huge count is refused in a short message, everywhere" {
    local line
    for line in "due --limit" "introduce --suggest --limit" "stats --top" "stats --months" "report --top" \
                "report --months"; do
        for value in -1 abc 1e3 99999999999999999999999; do
            run kith $line "$value"
            assert_failure 2
            assert_output --partial "'$value' is not a whole number"
            [ "${#output}" -lt 160 ]
        done
    done
    run kith due --limit 0
    assert_success
}

@test "introduce's help and the formats it accepts agree" {
    run -0 kith introduce --help
    assert_output --regexp "tsv only with[[:space:]]+--suggest"
    run kith introduce ada grace --dry-run --format tsv
    assert_failure 2
    assert_output --partial "--format tsv is for --suggest"
    run kith introduce --suggest --format tsv
    assert_success
    run kith introduce ada grace --dry-run --format json
    assert_success
}
