# Mistakes can be undone: the newest log entry, a follow-up, a snooze; days in the past warn.
load helpers

@test "log --undo removes the newest entry only, and nothing else" {
    snapshot linus-okafor
    kith log linus -k call -m "oops" 2>/dev/null
    run --separate-stderr kith log linus --undo
    assert_success
    assert_equal "$stderr" "removed Linus Okafor's newest log entry: 2026-11-28 call: oops"
    cmp contacts/linus-okafor.yaml "$BATS_TEST_TMPDIR/linus-okafor.before"
}

@test "log --undo takes the newest by day, not by place in the file" {
    kith log linus -k call --date 2026-11-27 -m zzlate 2>/dev/null
    kith log linus -k call --date 2026-08-01 -m early 2>/dev/null
    run --separate-stderr kith log linus --undo
    assert_success
    assert_equal "$stderr" "removed Linus Okafor's newest log entry: 2026-11-27 call: zzlate"
    grep -q early contacts/linus-okafor.yaml
    ! grep -q zzlate contacts/linus-okafor.yaml
}

@test "log --undo of the only entry leaves an empty, valid log" {
    printf 'name: Solo Person\nlog:\n  - {date: 2026-11-01, kind: call}\nnotes: kept\n' > contacts/solo.yaml
    run --separate-stderr kith log solo --undo
    assert_success
    assert_equal "$(cat contacts/solo.yaml)" $'name: Solo Person\nlog: []\nnotes: kept'
    run kith log solo --undo
    assert_failure 2
}

@test "a note that runs on over lines that look like a comment or an item is kept whole by log, --undo, --amend" {
    printf 'name: Quinn Q\nlog:\n  - date: 2026-10-01\n    kind: call\n    note: "then\n      # nothing"\n  - date: 2026-11-20\n    kind: call\n    note: "we spoke of\n      # hashtags, and\n      - lists"\nnotes: kept\n' > contacts/quinn.yaml
    kith log quinn -k lunch --date 2026-11-01 -m between 2>/dev/null
    # In date order: after every line of the first note, not inside it.
    run -0 grep -B1 'date: 2026-11-01' contacts/quinn.yaml
    assert_line --index 0 '      # nothing"'
    run kith check
    assert_success
    # The newest by day is the note of 2026-11-20: every line of it goes, and nothing else.
    run --separate-stderr kith log quinn --undo
    assert_success
    assert_equal "$stderr" "removed Quinn Q's newest log entry: 2026-11-20 call: we spoke of # hashtags, and - lists"
    assert_equal "$(tail -n 4 contacts/quinn.yaml)" $'    note: "then\n      # nothing"\n  - {date: 2026-11-01, kind: lunch, note: between}\nnotes: kept'
    # --amend rewrites the newest entry, here the one after the run-on note.
    run --separate-stderr kith log quinn --amend -k video
    assert_success
    grep -qF '  - {date: 2026-11-01, kind: video, note: between}' contacts/quinn.yaml
    run kith check
    assert_success
}

@test "log --amend corrects the newest entry, keeping what it does not say" {
    kith log linus -k call -m "tpyo" 2>/dev/null
    run --separate-stderr kith log linus --amend -m "typo fixed"
    assert_success
    assert_equal "$stderr" "corrected Linus Okafor's newest log entry: 2026-11-28 call: typo fixed"
    run -0 grep -c "date: 2026-11-28" contacts/linus-okafor.yaml
    assert_output 1
    grep -q '{date: 2026-11-28, kind: call, note: typo fixed}' contacts/linus-okafor.yaml
    run --separate-stderr kith log linus --amend --date yesterday -k video
    assert_success
    grep -q '{date: 2026-11-27, kind: video, note: typo fixed}' contacts/linus-okafor.yaml
}

@test "log --undo and --amend refuse what does not fit, writing nothing" {
    snapshot linus-okafor
    run kith log linus grace --undo
    assert_failure 2
    run kith log linus --undo -m x
    assert_failure 2
    run kith log linus --amend
    assert_failure 2
    run kith log linus --undo --amend -m x
    assert_failure 2
    run kith log linus --amend --date tomorrow
    assert_failure 2
    cmp contacts/linus-okafor.yaml "$BATS_TEST_TMPDIR/linus-okafor.before"
}

