# Issue 20, item 6: every command that prints for people fits a real 80-column terminal (a tmux
# pane), whatever the slugs, names and notes: a long slug, a long name, wide (CJK) characters
# and combining accents. Names give way last; wrapped text is wrapped, never cut with "…".
load helpers

setup_file() {
    command -v tmux >/dev/null || skip "tmux is not installed"
}

teardown() {
    local socket
    for socket in "$BATS_TEST_TMPDIR"/tmux-*.sock; do
        [ -S "$socket" ] && tmux -S "$socket" kill-server 2>/dev/null
    done
    true
}

# Adds the people that made the columns give way: each hard in its own way.
crowded_network() {
    kith add "Max Amadeus Mustermann geb. Musterfrau" --tier close --slug max-amadeus-mustermann-geb-musterfrau \
        --interest hardware --tag london >/dev/null 2>&1
    kith add "山田花子さんの長い名前のテスト用の人物です" --tier core --interest hardware >/dev/null 2>&1
    kith add $'Zoe\u0308 A\u030angstro\u0308m-A\u030akesson' --tier close --slug zoe-angstrom --interest poetry >/dev/null 2>&1
    printf '%s\n' 'name: José Nuñez-Ferreira de la Cruz y Montenegro Álvarez' 'tier: close' 'interests: [hardware]' \
        'followups:' '  - {due: 2026-11-01, what: send the long paper about analytical engines and the notes on Bernoulli numbers please}' \
        'notes: A very long note on the engines, the weather, the calculations of Bernoulli numbers and much more besides' \
        > "$NET/contacts/jose-nunez-ferreira-de-la-cruz-y-montenegro-alvarez.yaml"
    kith log max-amadeus-mustermann-geb-musterfrau -k call --date 2026-01-05 \
        -m "A long talk about engines, looms, punched cards and the analytical engine's many uses" >/dev/null 2>&1
}

# Runs "kith ARGS" in a fresh 80x50 tmux pane (a real terminal: kith reads its width from it)
# and sets $output to every line it printed, lines the terminal wrapped joined again.
in_pane() {
    # A fresh server for each pane: a new session on the socket of a server still shutting down
    # fails with "server exited unexpectedly".
    PANES=$(( ${PANES:-0} + 1 ))
    SOCKET="$BATS_TEST_TMPDIR/tmux-$PANES.sock"
    tmux -S "$SOCKET" new-session -d -x 80 -y 50 -c "$NET" \
        env -i HOME="$HOME" PATH=/usr/bin:/bin TERM=xterm-256color LC_ALL=C.UTF-8 KITH_TODAY=2026-11-28 NO_COLOR=1 \
        bash --norc --noprofile -c "'$KITH' $* 2>&1; echo __END__; exec sleep 60"
    local tries
    for tries in $(seq 400); do  # up to 20 s on a loaded machine; done as soon as kith ends
        tmux -S "$SOCKET" capture-pane -p -J -S - | grep -q '^__END__' && break
        sleep 0.05
    done
    output=$(tmux -S "$SOCKET" capture-pane -p -J -S - | sed '/^__END__/,$d')
}

# Fails, showing them, on lines wider than 80 display columns (wide characters count two,
# combining marks none) and on text cut with "…" (unless $1 is "cuts": where a slug or, last, a
# name gives way, or find's excerpts say with "…" where they leave their context).
fits_80() {
    run python3 -c '
import sys, unicodedata
def width(text):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)
for line in sys.stdin.read().split("\n"):
    if width(line) > 80:
        print("wider than 80 (%d): %s" % (width(line), line))
    if "…" in line and sys.argv[1] != "cuts":
        print("cut: %s" % line)' "${1:-}" <<< "$output"
    assert_success
    assert_output ""
}

@test "list, tier, find and show fit 80 columns in tmux; slugs give way before names" {
    crowded_network
    in_pane list
    local shown=$output
    fits_80 cuts
    [[ "$shown" == *"Ada Lovelace"* ]] || { echo "$shown"; false; }
    [[ "$shown" == *"Max Amadeus Mustermann"* ]] || { echo "$shown"; false; }
    [[ "$shown" == *"山田花子さん"* ]] || { echo "$shown"; false; }
    in_pane tier max-amadeus-mustermann-geb-musterfrau
    shown=$output
    fits_80 cuts  # the slug column gives way to the name
    [[ "$shown" == *"Max Amadeus Mustermann geb. Musterfrau"* ]] || { echo "$shown"; false; }
    in_pane find engines
    shown=$output
    fits_80 cuts
    [[ "$shown" == *"José Nuñez-Ferreira de la Cruz"* ]] || { echo "$shown"; false; }
    in_pane show jose-nunez-ferreira-de-la-cruz-y-montenegro-alvarez
    fits_80
    in_pane show zoe-angstrom
    shown=$output
    fits_80
    [[ "$shown" == *$'Zoe\u0308 A\u030angstro\u0308m-A\u030akesson (zoe-angstrom)'* ]] || { echo "$shown"; false; }
}

@test "due, stats and introduce --suggest fit 80 columns in tmux; their text is wrapped, not cut" {
    crowded_network
    in_pane due
    local shown=$output
    fits_80 cuts
    local words  # the text as words, wherever the lines broke
    words=$(tr -s ' \n' '  ' <<< "$shown")
    [[ "$words" == *"the notes on Bernoulli numbers please"* ]] || { echo "$shown"; false; }
    [[ "$words" == *"Quarterly review; unhappy with"* ]] || { echo "$shown"; false; }
    in_pane stats
    shown=$output
    fits_80
    [[ "$shown" == *"Max Amadeus Mustermann geb. Musterfrau"* ]] || { echo "$shown"; false; }
    in_pane introduce --suggest max-amadeus-mustermann-geb-musterfrau
    shown=$output
    fits_80 cuts  # a slug column gives way; the reasons are wrapped, whole
    ! grep -q '….*…' <<< "$shown" || { echo "$shown"; false; }
    ! grep -q '…$' <<< "$shown" || { echo "$shown"; false; }
    [[ "$shown" == *"both into hardware"* ]] || { echo "$shown"; false; }
}
