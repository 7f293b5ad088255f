# Completion as a person meets it: a real interactive bash, zsh and fish in tmux, a TAB
# sent, the screen read back. Each shell starts from a scrubbed environment in a fixed
# 120x40 window; every wait polls the screen, none sleeps a fixed time.
load helpers

setup_file() {
    command -v tmux >/dev/null || skip "tmux is not installed"
}

teardown() {
    [ -n "${SOCKET:-}" ] && tmux -S "$SOCKET" kill-server 2>/dev/null || true
}

# Starts the shell named in a tmux window, its completion for kith loaded, prompt '$ '.
start_shell() {
    SOCKET="$BATS_TEST_TMPDIR/tmux.sock"
    local bin; bin="$BATS_TEST_TMPDIR/bin"
    mkdir -p "$bin" && ln -sf "$KITH" "$bin/kith"
    local env=(env -i HOME="$HOME" PATH="$bin:/usr/bin:/bin" TERM=xterm-256color LC_ALL=C.UTF-8
               KITH_TODAY=2026-11-28 NO_COLOR=1 fish_greeting= SHELL=/bin/false)
    local setup
    case "$1" in
        bash) tmux -S "$SOCKET" new-session -d -x 120 -y 40 -c "$NET" "${env[@]}" bash --norc --noprofile
              setup="PS1='\$ '; bind 'set show-all-if-ambiguous on'; bind 'set completion-query-items 0'; source '$KITH_SOURCE/completions/kith.bash'" ;;
        zsh) tmux -S "$SOCKET" new-session -d -x 120 -y 40 -c "$NET" "${env[@]}" zsh -f
             setup="PS1='\$ '; fpath=('$KITH_SOURCE/completions' \$fpath); autoload -Uz compinit; compinit -u -d '$BATS_TEST_TMPDIR/zcd'; unsetopt list_ambiguous; LISTMAX=0" ;;
        fish) tmux -S "$SOCKET" new-session -d -x 120 -y 40 -c "$NET" "${env[@]}" fish --no-config
              setup="function fish_prompt; echo '\$ '; end; source '$KITH_SOURCE/completions/kith.fish'" ;;
    esac
    tmux -S "$SOCKET" send-keys -l "$setup"
    tmux -S "$SOCKET" send-keys Enter
    tmux -S "$SOCKET" send-keys C-l
    wait_for_screen '^\$ *$'
}

screen() { tmux -S "$SOCKET" capture-pane -p; }

# Polls the screen (up to 5 s) until a line matches the extended regex.
wait_for_screen() {
    local tries
    for tries in $(seq 100); do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.05
    done
    echo "waited for /$1/ on the screen:"; screen; return 1
}

# Waits until two looks at the screen agree: the shell has finished drawing.
settle() {
    local before after tries
    before=$(screen)
    for tries in $(seq 40); do
        sleep 0.05
        after=$(screen)
        [ "$after" = "$before" ] && return 0
        before=$after
    done
}

# Types a line, presses TAB, waits for the regex, and keeps the screen in $output.
tab() {
    tmux -S "$SOCKET" send-keys C-e C-u C-l
    wait_for_screen '^\$ *$'
    tmux -S "$SOCKET" send-keys -l "$1"
    tmux -S "$SOCKET" send-keys Tab
    wait_for_screen "$2"
    settle
    output=$(screen)
}

other_network() {
    OTHER="$BATS_TEST_TMPDIR/other"
    copy_examples "$OTHER"
    kith --dir "$OTHER" add "Zora Neale Hurston" >/dev/null 2>&1
}

# The checks every shell passes; $1 is the shell.
completes_everything() {
    other_network
    start_shell "$1"
    tab "kith sta" 'kith stats'
    tab "kith log " 'grace-hopper'
    assert_output --partial "ada-lovelace"
    tab "kith tier ada " 'core'
    assert_output --partial "close"
    refute_output --partial "grace-hopper"
    tab "kith due --format " 'ics'
    assert_output --partial "tsv"
    tab "kith list --tier " 'loose'
    assert_output --partial "core"
    tab "kith --dir $OTHER log zo" 'zora-neale-hurston'
    tab "kith log --dir $OTHER zo" 'zora-neale-hurston'
    tab "kith show gr" 'kith show grace-hopper'
    tab "kith log ada -k lu" 'lunch'
}

@test "bash in tmux: commands, people, tiers, formats, --dir elsewhere" {
    completes_everything bash
}

@test "zsh in tmux: commands, people with their names, tiers, formats, --dir elsewhere" {
    completes_everything zsh
    tab "kith show " 'Grace Hopper'
    assert_output --partial "Ada Lovelace"
}

@test "fish in tmux: commands, people with their names, tiers, formats, --dir elsewhere" {
    completes_everything fish
    tab "kith show " 'Grace Hopper'
    tab "kith tier ada " 'core'
    refute_output --partial "grace-hopper"
}
