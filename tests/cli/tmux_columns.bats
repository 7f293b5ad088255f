# Issue 20, item 6: every command that prints for people fits a real 80-column terminal (a tmux
# pane), whatever the slugs, names and notes: a long slug, a long name, wide (CJK) characters
# and combining accents. Names give way last; wrapped text is wrapped, never cut with "…".
load helpers
load tmux_helpers

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
in_pane() { in_pane_each "$*"; }

# Runs kith with each argument as its arguments (`in_pane_each "list" "due --within 7d"`), one
# after the other in one fresh pane, and sets $output to all they printed, as in_pane does.
in_pane_each() {
    local script="" command
    for command in "$@"; do script+="'$KITH' $command 2>&1; "; done
    # A fresh server for each pane: a new session on the socket of a server still shutting down
    # fails with "server exited unexpectedly".
    PANES=$(( ${PANES:-0} + 1 ))
    SOCKET="$BATS_TEST_TMPDIR/tmux-$PANES.sock"
    tmux -S "$SOCKET" new-session -d -x 80 -y 50 -c "$NET" \
        env -i HOME="$HOME" PATH=/usr/bin:/bin TERM=xterm-256color LC_ALL=C.UTF-8 KITH_TODAY=2026-11-28 NO_COLOR=1 \
        bash --norc --noprofile -c "$script echo __END__; exec sleep 60"
    local tries
    for tries in $(seq 400); do  # up to 20 s on a loaded machine; done as soon as kith ends
        tmux -S "$SOCKET" capture-pane -p -J -S - | grep -q '^__END__' && break
        sleep 0.05
    done
    output=$(tmux -S "$SOCKET" capture-pane -p -J -S - | sed '/^__END__/,$d')
}

# Fails, showing $shown, unless it holds the text $1 whole, wherever its lines broke (blanks and
# line breaks aside: a word wider than a line is broken over lines, never cut).
has_whole() {
    [[ "$(tr -d ' \n' <<< "$shown")" == *"$(tr -d ' ' <<< "$1")"* ]] || { echo "lacks: $1"; echo "$shown"; false; }
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
    fits_80 cuts  # both slug columns give way; the reasons are wrapped, whole
    ! grep -q '^ .*…' <<< "$shown" || { echo "$shown"; false; }  # no reasons' line is cut
    has_whole "Ada Lovelace wants 'Learn how hardware teams plan': Max Amadeus Mustermann geb. Musterfrau has hardware"
    # both slugs of a pair narrowed alike, neither to a stub
    local row
    row=$(grep '^max-amadeus' <<< "$shown" | grep '山田花子' | head -1)
    [[ "$row" == "max-amadeus-mustermann-geb-muster"* ]] || { echo "$shown"; false; }
}

# Adds people longer in every way than crowded_network's: a slug of 80 bytes, a name of 80
# letters, an address and an org wider than a line, a CJK name and a CJK follow-up of no blank,
# notes and a log note of long words.
longer_network() {
    local long=wolfgang-maximilian-friedrich-von-hohenzollern-sigmaringen-und-wurttemberg-teck
    kith add "Wolfgang Maximilian Friedrich von Hohenzollern-Sigmaringen und Württemberg-Teck" --slug $long \
        --tier close --interest hardware --tag london --org "Eberhard Karls Universität Tübingen, Mathematisch-Naturwissenschaftliche Fakultät" \
        --email wolfgang.maximilian.friedrich.von.hohenzollern-sigmaringen@universitaet-tuebingen.example.de >/dev/null 2>&1
    kith add "東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社代表取締役社長" --tier core \
        --interest hardware --email tokyo@example.jp >/dev/null 2>&1
    kith add $'Ame\u0301lie\u0300 Poulain-Dupont-de-la-Bruye\u0300re-Saint-Germain-des-Pre\u0301s' --slug amelie-poulain \
        --tier close --interest poetry --email amelie@example.org >/dev/null 2>&1
    kith follow $long 2026-11-20 "Ask about the Entscheidungsproblem-Lösungsvorschlag-Zusammenfassungsdokumentation and the rest of it" >/dev/null 2>&1
    kith follow 東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社代表取締役社長 2026-11-21 \
        "東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社代表取締役社長に連絡する" >/dev/null 2>&1
    kith log $long -k call --date 2026-01-05 \
        -m "Talked for hours about Hilbert's programme and a Donaudampfschifffahrtsgesellschaftskapitänswitwe" >/dev/null 2>&1
    printf 'notes: %s\n' "Ein sehr langer Hinweis über die Grundlagen der Mathematik, die Axiomatik und Hilberts Programm" >> "$NET/contacts/$long.yaml"
    echo $long
}

