load store_helpers

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
    run -0 script -qec "$KITH edit ada" /dev/null <<< "y"
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

# An editor that writes a valid file: the title becomes "Fixed".
fixing_editor() {
    export EDITOR="$BATS_TEST_TMPDIR/fix.sh"
    printf '#!/bin/sh\nprintf "name: Ada Lovelace\\ntitle: Fixed\\n" > "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
}

# An editor that writes an invalid file.
breaking_editor() {
    export EDITOR="$BATS_TEST_TMPDIR/break.sh"
    printf '#!/bin/sh\nprintf "name: \\"Ada\\ntier: core\\n" > "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
}

@test "edit opens a file that does not parse, by file name or by slug" {
    printf 'name: "Ada\ntier: core\n' > contacts/ada.yaml
    fixing_editor
    run --separate-stderr kith edit contacts/ada.yaml </dev/null
    assert_success
    grep -qx 'title: Fixed' contacts/ada.yaml
    # By slug: 'ada' is the broken file, not a prefix of the readable ada-lovelace.
    printf 'name: Ada\ntier: cor\n' > contacts/ada.yaml
    run --separate-stderr kith edit ada </dev/null
    assert_success
    grep -qx 'title: Fixed' contacts/ada.yaml
    grep -qx 'title: Lead Analyst' contacts/ada-lovelace.yaml
    # By file name alone, and with ./ or the full path.
    printf 'name: [\n' > contacts/ada.yaml
    run --separate-stderr kith edit ada.yaml </dev/null
    assert_success
    printf 'name: [\n' > contacts/ada.yaml
    run --separate-stderr kith edit "$NET/contacts/ada.yaml" </dev/null
    assert_success
    grep -qx 'title: Fixed' contacts/ada.yaml
}

@test "edit of a file that does not parse keeps it when the edit is still broken" {
    printf 'name: "Broken\n' > contacts/broken.yaml
    cp contacts/broken.yaml "$BATS_TEST_TMPDIR/broken.before"
    breaking_editor
    run --separate-stderr kith edit broken </dev/null
    assert_failure 3
    cmp contacts/broken.yaml "$BATS_TEST_TMPDIR/broken.before"
    run --separate-stderr kith edit contacts/nothere.yaml </dev/null
    assert_failure 2
}

@test "the next edit never overwrites a rejected copy silently: it refuses and names it" {
    breaking_editor
    run --separate-stderr kith edit ada </dev/null
    assert_failure 3
    cp .kith/edit-ada-lovelace.yaml "$BATS_TEST_TMPDIR/kept"
    fixing_editor
    run --separate-stderr kith edit ada </dev/null
    assert_failure 2
    [[ "$stderr" == *".kith/edit-ada-lovelace.yaml"*"--resume"*"--discard"* ]] || { echo "$stderr"; false; }
    cmp .kith/edit-ada-lovelace.yaml "$BATS_TEST_TMPDIR/kept"
    grep -qx 'title: Lead Analyst' contacts/ada-lovelace.yaml
}

@test "edit --resume goes on with the kept copy; --discard starts over" {
    breaking_editor
    run --separate-stderr kith edit ada </dev/null
    assert_failure 3
    # The resumed editor sees the kept copy, not the file.
    export EDITOR="$BATS_TEST_TMPDIR/resume.sh"
    printf '#!/bin/sh\ngrep -q "^name: \\"Ada$" "$1" || exit 9\nprintf "name: Ada Lovelace\\ntitle: Resumed\\n" > "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada --resume </dev/null
    assert_success
    grep -qx 'title: Resumed' contacts/ada-lovelace.yaml
    [ ! -e .kith/edit-ada-lovelace.yaml ]
    run --separate-stderr kith edit ada --resume </dev/null
    assert_failure 2
    breaking_editor
    run --separate-stderr kith edit ada </dev/null
    assert_failure 3
    export EDITOR="$BATS_TEST_TMPDIR/fresh.sh"
    printf '#!/bin/sh\ngrep -q "^title: Resumed$" "$1" || exit 9\nsed -i s/Resumed/Fresh/ "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada --discard </dev/null
    assert_success
    grep -qx 'title: Fresh' contacts/ada-lovelace.yaml
}

@test "on a terminal, edit offers to resume a kept copy" {
    command -v script >/dev/null || skip "script is not installed"
    breaking_editor
    run --separate-stderr kith edit ada </dev/null
    assert_failure 3
    export EDITOR="$BATS_TEST_TMPDIR/resume.sh"
    printf '#!/bin/sh\ngrep -q "^name: \\"Ada$" "$1" || exit 9\nprintf "name: Ada Lovelace\\ntitle: Resumed\\n" > "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
    run -0 script -qec "$KITH edit ada" /dev/null <<< "y"
    assert_output --partial "resume editing it?"
    grep -qx 'title: Resumed' contacts/ada-lovelace.yaml
}

