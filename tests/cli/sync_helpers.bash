# Shared by the suites of tests/sync/'s generators and oracles (issue 22): where they are,
# Debian's python3 (python3-yaml, -icalendar, -dateutil), and helpers on their TSV output.
SYNC="$KITH_SOURCE/tests/sync"
CAL="$KITH_SOURCE/tests/fixtures/calendar"
PY=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the source tree

needs_python() { $PY -c 'import yaml, icalendar, dateutil' 2>/dev/null || skip "Debian's python3-yaml, -icalendar, -dateutil missing (make deps)"; }

# Prints the days of one person's entries (DAY:NOTE with a second argument) read on stdin
# with fields joined by |, on one line.
days_of() ( set -o pipefail; grep "^$1|" | if [ -n "${2:-}" ]; then cut -d '|' -f 2,4 | tr '|' ':'; else cut -d '|' -f 2; fi | tr '\n' ' ' )

# Appends the entries of an oracle's TSV ($2) to the logs of network $1, as a sync would.
log_into() {
    $PY - "$@" <<'PY'
import json, pathlib, sys
for line in pathlib.Path(sys.argv[2]).read_text().splitlines():
    slug, date, kind, *note = line.split("\t")
    path = pathlib.Path(sys.argv[1], "contacts", slug + ".yaml")
    text = path.read_text()
    text += ("" if "\nlog:\n" in text else "log:\n") + f"  - {{date: {date}, kind: {kind}"
    path.write_text(text + (f", note: {json.dumps(note[0], ensure_ascii=False)}}}\n" if note else "}\n"))
PY
}

# Two clones, $A and $B (git_setup), holding the network of folder $1 (its kith.yaml, with
# autocommit on, and its contacts), committed in A and pulled into B; the shell is in the tests'
# temp folder, and ./before is the network as both clones start.
clones_holding() {
    git_setup && cd "$BATS_TEST_TMPDIR"
    cp "$1/kith.yaml" "$A/kith.yaml" && echo "git: {autocommit: true}" >> "$A/kith.yaml"
    cp "$1"/contacts/*.yaml "$A/contacts/"
    git -C "$A" add -A && git -C "$A" commit -qm "the cast"
    git -C "$B" pull -q --no-edit "$A" main
    cp -r "$A" before
}

# After two clones synced one source with and without notes (A into a-alone with with.tsv, B
# without, into b-alone with without.tsv), each pulls the other: every entry of KIND each side has
# is the oracle's for its own setting, none twice (compare_entries.py).
check_merged_both_ways() {
    local kind=$1
    run git -C "$B" pull -q --no-edit "$A" main
    assert_success
    run $PY "$SYNC/compare_entries.py" without.tsv "$B" --before before --kind "$kind"
    assert_success
    assert_output ""
    run git -C a-alone pull -q --no-edit ../b-alone main
    assert_success
    run $PY "$SYNC/compare_entries.py" with.tsv a-alone --before before --kind "$kind"
    assert_success
    assert_output ""
}
