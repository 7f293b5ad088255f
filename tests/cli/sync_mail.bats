load helpers
load sync_helpers
load git_helpers
# kith sync mail (issue 22): a Maildir made by tests/sync/make_maildir.py, indexed by the real
# notmuch, and kith's entries compared with mail_oracle.py's (0 differing entries).

setup_file() {
    export HOME="$BATS_FILE_TMPDIR/home" && mkdir -p "$HOME" && unset EMAIL
    command -v notmuch >/dev/null && $PY -c 'import yaml' 2>/dev/null || return 0
    export GEN="$BATS_FILE_TMPDIR/gen"
    $PY "$SYNC/make_maildir.py" "$GEN" --seed 22 --messages 400 --people 40
    NOTMUCH_CONFIG=$("$SYNC/notmuch_setup.sh" "$GEN/mail" 2>/dev/null)
    export NOTMUCH_CONFIG
}

needs_mail() { [ -n "${NOTMUCH_CONFIG:-}" ] || skip "notmuch or Debian's python3-yaml missing (make deps)"; }

# A copy of the generated network in $NET, and as it was in $NET.before.
mail_network() {
    local net=${1:-$NET}
    cd "$BATS_TEST_TMPDIR"  # files the tests write go here, never into the network
    rm -rf "$net" "$net.before" && cp -r "$GEN/network" "$net" && cp -r "$GEN/network" "$net.before"
}
# The oracle's entries for the network as it was before ($1), over SINCE..2026-11-28 ($2), more options after.
expect() { local before=$1 since=$2; shift 2; $PY "$SYNC/mail_oracle.py" "$before" "$GEN/mail" --since "$since" --until 2026-11-28 "$@"; }

@test "sync mail --subjects logs what the oracle logs, in Los Angeles; a second run adds nothing" {
    needs_mail
    mail_network
    export TZ=America/Los_Angeles
    expect "$NET.before" 2025-11-28 --subjects > expected.tsv
    [ "$(wc -l < expected.tsv)" -gt 100 ]
    run kith -d "$NET" sync mail --since 2025-11-28 --subjects
    assert_success
    assert_output --partial "logged $(wc -l < expected.tsv) entries for $(cut -f 1 expected.tsv | sort -u | wc -l) people"
    run $PY "$SYNC/compare_entries.py" expected.tsv "$NET" --before "$NET.before"
    assert_success
    assert_output ""
    cp -r "$NET/contacts" once
    run kith -d "$NET" sync mail --since 2025-11-28 --subjects
    assert_success
    assert_output "logged 0 entries for 0 people"
    run diff -r once "$NET/contacts"
    assert_success
}

@test "sync mail without --subjects, in Tokyo, from the default day (a year back): no notes" {
    needs_mail
    mail_network
    export TZ=Asia/Tokyo
    expect "$NET.before" 2025-11-28 > expected.tsv
    run kith -d "$NET" sync mail
    assert_success
    run $PY "$SYNC/compare_entries.py" expected.tsv "$NET" --before "$NET.before"
    assert_success
    assert_output ""
    run grep -c 'kind: email, note' "$NET/contacts/ada-lovelace.yaml"
    assert_failure 1
}

@test "sync mail --dry-run prints the oracle's entries in text, tsv and json, and writes nothing" {
    needs_mail
    mail_network
    expect "$NET.before" 2026-10-01 --subjects > expected.tsv
    run --separate-stderr kith -d "$NET" sync mail --since 2026-10-01 --subjects --dry-run --format tsv
    assert_success
    assert_line --index 0 "$(printf 'slug\tname\tdate\tkind\tnote')"
    diff <(printf '%s\n' "${lines[@]:1}" | cut -f 1,3- | sed 's/\t$//') <(sed 's/  */ /g' expected.tsv)
    [[ "$stderr" == *"would log $(wc -l < expected.tsv) entries"* ]]
    run --separate-stderr kith -d "$NET" sync mail --since 2026-10-01 --dry-run --format json
    assert_success
    run $PY -c 'import json, sys; rows = json.load(sys.stdin); print(len(rows), sorted(rows[0]))' <<< "$output"
    assert_success
    assert_output "$(wc -l < expected.tsv) ['date', 'kind', 'name', 'note', 'slug']"
    run --separate-stderr kith -d "$NET" sync mail --since 2026-10-01 --dry-run
    assert_success
    assert_line --partial "Lena Fischer"
    run diff -r -x .kith "$NET.before" "$NET"
    assert_success
    [ ! -e "$NET/.kith/sync-mail" ]
}

