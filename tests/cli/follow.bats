load helpers

@test "follow adds a follow-up that is due on its day" {
    run --separate-stderr kith follow mei friday "send the Q1 deck"
    assert_success
    [[ "$stderr" == *"follow up with Mei Chen on 2026-12-04 (in 6 days): send the Q1 deck"* ]]
    grep -qF '  - {due: 2026-12-04, what: send the Q1 deck}' contacts/mei-chen.yaml
    run -0 --separate-stderr kith due --today 2026-12-04 --format tsv
    assert_line --regexp $'^followup\tmei-chen\tMei Chen\tcore\t2026-12-04\t0\tsend the Q1 deck\t'
}

@test "done marks the only open follow-up, keeping the record (a one-line change)" {
    snapshot linus-okafor
    run --separate-stderr kith done linus
    assert_success
    run -0 changes linus-okafor
    assert_output $'<   - {due: 2026-11-20, what: send the renewal proposal}\n>   - {due: 2026-11-20, what: send the renewal proposal, done: 2026-11-28}'
    run -0 --separate-stderr kith due --format tsv
    refute_output --partial 'renewal'
}

@test "done with several open follow-ups needs TEXT; ambiguity is exit 2" {
    kith follow ada 1w "send the slides" 2>/dev/null
    snapshot ada-lovelace
    run --separate-stderr kith done ada
    assert_failure 2
    [[ "$stderr" == *"2 open follow-ups"* ]]
    run --separate-stderr kith done ada send
    assert_failure 2
    run --separate-stderr kith done ada slides
    assert_success
    run -0 changes ada-lovelace
    assert_line --partial '> '
    assert_line --partial 'send the slides, done: 2026-11-28}'
    [ "$(changes ada-lovelace | wc -l)" = 2 ]
}

@test "done with nothing open is exit 2" {
    run --separate-stderr kith done mei
    assert_failure 2
    [[ "$stderr" == *"no open follow-up"* ]]
}

@test "snooze keeps someone from being due before a day" {
    run --separate-stderr kith snooze linus 2w
    assert_success
    grep -qx 'snooze: 2026-12-12' contacts/linus-okafor.yaml
    run -0 --separate-stderr kith due --format tsv
    refute_output --regexp $'^contact\tlinus-okafor'
    run -0 --separate-stderr kith due --today 2026-12-12 --format tsv
    assert_output --regexp $'contact\tlinus-okafor\tLinus Okafor\tcore\t2026-12-12\t0'
}

@test "snooze replaces an existing snooze line, keeping its comment" {
    run --separate-stderr kith snooze taro 2027-01-10
    assert_success
    grep -qx 'snooze: 2027-01-10    # travelling until mid-December' contacts/山田-太郎.yaml
}

@test "follow and snooze refuse bad dates" {
    run kith follow mei someday "x"
    assert_failure 2
    run kith snooze mei never
    assert_failure 2
    run kith follow mei
    assert_failure 2
}

# Red team: one item to the editor, two to the reader; cancelling one must keep the other.
@test "done --cancel in a flow followups list over lines with a '- ...' line removes that one only" {
    printf 'name: Zed Test\nfollowups: [{due: 2026-12-01, what: call\n  - back}, {due: 2026-12-20, what: lunch}]\nnotes: kept\n' > contacts/zed.yaml
    snapshot zed
    run kith done zed --cancel call
    if [ "$status" -eq 0 ]; then
        run kith show zed
        assert_success
        assert_output --partial 'lunch'
    else
        refused_untouched zed
    fi
}

# Red team: block_at takes an indented comment line for the value's text, so the comment at the
# start of the line above it, which is about what follows, goes with the snooze.
@test "snooze --clear keeps a comment at the start of a line that an indented comment follows" {
    printf 'name: Zed Test\nsnooze: 2026-12-01\n# about the tags below\n  # (indented note)\ntags: [x]\n' > contacts/zed.yaml
    run kith snooze zed --clear
    assert_success
    grep -qxF '# about the tags below' contacts/zed.yaml
    ! grep -q snooze contacts/zed.yaml
}

# Red team: removing the line under a '|+' block scalar leaves the blank line after it to that
# scalar, which keeps its final blank lines: notes read "a\n\n" after, "a\n" before.
@test "snooze --clear keeps the text of a '|+' value above it" {
    printf 'name: Zed Test\nnotes: |+\n  a\nsnooze: 2026-12-01\n\ntags: [x]\n' > contacts/zed.yaml
    before=$(exported "Zed Test" notes)
    run kith snooze zed --clear
    assert_success
    assert_equal "$(exported "Zed Test" notes)" "$before"
}

# Red team 2: the indented comment under the snooze is kept, and once the snooze line is gone
# it follows the '|' notes above, whose text it would become; checked_edit then refuses the
# whole edit (exit 3, "without changing 'notes' too") although removing the snooze is well defined.
@test "snooze --clear removes a snooze with an indented comment under it, after a '|' text" {
    printf 'name: Zed Test\nnotes: |\n  Prefers mornings.\nsnooze: 2026-12-15\n  # travelling until mid-December\ntags: [x]\n' > contacts/zed.yaml
    before=$(exported "Zed Test" notes)
    run kith snooze zed --clear
    assert_success
    ! grep -q '^snooze' contacts/zed.yaml
    assert_equal "$(exported "Zed Test" notes)" "$before"
    run kith check
    assert_success
}
