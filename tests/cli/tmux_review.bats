# Issue 20, item 2: `kith review` as a person uses it, in bash in a tmux pane: one card at a
# time, most overdue first, one key per action, each written (and committed) at once.
load helpers
load tmux_helpers

screen() { tmux -S "$SOCKET" capture-pane -p -J -S -; }

keys() { tmux -S "$SOCKET" send-keys "$@"; }

# Waits for review to ask for $1, then types $2 and Enter.
answer() { wait_for_screen "$1" && keys -l "$2" && keys Enter; }

# Starts bash in an 80x40 pane in the network, and runs `kith review ARGS` there.
start_review() {
    SOCKET="$BATS_TEST_TMPDIR/tmux.sock"
    mkdir -p "$BATS_TEST_TMPDIR/bin" && ln -sf "$KITH" "$BATS_TEST_TMPDIR/bin/kith"
    tmux -S "$SOCKET" new-session -d -x 80 -y 40 -c "$NET" \
        env -i HOME="$HOME" PATH="$BATS_TEST_TMPDIR/bin:/usr/bin:/bin" TERM=xterm-256color LC_ALL=C.UTF-8 \
        KITH_TODAY=2026-11-28 NO_COLOR=1 GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@x GIT_COMMITTER_NAME=T \
        GIT_COMMITTER_EMAIL=t@x GIT_CONFIG_NOSYSTEM=1 bash --norc --noprofile
    keys -l "PS1='\$ '; kith review $*; echo \"__EXIT \$?\""
    keys Enter
}

@test "review in tmux: most overdue first; log, snooze, undo, follow-up, next, quit with a summary" {
    sed -i 's/^git: {autocommit: false}/git: {autocommit: true}/' "$NET/kith.yaml"
    grep -q '^git: {autocommit: true}' "$NET/kith.yaml"
    git init -q "$NET" && git -C "$NET" add -A && git -C "$NET" -c user.name=T -c user.email=t@x commit -qm start
    start_review --limit 4
    wait_for_screen '^1 of 4 Sofia Rossi \(sofia-rossi\)'
    wait_for_screen 'get in touch: 273 days overdue'
    # l: a log entry, asking kind and note
    keys l
    answer 'kind' call
    answer 'note' "caught up on roles"
    wait_for_screen '^2 of 4 Tom Becker'
    grep -q '{date: 2026-11-28, kind: call, note: caught up on roles}' "$NET/contacts/sofia-rossi.yaml"
    # s: a snooze, then u takes it back
    keys s
    answer 'snooze until' 2w
    wait_for_screen '^3 of 4 Lena Fischer'
    grep -q '^snooze: 2026-12-12' "$NET/contacts/tom-becker.yaml"
    keys u
    wait_for_screen 'undone: Tom Becker: snoozed until 2026-12-12'
    ! grep -q '^snooze:' "$NET/contacts/tom-becker.yaml"
    # f: a follow-up; then space goes on without a change, and q ends with the summary
    keys f
    answer 'when' friday
    answer 'what' "send the internship page"
    wait_for_screen '^4 of 4 José Núñez'
    grep -q 'what: send the internship page' "$NET/contacts/lena-fischer.yaml"
    keys q
    wait_for_screen '^__EXIT 0'
    run -0 screen
    assert_output --partial "reviewed 4 of 4 people, 1 logged, 1 followed up, 1 snoozed, 1 undone"
    # every action was a commit of its own
    run git -C "$NET" log --format=%s
    assert_success
    assert_line "kith: review: Lena Fischer: follow up on 2026-12-04: send the internship page"
    assert_line "kith: review: undo Tom Becker: snoozed until 2026-12-12"
    assert_line "kith: review: Tom Becker: snoozed until 2026-12-12"
    assert_line "kith: review: Sofia Rossi: logged call on 2026-11-28"
    # nothing left uncommitted: the undo's commit followed kith's own commit of the same file
    run git -C "$NET" status --porcelain
    assert_success
    assert_output ""
}

@test "review in tmux: tier and archive, each one key; --tier narrows who comes" {
    start_review --tier loose
    wait_for_screen '^1 of 3 Sofia Rossi'
    keys t
    answer 'tier \(' close
    wait_for_screen '^2 of 3 Tom Becker'
    grep -q '^tier: close' "$NET/contacts/sofia-rossi.yaml"
    keys a
    wait_for_screen '^3 of 3 Lena Fischer'
    [ -f "$NET/archive/tom-becker.yaml" ] && [ ! -f "$NET/contacts/tom-becker.yaml" ]
    keys n
    wait_for_screen '^__EXIT 0'
    run -0 screen
    assert_output --partial "reviewed 3 of 3 people, 1 tiered, 1 archived"
}

@test "review off a terminal is a usage error that says what to use instead" {
    run --separate-stderr kith review < /dev/null
    assert_failure 2
    [[ "$stderr" == *"review asks one key per person and needs a terminal"* ]]
    [[ "$stderr" == *"kith due --format tsv"* ]]
}
