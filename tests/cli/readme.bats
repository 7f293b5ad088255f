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