@test "with longer slugs, names, addresses and notes every command still fits 80 columns; only slugs and names give way" {
    crowded_network
    local long shown
    long=$(longer_network)
    [ -f "$NET/contacts/$long.yaml" ]
    in_pane_each "list" "tier $long" "find Grundlagen" "due" "stats" "introduce --suggest $long" "email a"
    shown=$output
    fits_80 cuts
    # no wrapped text (indented four or more) is cut: only slugs and names, and find's excerpt says where it starts
    ! grep '^    ' <<< "$shown" | grep -v '^ *…' | grep -q '…' || { echo "$shown"; false; }
    has_whole "Ask about the Entscheidungsproblem-Lösungsvorschlag-Zusammenfassungsdokumentation and the rest of it"
    has_whole "東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社代表取締役社長に連絡する"
    has_whole "Talked for hours about Hilbert's programme and a Donaudampfschifffahrtsgesellschaftskapitänswitwe"
    has_whole "Wolfgang Maximilian Friedrich von Hohenzollern-Sigmaringen und Württemberg-Teck has hardware"
    has_whole "wolfgang.maximilian.friedrich.von.hohenzollern-sigmaringen@universitaet-tuebingen.example.de"
    has_whole "Eberhard Karls Universität Tübingen, Mathematisch-Naturwissenschaftliche Fakultät"
    in_pane_each "show $long" "show amelie-poulain"
    shown=$output
    fits_80
    has_whole "wolfgang.maximilian.friedrich.von.hohenzollern-sigmaringen@universitaet-tuebingen.example.de"
    has_whole "Ein sehr langer Hinweis über die Grundlagen der Mathematik, die Axiomatik und Hilberts Programm"
    has_whole $'Ame\u0301lie\u0300 Poulain-Dupont-de-la-Bruye\u0300re-Saint-Germain-des-Pre\u0301s'
}

@test "check and email fit 80 columns in tmux: problems and answers wrapped, never cut" {
    crowded_network
    longer_network >/dev/null
    printf 'name: Zoë\ntier: %s\n' $'sehr-enge-freundinnen-und-freunde-aus-der-schulzeit-in-Zu\u0308rich' \
        > "$NET/contacts/zoe-$(printf 'a%.0s' $(seq 70)).yaml"
    printf 'name: 東京\ntier: %s\n' "東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社" > "$NET/contacts/東京-bad.yaml"
    printf 'name: [unclosed\n' > "$NET/contacts/max-amadeus-mustermann-geb-musterfrau-der-zweite.yaml"
    in_pane check
    local shown=$output
    fits_80
    has_whole "contacts/zoe-$(printf 'a%.0s' $(seq 70)).yaml:2:7: unknown tier 'sehr-enge-freundinnen-und-freunde-aus-der-schulzeit-in-Zu"
    has_whole "東京都千代田区丸の内一丁目九番二号グラントウキョウサウスタワー株式会社' (tiers: core, close, loose)"
    has_whole "contacts/max-amadeus-mustermann-geb-musterfrau-der-zweite.yaml:1:7: this '[' is not closed"
    grep -q '^contacts/東京-bad.yaml:2:7: ' <<< "$shown" || { echo "$shown"; false; }  # the place starts its line
    grep -q '^checked .* files: 3 with problems$' <<< "$shown" || { echo "$shown"; false; }
    in_pane_each "email wolfgang" "email amelie" "email 東京"
    shown=$output
    fits_80 cuts  # a name beside a short address may give way; an address never
    has_whole "wolfgang.maximilian.friedrich.von.hohenzollern-sigmaringen@universitaet-tuebingen.example.de"
    has_whole "Mathematisch-Naturwissenschaftliche Fakultät"
    has_whole "amelie@example.org"
    has_whole "tokyo@example.jp"
}