@test "done --cancel removes the follow-up, and due no longer shows it" {
    run -0 --separate-stderr kith due --format tsv
    assert_output --partial "send the renewal proposal"
    run --separate-stderr kith done linus renewal --cancel
    assert_success
    assert_equal "$stderr" "cancelled: send the renewal proposal (Linus Okafor)"
    ! grep -q renewal contacts/linus-okafor.yaml
    run kith check
    assert_success
    run -0 --separate-stderr kith due --format tsv
    refute_output --partial "send the renewal proposal"
    run kith done linus --cancel
    assert_failure 2
}

@test "snooze --clear removes the snooze with its comment line, nothing else" {
    snapshot 山田-太郎
    run --separate-stderr kith snooze 山田 --clear
    assert_success
    assert_equal "$stderr" "山田 太郎 is no longer snoozed"
    run -0 changes 山田-太郎
    assert_output "< snooze: 2026-12-15    # travelling until mid-December"
    run kith snooze 山田 --clear
    assert_failure 2
    run kith snooze 山田 2026-12-20 --clear
    assert_failure 2
    run kith snooze 山田
    assert_failure 2
}

@test "a follow-up or snooze day in the past is written, with a warning" {
    run --separate-stderr kith follow linus 2026-11-01 "call back"
    assert_success
    [[ "$stderr" == *"is in the past (27 days ago)"* ]]
    run --separate-stderr kith snooze linus 2026-01-01
    assert_success
    [[ "$stderr" == *"kith: warning: the snooze day 2026-01-01 is in the past"* ]]
    run --separate-stderr kith log grace --follow-up 2026-11-20 "ask again"
    assert_success
    [[ "$stderr" == *"kith: warning: the follow-up's day 2026-11-20 is in the past"* ]]
    run --separate-stderr kith follow linus friday "no warning"
    assert_success
    [[ "$stderr" != *"in the past"* ]]
}

# Red team: a flow list over lines whose text goes on with a line like '- b' has one item
# there to the editor and two to the reader; --undo must take one entry, or refuse.
@test "log --undo in a flow log over lines with a '- ...' line removes the newest entry only" {
    printf 'name: Zed Test\nlog: [{date: 2026-03-01, note: a\n  - b}, {date: 2026-01-01, note: c}]\nnotes: kept\n' > contacts/zed.yaml
    snapshot zed
    run kith log zed --undo
    if [ "$status" -eq 0 ]; then
        run kith show zed
        assert_success
        assert_output --partial '2026-01-01'   # the older entry is still there
        refute_output --partial 'a - b'
    else
        refused_untouched zed
    fi
}

@test "log --amend in a flow log over lines with a '- ...' line keeps the other entry" {
    printf 'name: Zed Test\nlog: [{date: 2026-03-01, note: a\n  - b}, {date: 2026-01-01, note: c}]\nnotes: kept\n' > contacts/zed.yaml
    snapshot zed
    run kith log zed --amend -k call
    if [ "$status" -eq 0 ]; then
        run kith show zed
        assert_success
        assert_output --partial '2026-01-01'
    else
        refused_untouched zed
    fi
}

# Red team: the blank line after the removed entry stays, and now follows the note of the entry
# before it, a '|+' block scalar that keeps its final blank lines: that note reads "a\n\n", not "a\n".
@test "log --undo keeps the text of a '|+' note of the entry before, whatever blank line follows" {
    printf 'name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: |+\n      a\n  - date: 2026-02-01\n    note: x\n\nnotes: end\n' > contacts/zed.yaml
    before=$(exported "Zed Test" log 0 note)
    run kith log zed --undo
    assert_success
    assert_equal "$(exported "Zed Test" log 0 note)" "$before"
}

# Red team 2: a comment indented deeper than the '>' note of the entry before follows the newest
# entry; once that entry's lines are gone the comment would become the note's text, so
# checked_edit refuses (exit 3, "cannot tell how 'log' is written here") a well-defined undo.
@test "log --undo and --amend of an entry with a deeper comment under it, after a '>' note" {
    printf 'name: Zed Test\nlog:\n  - date: 2026-10-11\n    note: >\n      folded\n  - date: 2026-11-10\n    kind: call\n        # asked about the paper\nnotes: end\n' > contacts/zed.yaml
    snapshot zed
    before=$(exported "Zed Test" log 0 note)
    run kith log zed --amend -k coffee
    assert_success
    assert_equal "$(exported "Zed Test" log 0 note)" "$before"
    cp "$BATS_TEST_TMPDIR/zed.before" contacts/zed.yaml
    run kith log zed --undo
    assert_success
    assert_equal "$(exported "Zed Test" log 0 note)" "$before"
    run -0 kith show zed
    refute_output --partial '2026-11-10'
}
