load helpers

@test "log adds one line, in date order, and touches nothing else of a hand-written file" {
    snapshot ada-lovelace
    run --separate-stderr kith log ada -k coffee --date 2026-10-20 -m "Talked: engines, #2"
    assert_success
    [[ "$stderr" == *"logged coffee with Ada Lovelace on 2026-10-20; next due 2026-11-24 (4 days ago)"* ]]
    run -0 changes ada-lovelace
    assert_output '>   - {date: 2026-10-20, kind: coffee, note: "Talked: engines, #2"}'
    # It went between the two existing entries.
    run -0 grep -n 'date: 2026-1' contacts/ada-lovelace.yaml
    assert_line --index 0 --partial '2026-10-11'
    assert_line --index 1 --partial '2026-10-20'
    assert_line --index 2 --partial '2026-11-10'
    grep -q '^# Ada: my manager' contacts/ada-lovelace.yaml
}

@test "log with several people, a follow-up, and the new due day" {
    run --separate-stderr kith log ada grace -k meeting --date yesterday --follow-up 2w "send the notes"
    assert_success
    [[ "$stderr" == *"Ada Lovelace on 2026-11-27; next due 2026-12-11 (in 13 days); follow up 2026-12-12"* ]]
    [[ "$stderr" == *"Grace Hopper on 2026-11-27; next due 2026-12-27"* ]]
    grep -qF '  - {due: 2026-12-12, what: send the notes}' contacts/grace-hopper.yaml
    grep -qF '  - {date: 2026-11-27, kind: meeting}' contacts/grace-hopper.yaml
    # grace-hopper.yaml has no followups key: it is added before log, in canonical order.
    run -0 grep -n '^followups:\|^log:\|^nickname:' contacts/grace-hopper.yaml
    assert_output --regexp '^[0-9]+:followups:.*log:.*nickname:'
}

@test "log refuses a day after today, and an unknown NAME, without writing" {
    snapshot ada-lovelace
    run --separate-stderr kith log ada --date tomorrow
    assert_failure 2
    [[ "$stderr" == *"a plan is a follow-up"* ]]
    run --separate-stderr kith log ada nobody-at-all -k call
    assert_failure 2
    [ -z "$(changes ada-lovelace)" ]
}

@test "a person's log lands after a past --today's view (weekday names look back)" {
    run --separate-stderr kith log mei --date monday -k call
    assert_success
    grep -qF '{date: 2026-11-23, kind: call}' contacts/mei-chen.yaml
}

@test "an unknown kind is logged with a warning and a suggestion" {
    run --separate-stderr kith log mei -k lunh
    assert_success
    [[ "$stderr" == *"'lunh' is not one of kith's kinds (logged as written; it counts as contact); did you mean 'lunch'?"* ]]
}

@test "log never rewrites a file it cannot parse" {
    printf 'name: "Broken\ntier: core\nlog:\n  - {date: 2026-01-01}\n' > contacts/broken.yaml
    cp contacts/broken.yaml "$BATS_TEST_TMPDIR/broken.before"
    run --separate-stderr kith log contacts/broken.yaml
    [ "$status" -ne 0 ]
    cmp contacts/broken.yaml "$BATS_TEST_TMPDIR/broken.before"
}

@test "two writers at once lose nothing" {
    for i in 1 2 3 4 5 6 7 8; do kith log mei -k call -m "parallel $i" & done
    wait
    [ "$(grep -c 'parallel' contacts/mei-chen.yaml)" = 8 ]
    run kith check
    assert_success
}

@test "log without NAME is a usage error" {
    run kith log -k call
    assert_failure 2
}

