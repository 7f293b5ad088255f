# Control characters from files never reach the terminal (SPEC 6): text shows them as
# visible escapes, tsv replaces them, json escapes them.
load helpers

# A contact whose every shown field carries terminal controls: OSC 52 (clipboard), clear
# screen, window title, BEL, DEL, a C1 CSI (U+009B) and a bidi override (U+202E).
hostile_contact() {
    cat > contacts/eve.yaml <<'YAML'
name: "Eve \e]52;c;cm0gLXJmIH4=\a Evil"
aka: ["\e[2J\e[H"]
tier: core
title: "\e]0;pwned\a"
org: "Bad\x7fCorp \u009b31m"
role: "left\u202Eright"
interests: ["robotics\e[8m"]
tags: ["tag\rover"]
why: "because\e[1A\e[2K"
notes: "line one\e[31m\nline two\u2066x\u2069"
email: ["eve\e@example.org"]
since: 2020-01-01
birthday: --11-29
dates:
  - {date: 2020-11-30, what: "party\e]2;title\a"}
followups:
  - {due: 2026-11-01, what: "call back\e[5m"}
log:
  - {date: 2026-01-01, kind: "call\e[0m", note: "talked\e]52;c;AAAA\a"}
YAML
}

# Fails when the text holds a C0 control other than tab and line feed, DEL, a C1
# control or a bidi control, naming the first one.
no_controls() {
    printf '%s' "$1" | python3 -c '
import sys, re
t = sys.stdin.buffer.read().decode("utf-8", "replace")
m = re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", t)
if m:
    print("control U+%04X in: %r" % (ord(m.group()), t[max(0, m.start()-30):m.end()+30]))
    sys.exit(1)'
}

# Like no_controls, but tab and line feed are refused too (one record a line).
no_controls_in_cells() {
    no_controls "$1"
    ! printf '%s' "$1" | grep -q $'\r'
}

@test "list, find and tier show control characters as visible escapes" {
    hostile_contact
    for args in "list" "list --tag $(printf 'tag\rover')" "find eve" "find robotics" "tier" "tier eve"; do
        run -0 --separate-stderr kith $args
        no_controls "$output"
        no_controls "$stderr"
    done
    run -0 --separate-stderr kith list
    assert_output --partial 'Eve \e]52;c;cm0gLXJmIH4=\x07 Evil'
}

@test "show shows every field's controls as escapes, notes keep their lines" {
    hostile_contact
    run --separate-stderr kith show eve
    assert_success
    no_controls "$output"
    assert_output --partial 'Eve \e]52;c;cm0gLXJmIH4=\x07 Evil (eve)'
    assert_output --partial 'Bad\x7fCorp \u009b31m'
    assert_output --partial 'left\u202eright'
    assert_output --partial 'line one\e[31m'
    assert_output --partial 'line two\u2066x\u2069'
    assert_output --partial 'call\e[0m'
}

@test "due in text, tsv and json carries no control characters" {
    hostile_contact
    run --separate-stderr kith due --within 7d
    assert_success
    no_controls "$output"
    assert_output --partial 'call back\e[5m'
    run -0 --separate-stderr kith due --within 7d --format tsv
    no_controls "$output"
    # Every record keeps as many columns as the header.
    columns="$(head -1 <<< "$output" | awk -F'\t' '{print NF}')"
    [ "$columns" -ge 7 ]
    while IFS= read -r line; do
        [ "$(printf '%s' "$line" | awk -F'\t' '{print NF}')" = "$columns" ] || { echo "bad record: $line"; false; }
    done <<< "$output"
    run -0 --separate-stderr kith due --within 7d --format json
    no_controls "$output"
    assert_output --partial 'call back\u001b[5m'
    printf '%s' "$output" | python3 -c '
import json, sys
items = json.load(sys.stdin)
assert any(i["detail"] == "call back\x1b[5m" for i in items), items'
}

@test "tsv: tabs, line breaks and controls inside a cell never break the columns" {
    hostile_contact
    cat > contacts/tab.yaml <<'YAML'
name: "Tab\tName\nTwo"
org: "a\rb"
YAML
    run --separate-stderr kith list --format tsv
    assert_success
    no_controls_in_cells "$output"
    assert_line --partial $'tab\tTab Name Two\t'
    while IFS= read -r line; do
        [ "$(printf '%s' "$line" | awk -F'\t' '{print NF}')" = 6 ] || { echo "bad record: $line"; false; }
    done <<< "$output"
    run -0 --separate-stderr kith list --format json
    no_controls "$output"
}

@test "introduce, as text and json, carries no control characters" {
    hostile_contact
    run --separate-stderr kith introduce eve ada -m "why not" --dry-run
    assert_success
    no_controls "$output"
    no_controls "$stderr"
    assert_output --partial 'Eve \e]52;c;cm0gLXJmIH4=\x07 Evil'
    run --separate-stderr kith introduce eve ada --dry-run --format json
    assert_success
    no_controls "$output"
    run -0 --separate-stderr kith introduce --suggest
    no_controls "$output"
}

@test "check and every error message quote file values with escapes" {
    cat > contacts/bad.yaml <<'YAML'
name: Bad
since: "2026\e]0;pwned\a"
YAML
    run --separate-stderr kith check
    assert_failure 3
    no_controls "$output"
    no_controls "$stderr"
    assert_output --partial "'2026\\e]0;pwned\\x07'"
    run -3 --separate-stderr kith list
    no_controls "$stderr"
    run --separate-stderr kith show "$(printf 'x\e]0;t\a')"
    assert_failure 2
    no_controls "$stderr"
    assert_output ""
}

@test "messages of writes quote names with escapes" {
    hostile_contact
    run --separate-stderr kith log eve -m "ok"
    assert_success
    no_controls "$stderr"
    run --separate-stderr kith follow eve 1w "later"
    assert_success
    no_controls "$stderr"
    run -0 --separate-stderr kith tier eve close
    no_controls "$stderr"
}

@test "a file name with controls is shown with escapes" {
    cp contacts/ada-lovelace.yaml "contacts/$(printf 'x\e[2Jy').yaml"
    run -0 --separate-stderr kith list
    no_controls "$output"
    no_controls "$stderr"
    run -0 --separate-stderr kith check
    no_controls "$output"
    no_controls "$stderr"
}
