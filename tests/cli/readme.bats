# The README is true: its tour runs, top to bottom, exactly as written.
load helpers

# Prints the code block that follows the "<!-- tour" marker in README.md.
tour() {
    awk '/^<!-- tour/ {marked = 1; next} marked && /^```sh$/ {inside = 1; next}
         inside && /^```$/ {exit} inside {print}' "$KITH_SOURCE/README.md"
}

setup_file() {
    : "${KITH_SOURCE:?set KITH_SOURCE to the source tree}"
}

@test "the README's tour block is found" {
    run tour
    assert_success
    assert_line --partial 'kith init ~/network --git'
    assert_line --partial 'kith report -o ~/network.html'
}

@test "the README's tour runs top to bottom in a fresh home" {
    mkdir -p "$HOME/bin"
    ln -s "$KITH" "$HOME/bin/kith"
    export PATH="$HOME/bin:/usr/bin:/bin"
    git config --global user.name "Sam Reader"
    git config --global user.email "sam@example.org"
    git config --global init.defaultBranch main
    export VISUAL=true
    cd "$HOME"
    tour > "$BATS_TEST_TMPDIR/tour.sh"
    run bash -e -o pipefail "$BATS_TEST_TMPDIR/tour.sh"
    assert_success
    [ -f "$HOME/network/contacts/ada-lovelace.yaml" ]
    [ -f "$HOME/network/contacts/tom-becker.yaml" ]
    [ -s "$HOME/network.html" ]
    grep -q 'name: Sam Reader' "$HOME/network/kith.yaml"
}

# Prints the first line of the code block after the "<!-- NAME" marker that is not a comment.
block_after() {
    awk -v marker="<!-- $1" 'index($0, marker) == 1 {marked = 1; next} marked && /^```/ && !inside {inside = 1; next}
         inside && /^```$/ {exit} inside {print}' "$KITH_SOURCE/README.md"
}

@test "the cron line runs as cron runs it, from an install into ~/.local" {
    cmake --install "$KITH_BUILD" --prefix "$HOME/.local" --strip >/dev/null
    [ -x "$HOME/.local/bin/kith" ]
    ! file "$HOME/.local/bin/kith" | grep -q 'not stripped'
    line=$(block_after cron | grep -v '^#' | head -1)
    command=$(printf '%s\n' "$line" | cut -d' ' -f6-)
    [ -n "$command" ]
    copy_examples "$HOME/network"
    # cron: /bin/sh, HOME, a PATH of /usr/bin:/bin, and nothing else.
    run env -i HOME="$HOME" PATH=/usr/bin:/bin KITH_TODAY=2026-11-28 /bin/sh -c "$command"
    assert_success
    assert_line --partial "Get in touch"
    # nothing due: nothing at all on stdout, so cron mails nothing
    rm -rf "$HOME/network"/contacts/* "$HOME/network/archive"
    run env -i HOME="$HOME" PATH=/usr/bin:/bin KITH_TODAY=2026-11-28 /bin/sh -c "$command"
    assert_success
    assert_output ""
}

# Runs the mail client's line after the "<!-- $1" marker as the client does (its QUERY put for
# %s, run by /bin/sh) from a folder outside the network, as mutt and aerc are started anywhere.
mail_line_from_elsewhere() {
    mkdir -p "$HOME/bin" "$BATS_TEST_TMPDIR/elsewhere"
    ln -sf "$KITH" "$HOME/bin/kith"
    copy_examples "$HOME/network"
    local line command
    line=$(block_after "$1" | grep -v '^#' | head -1)
    command=$(printf '%s\n' "$line" | sed -E "$2")
    [[ "$command" == kith* ]]
    cd "$BATS_TEST_TMPDIR/elsewhere"
    run --separate-stderr env -i HOME="$HOME" PATH="$HOME/bin:/usr/bin:/bin" KITH_TODAY=2026-11-28 /bin/sh -c "$command"
    assert_success
    assert_line --index 0 "kith: 1 address for 'nunez'"
    assert_line --index 1 $'jose@lumen.example\tJosé Núñez\tLumen Labs'
    [ -z "$stderr" ]
}

@test "the README's mutt line answers from any folder, with nothing on stderr" {
    mail_line_from_elsewhere muttrc 's/^set query_command = "(.*)"$/\1/; s/%s/nunez/'
}

@test "the README's aerc line answers from any folder, with nothing on stderr" {
    mail_line_from_elsewhere aerc 's/^address-book-cmd = //; s/%s/nunez/'
}

@test "the prompt hook says the right thing when something is due, nothing is, or a file is invalid" {
    mkdir -p "$HOME/bin" && ln -s "$KITH" "$HOME/bin/kith"
    block_after hook > "$BATS_TEST_TMPDIR/hook.sh"
    grep -q 'due --check' "$BATS_TEST_TMPDIR/hook.sh"
    copy_examples "$HOME/network"
    hook() { env -i HOME="$HOME" PATH="$HOME/bin:/usr/bin:/bin" KITH_TODAY=2026-11-28 bash "$BATS_TEST_TMPDIR/hook.sh"; }
    run -0 hook
    assert_output "kith: people are waiting for you (kith due)"
    # due and invalid at once: --check answers 3, and the hook says so
    printf 'name: [broken\n' > "$HOME/network/contacts/broken.yaml"
    run --separate-stderr kith --dir "$HOME/network" due --check
    assert_failure 3
    assert_output ""
    [[ "$stderr" == *"contacts/broken.yaml:1:"* ]]
    run -0 hook
    assert_output "kith: a file is invalid (kith check)"
    # nothing due, still invalid: 3
    rm -f "$HOME/network"/contacts/[a-z]*-*.yaml "$HOME/network"/contacts/山田*
    run kith --dir "$HOME/network" due --check
    assert_failure 3
    rm "$HOME/network/contacts/broken.yaml"
    run -0 hook
    assert_output ""
}

@test "make install builds a release of its own, without tests, and strips the binary" {
    run make -n -C "$KITH_SOURCE" install PREFIX='~/.local' LAUNCHER=
    assert_success
    assert_line --partial "-DKITH_TESTS=OFF"
    assert_line --partial "-DCMAKE_BUILD_TYPE=Release"
    assert_line --regexp "cmake --install .* --prefix $HOME/.local --strip"
    refute_output --partial "ctest"
}

@test "the README's table of contents lists every section, in order, and each link finds its heading" {
    run python3 - "$KITH_SOURCE/README.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
text_outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
def anchor(title):  # GitHub's rule: lower case, punctuation dropped, spaces to hyphens
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
headings = [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(##+) (.+)$", text_outside_code, re.M)]
toc_start = text.index("## Contents")
toc = re.findall(r"^\s*- \[(.+?)\]\(#(.+?)\)", text[toc_start:text.index("\n## ", toc_start + 1)], re.M)
wanted = [(title, anchor(title)) for level, title in headings if level == 2 and title != "Contents"]
listed = [(title, link) for title, link in toc if link in {a for _, a in wanted}]
if [a for _, a in wanted] != [link for _, link in listed]:
    sys.exit(f"sections {[a for _, a in wanted]}\nlisted   {[l for _, l in listed]}")
every = {anchor(title) for _, title in headings}
missing = [link for _, link in toc if link not in every]
if missing:
    sys.exit(f"links to no heading: {missing}")
print(f"{len(toc)} entries")
PY
    assert_success
    assert_output --regexp '^[0-9]+ entries$'
}