@test "edit decides under the lock: a file changed while the editor was open is left alone, the copy kept" {
    export EDITOR="$BATS_TEST_TMPDIR/race.sh"
    printf '#!/bin/sh\nsed -i s/Lead.Analyst/Mine/ "$1"\nsed -i s/Lead.Analyst/Theirs/ "%s"\n' \
        "$NET/contacts/ada-lovelace.yaml" > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada </dev/null
    assert_failure 4
    [[ "$stderr" == *"changed while you were editing"*".kith/edit-ada-lovelace.yaml"* ]] || { echo "$stderr"; false; }
    grep -qx 'title: Theirs' contacts/ada-lovelace.yaml
    grep -qx 'title: Mine' .kith/edit-ada-lovelace.yaml
}

@test "edit saves through the store's transaction: a failure at any step of its commit writes nothing, keeps the copy" {
    need_hooks
    export VISUAL="sed -i s/Lead\\ Analyst/Head\\ of\\ Analysis/"
    for step in locked temp-1 prepared apply-1; do
        snapshot ada-lovelace
        run --separate-stderr env KITH_TEST_FAIL_AT="$step" "$KITH" edit ada </dev/null
        assert_failure 4
        [[ "$stderr" == *"injected failure at step '$step'"* ]] || { echo "step $step: $stderr"; false; }
        [ -z "$(changes ada-lovelace)" ]
        [ -z "$(temps_left)" ]
        grep -qx 'title: Head of Analysis' .kith/edit-ada-lovelace.yaml
        [[ "$step" == locked ]] || [[ "$stderr" == *"your edited copy is kept in .kith/edit-ada-lovelace.yaml"* ]]
        EDITOR=true VISUAL= run --separate-stderr kith edit ada --resume </dev/null
        assert_success
        grep -qx 'title: Head of Analysis' contacts/ada-lovelace.yaml
        cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" contacts/
    done
}

@test "a SIGKILL at any step of edit's commit leaves the old file or the new one, and the copy until it is saved" {
    need_hooks
    export VISUAL="sed -i s/Lead\\ Analyst/Head\\ of\\ Analysis/"
    for step in locked temp-1 prepared intent apply-1 applied done; do
        cp "$KITH_EXAMPLES/contacts/ada-lovelace.yaml" contacts/
        run env KITH_TEST_CRASH_AT="$step" "$KITH" edit ada </dev/null
        [ "$status" -eq 137 ] || { echo "step $step: exit $status, not killed" >&2; false; }
        kith log grace -m "the next writer"
        [ -z "$(temps_left)" ]
        if grep -qx 'title: Lead Analyst' contacts/ada-lovelace.yaml; then
            EDITOR=true VISUAL= kith edit ada --resume </dev/null
        fi
        grep -qx 'title: Head of Analysis' contacts/ada-lovelace.yaml
        rm -f .kith/edit-ada-lovelace.yaml
    done
}

# Issue 18 item 7: Ctrl-C in the editor kept the copy; a later resume replaced the file with it,
# losing everything written in between.
interrupted_edit() {
    export EDITOR="$BATS_TEST_TMPDIR/interrupted.sh"
    printf '#!/bin/sh\nsed -i "%s" "$1"\nexit 130\n' "$1" > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada </dev/null
    assert_failure 4
    [ -e .kith/edit-ada-lovelace.yaml ]
}

@test "resuming a kept edit onto a file changed since merges the two: nothing written in between is lost" {
    interrupted_edit 's/^role: .*/role: Runs everything/'
    kith log ada -k call --date 2026-11-20 -m "first in between"
    kith log ada -k coffee --date 2026-11-21 -m "second in between"
    kith log ada -k video --date 2026-11-22 -m "third in between"
    kith follow ada 2026-12-20 "send the slides"
    kith tier ada core --cadence 3w
    sed -i 's/^title: .*/title: Head of Analysis/' contacts/ada-lovelace.yaml
    EDITOR=true run --separate-stderr kith edit ada --resume </dev/null
    assert_success
    [[ "$stderr" == *"changed since your edit was kept"*"merged"* ]] || { echo "$stderr"; false; }
    run -0 cat contacts/ada-lovelace.yaml
    assert_output --partial 'role: Runs everything'
    assert_output --partial 'first in between'
    assert_output --partial 'second in between'
    assert_output --partial 'third in between'
    assert_output --partial 'send the slides'
    assert_output --partial 'cadence: 3w'
    assert_output --partial 'title: Head of Analysis'
    [ ! -e .kith/edit-ada-lovelace.yaml ]
    [ ! -e .kith/edit-ada-lovelace.yaml.from ]
}