@test "with git: {autocommit: true}, every write is committed with a clear message" {
    command -v git >/dev/null || skip "git is not installed"
    git init -q . && git -c user.name=t -c user.email=t@x add -A && git -c user.name=t -c user.email=t@x commit -qm start
    sed -i 's/autocommit: false/autocommit: true/' kith.yaml
    git -c user.name=t -c user.email=t@x commit -qam "autocommit on"
    export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@x GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@x
    run --separate-stderr kith log ada grace -k lunch
    assert_success
    run -0 git log -1 --format=%s
    assert_output "kith: log lunch with Ada Lovelace, Grace Hopper"
    run -0 git show --stat --format= HEAD
    assert_output --partial "contacts/ada-lovelace.yaml"
    assert_output --partial "contacts/grace-hopper.yaml"
    kith archive tom 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: archive Tom Becker"
    [ -z "$(git status --porcelain)" ]
}

# Red team: a quote in plain text ('say"hi') before a note's opening quote on its line hides the
# note's run-on lines from the editor, which then writes the new entry inside the note (the
# check after the edit catches it: exit 3 with no line or column, "kith's change would leave...").
@test "log after an entry whose note runs on, with a plain 'say\"hi' before it on its line, adds the entry" {
    printf 'name: Zed Test\nlog:\n  - {date: 2026-01-01, kind: say"hi, note: "multi\n    # last line"} # "\nnotes: kept\n' > contacts/zed.yaml
    snapshot zed
    run --separate-stderr kith log zed -m hello
    if [ "$status" -eq 0 ]; then
        run kith check
        assert_success
        run -0 kith show zed
        assert_output --partial 'multi # last line'
        assert_output --partial 'hello'
    else
        refused_untouched zed
        [[ "$stderr" =~ zed\.yaml:[0-9]+:[0-9]+: ]]
        [[ "$stderr" != *"would leave this file unreadable"* ]]
    fi
}

# Red team: Lines::insert refuses to write after a block scalar that ends the file without a
# final newline, but its error names no file, line or column: with several NAMEs the user cannot
# tell which file to fix ("kith: error: the file ends inside a block scalar ...").
@test "log refusing to write after a block scalar at the end of a file without a newline names the file and line" {
    printf 'name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: >-\n      multi' > contacts/zed.yaml
    snapshot zed
    run --separate-stderr kith log ada zed -m hello
    if [ "$status" -eq 0 ]; then
        run kith check
        assert_success
    else
        refused_untouched zed
        [[ "$stderr" =~ contacts/zed\.yaml:[0-9]+:[0-9]+: ]]
    fi
}

# Issue 18, item 25: a block scalar that ends the file without a final newline read without a
# final line break; kith used to refuse to write after it. It now adds the newline and strips it
# in the header ("|" -> "|-", "|+" -> "|-", "|2" -> "|2-", ">" -> ">-"), so the text reads the
# same, byte for byte, and the entry goes in.
@test "log after a block scalar that ends the file without a newline keeps its text exactly" {
    local header stripped
    for header in '|' '|+' '|2' '>' '>+' '|2+' '|+2'; do
        printf 'name: Zed Test\nnotes: %s\n  first line\n    indented\n  last, no newline' "$header" > contacts/zed.yaml
        before=$(exported "Zed Test" notes)
        run --separate-stderr kith log zed -m hello
        assert_success
        stripped=${header//+/}
        grep -qx "notes: ${stripped}-" contacts/zed.yaml || { echo "$header: $(cat contacts/zed.yaml)"; false; }
        [ "$(exported "Zed Test" notes)" = "$before" ] || { echo "$header: $(exported "Zed Test" notes) != $before"; false; }
        [ "$(exported "Zed Test" log 0 note)" = "'hello'" ]
        run kith check
        assert_success
    done
    # The same for any edit that appends after it: a follow-up, and a nested text in the log.
    printf 'name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: |\n      kept as it is' > contacts/zed.yaml
    run --separate-stderr kith follow zed 2w "send the paper"
    assert_success
    [ "$(exported "Zed Test" log 0 note)" = "'kept as it is'" ]
    [ "$(exported "Zed Test" followups 0 what)" = "'send the paper'" ]
}