@test "sync mail records the day it synced through; the next run starts the day after, --since goes back" {
    needs_mail
    mail_network
    run kith -d "$NET" sync mail --since 2026-10-01
    assert_success
    run cat "$NET/.kith/sync-mail"
    assert_success
    assert_output "2026-11-27"
    # An entry taken away by hand is not brought back by a run from the recorded day...
    sed -i '/2026-11-17, kind: email/d' "$NET/contacts/lena-fischer.yaml"
    run kith -d "$NET" sync mail
    assert_success
    assert_output "logged 0 entries for 0 people"
    # ... but is by one that reads that day again.
    run kith -d "$NET" sync mail --since 2026-11-17
    assert_success
    assert_output "logged 1 entry for 1 person"
    run -0 grep -c '2026-11-17, kind: email' "$NET/contacts/lena-fischer.yaml"
    assert_output 1
}

@test "sync mail with no notmuch database says where it looked (exit 2) and writes nothing" {
    needs_mail
    mail_network
    run env NOTMUCH_CONFIG= NOTMUCH_DATABASE="$BATS_TEST_TMPDIR/nomail" "$KITH" -d "$NET" sync mail
    assert_failure 2
    assert_output --partial "kith: error: no notmuch database"
    assert_output --partial "$BATS_TEST_TMPDIR/nomail"
    assert_output --partial "$HOME/.notmuch-config"
    run env NOTMUCH_CONFIG="$BATS_TEST_TMPDIR/none.config" "$KITH" -d "$NET" sync mail
    assert_failure 2
    assert_output --partial "none.config"
    run diff -r -x .kith "$NET.before" "$NET"
    assert_success
}

@test "sync mail is one commit with autocommit, and the people it logs are no longer due" {
    needs_mail
    mail_network
    (cd "$NET" && git init -q && echo .kith/ > .gitignore && git add -A && git -c user.name=t -c user.email=t@e commit -qm start)
    sed -i '1a git: {autocommit: true}' "$NET/kith.yaml" && git -C "$NET" -c user.name=t -c user.email=t@e commit -qam on
    export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@e GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@e
    run kith -d "$NET" due --format tsv
    assert_success
    assert_output --partial "lena-fischer"
    run kith -d "$NET" sync mail --since 2026-11-01
    assert_success
    run git -C "$NET" log -1 --format=%s
    assert_success
    assert_output --regexp '^kith: sync mail: [0-9]+ entries for [0-9]+ people$'
    run git -C "$NET" status --porcelain
    assert_success
    assert_output ""
    run kith -d "$NET" due --format tsv
    assert_success
    refute_output --partial "lena-fischer"
}

@test "two clones sync the same archive, then merge through kith's driver: no entry twice" {
    needs_mail
    clones_holding "$GEN/network"
    (cd "$A" && kith sync mail --since 2026-10-15 --subjects && kith log ada-lovelace -k call --date 2026-11-26)
    (cd "$B" && kith sync mail --since 2026-09-01 --subjects && kith log bob-okafor -k lunch --date 2026-11-26)
    run git -C "$B" pull -q --no-edit "$A" main
    assert_success
    expect before 2026-09-01 --subjects > expected.tsv
    run $PY "$SYNC/compare_entries.py" expected.tsv "$B" --before before --kind email
    assert_success
    assert_output ""
    run grep -h "2026-11-26" "$B/contacts/ada-lovelace.yaml" "$B/contacts/bob-okafor.yaml"
    assert_success
    assert_output $'  - {date: 2026-11-26, kind: call}\n  - {date: 2026-11-26, kind: lunch}'
}

@test "two clones sync one archive, with --subjects and without, then merge through kith's driver: one email entry a day" {
    needs_mail
    clones_holding "$GEN/network"
    (cd "$A" && kith sync mail --since 2026-09-01 --subjects)
    (cd "$B" && kith sync mail --since 2026-09-01)
    cp -r "$A" a-alone && cp -r "$B" b-alone  # each side as it synced, before any merge
    expect before 2026-09-01 --subjects > with.tsv
    expect before 2026-09-01 > without.tsv
    [ "$(wc -l < with.tsv)" -gt 20 ]
    # Each side keeps its own entry of a day both logged: B its entries without notes, A its subjects.
    check_merged_both_ways email
    # And a sync after the merge, either way, adds nothing.
    run kith -d "$B" sync mail --since 2026-09-01 --subjects
    assert_success
    assert_output "logged 0 entries for 0 people"
}