@test "resuming a kept edit that clashes with a change made since marks both in the copy, never overwrites" {
    interrupted_edit 's/^title: .*/title: Mine/'
    sed -i 's/^title: .*/title: Theirs/' contacts/ada-lovelace.yaml
    kith log ada -k call -m "in between"
    snapshot ada-lovelace
    EDITOR=true run --separate-stderr kith edit ada --resume </dev/null
    assert_failure 3
    [[ "$stderr" == *"is marked in .kith/edit-ada-lovelace.yaml"* ]] || { echo "$stderr"; false; }
    [ -z "$(changes ada-lovelace)" ]
    grep -qx 'title: Mine' .kith/edit-ada-lovelace.yaml
    grep -qx 'title: Theirs' .kith/edit-ada-lovelace.yaml
    grep -q 'in between' .kith/edit-ada-lovelace.yaml
    # resolved in the editor, it saves both sides' other changes
    export EDITOR="$BATS_TEST_TMPDIR/resolve.sh"
    printf '#!/bin/sh\nsed -i -e "/^[<=>]\\{7\\}/d" -e "/title: Theirs/d" "$1"\n' > "$EDITOR"
    chmod +x "$EDITOR"
    run --separate-stderr kith edit ada --resume </dev/null
    assert_success
    grep -qx 'title: Mine' contacts/ada-lovelace.yaml
    grep -q 'in between' contacts/ada-lovelace.yaml
}

@test "a kept copy that does not say what it was made from is refused, both named, when resumed" {
    mkdir -p .kith
    sed 's/^title: .*/title: Old copy/' contacts/ada-lovelace.yaml > .kith/edit-ada-lovelace.yaml
    snapshot ada-lovelace
    EDITOR=true run --separate-stderr kith edit ada --resume </dev/null
    assert_failure 2
    [[ "$stderr" == *".kith/edit-ada-lovelace.yaml does not say which version"*"contacts/ada-lovelace.yaml"* ]] || { echo "$stderr"; false; }
    [ -z "$(changes ada-lovelace)" ]
}

# Makes the network a git repository whose first commit brings, with 'git add -f', an edit copy
# (title: Forged) and the file it says it was made from, in .kith/ or in the folder $1 that a
# committed .kith link leads to.
repository_brings_copy() {
    command -v git >/dev/null || skip "git is not installed"
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    local dir="${1:-.kith}"
    mkdir -p "$dir"
    sed 's/^title: .*/title: Forged/' contacts/ada-lovelace.yaml > "$dir/edit-ada-lovelace.yaml"
    cp contacts/ada-lovelace.yaml "$dir/edit-ada-lovelace.yaml.from"
    [ "$dir" = .kith ] || ln -s "$dir" .kith
    git init -q . && git add -A && git add -f "$dir" && git commit -qm "a network to share"
    cp "$dir/edit-ada-lovelace.yaml" "$BATS_TEST_TMPDIR/copy.before"
    snapshot ada-lovelace
}

@test "an edit copy git tracks came with the repository: edit neither resumes nor replaces it, and names it" {
    repository_brings_copy
    for option in --resume --discard ""; do
        EDITOR=true run --separate-stderr kith edit ada $option </dev/null
        assert_failure 3
        [[ "$stderr" == *".kith/edit-ada-lovelace.yaml: an edit copy that git tracks"*"git rm --cached .kith/edit-ada-lovelace.yaml .kith/edit-ada-lovelace.yaml.from"* ]] ||
            { echo "$option: $stderr"; false; }
        [ -z "$(changes ada-lovelace)" ]
        cmp .kith/edit-ada-lovelace.yaml "$BATS_TEST_TMPDIR/copy.before"
    done
    git rm -q --cached .kith/edit-ada-lovelace.yaml .kith/edit-ada-lovelace.yaml.from
    rm .kith/edit-ada-lovelace.yaml .kith/edit-ada-lovelace.yaml.from
    fixing_editor
    run --separate-stderr kith edit ada </dev/null
    assert_success
    grep -qx 'title: Fixed' contacts/ada-lovelace.yaml
}

@test "an edit copy git tracks behind a .kith link the repository brings is refused all the same" {
    repository_brings_copy cache
    [ -L .kith ]
    EDITOR=true run --separate-stderr kith edit ada --resume </dev/null
    assert_failure 3
    [[ "$stderr" == *".kith/edit-ada-lovelace.yaml: an edit copy that git tracks"* ]] || { echo "$stderr"; false; }
    [ -z "$(changes ada-lovelace)" ]
    cmp cache/edit-ada-lovelace.yaml "$BATS_TEST_TMPDIR/copy.before"
}
