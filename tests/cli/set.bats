# kith set NAME… --FIELD VALUE and kith tag NAME… +T -T: one-field changes without the editor;
# several people (and '-' for stdin) in one change, also for tier, snooze and archive.
load helpers
load git_helpers

@test "set changes one field of a hand-written file: one line, its comment and every other byte kept" {
    sed -i 's/^org: Analytical Engines Ltd$/org: Analytical Engines Ltd   # since the reorg/' contacts/ada-lovelace.yaml
    snapshot ada-lovelace
    run --separate-stderr kith set ada --org "Difference Engines" --title "Chief Analyst"
    assert_success
    assert_stderr_has "Ada Lovelace: title 'Chief Analyst', org 'Difference Engines'"
    run -0 changes ada-lovelace
    assert_output $'< title: Lead Analyst\n< org: Analytical Engines Ltd   # since the reorg\n> title: Chief Analyst\n> org: Difference Engines   # since the reorg'
}

@test "set adds (+x) and removes (-x) list items in the list's own style; --no-FIELD removes a key" {
    snapshot ada-lovelace
    run --separate-stderr kith set ada --email +ada@work.example --email -ada@example.org --tag +poetry --no-assistant
    assert_success
    run -0 changes ada-lovelace
    assert_output $'< email: [ada@example.org]\n> email: [ada@work.example]\n< assistant: Mary Somerville\n< tags: [mentor, london]\n> tags: [mentor, london, poetry]'
    # A phone starting with + takes a second +; removing what is not there changes nothing.
    run --separate-stderr kith set ada --phone "++1 555 0100" --aka -nobody
    assert_success
    run -0 exported "Ada Lovelace" phone
    assert_output "['+44 20 7946 0000', '+1 555 0100']"
}

@test "set reads dates as people type them, durations, birthdays, and every field of the table" {
    run --separate-stderr kith set mei --snooze "end of month" --cadence 3w --birthday 04-02 --since "2 weeks ago" \
        --first-due 2027-01-04 --introduced-by ada-lovelace --address "1 Main St" --prefer phone --uid mei-1 \
        --url +https://mei.example --interest +tea --met "a meetup" --why "product" --notes "likes tea" \
        --role "runs product" --aka +May --name "Mei Chen"
    assert_success
    run -0 --separate-stderr kith export json
    run python3 -c '
import json, sys
m = [p for p in json.load(sys.stdin) if p["slug"] == "mei-chen"][0]
print(m["snooze"], m["cadence"], m["birthday"], m["since"], m["first_due"], m["introduced_by"], m["address"], m["prefer"], m["uid"], m["url"], "tea" in m["interests"], m["met"], m["why"], m["notes"], m["role"], m["aka"])' <<<"$output"
    assert_success
    assert_output "2026-11-30 3w --04-02 2026-11-14 2027-01-04 ada-lovelace 1 Main St phone mei-1 ['https://mei.example'] True a meetup product likes tea runs product ['May']"
    run --separate-stderr kith check
    assert_success
}

@test "set refuses a bad value, an unknown field, a missing change and a removed name, writing nothing" {
    before=$(cat contacts/*.yaml | sha256sum)
    run --separate-stderr kith set ada --tier cor
    assert_failure 2
    assert_stderr_has "unknown tier 'cor' (tiers: core, close, loose)"
    run --separate-stderr kith set ada --cadence often
    assert_failure 2
    assert_stderr_has "--cadence: 'often' is not a duration"
    run --separate-stderr kith set ada --snooze tomorow
    assert_failure 2
    assert_stderr_has "did you mean 'tomorrow'?"
    run --separate-stderr kith set ada --emial x@y
    assert_failure 2
    assert_stderr_has "--email"
    run --separate-stderr kith set ada
    assert_failure 2
    assert_stderr_has "say what to change"
    run --separate-stderr kith set ada --no-name
    assert_failure 2
    run --separate-stderr kith set ada nobody-at-all --org X
    assert_failure 2
    assert_stderr_has "no one called 'nobody-at-all'"
    [ "$before" = "$(cat contacts/*.yaml | sha256sum)" ]
}

@test "tag adds and removes tags of several people in one change" {
    snapshot grace-hopper
    run --separate-stderr kith tag ada grace +speaker -london
    assert_success
    assert_stderr_has "Ada Lovelace: tags +speaker, tags -london"
    assert_stderr_has "Grace Hopper: tags +speaker"
    run -0 changes grace-hopper
    assert_output $'< tags: [mentor, washington]\n> tags: [mentor, washington, speaker]'
    grep -qx 'tags: \[mentor, speaker\]' contacts/ada-lovelace.yaml
    run --separate-stderr kith tag ada
    assert_failure 2
    assert_stderr_has "say which tags"
}

@test "'-' reads slugs from stdin: list | cut | snooze, tier, tag, set, archive" {
    run --separate-stderr bash -c "'$KITH' list --tag london --format tsv | cut -f1 | '$KITH' snooze - +3m"
    assert_success
    for slug in ada-lovelace mei-chen omar-haddad; do grep -qx 'snooze: 2027-02-28' contacts/$slug.yaml; done
    [ "$(grep -l '^snooze: 2027-02-28' contacts/*.yaml | wc -l)" = 3 ]
    printf 'ada-lovelace\n\ngrace-hopper\r\nada-lovelace\n' | kith tier - loose 2>"$BATS_TEST_TMPDIR/err"
    grep -q "Ada Lovelace: core -> loose" "$BATS_TEST_TMPDIR/err"
    grep -q "Grace Hopper: core -> loose" "$BATS_TEST_TMPDIR/err"
    grep -qx 'tier: loose' contacts/grace-hopper.yaml
    printf 'ada-lovelace\ngrace-hopper\n' | kith tag - -mentor +imported 2>/dev/null
    grep -qx 'tags: \[london, imported\]' contacts/ada-lovelace.yaml
    printf 'mei\n' | kith set - --org Acme 2>/dev/null
    grep -qx 'org: Acme' contacts/mei-chen.yaml
    printf 'tom-becker\nsofia-rossi\n' | kith archive - 2>/dev/null
    [ -e archive/tom-becker.yaml ] && [ -e archive/sofia-rossi.yaml ]
    run --separate-stderr kith snooze ada grace --clear
    assert_success
    run grep -q '^snooze:' contacts/ada-lovelace.yaml contacts/grace-hopper.yaml
    assert_failure 1
    run --separate-stderr kith snooze - +3m </dev/null
    assert_failure 2
    assert_stderr_has "no NAME on standard input"
}

@test "one unknown name among several changes no one" {
    before=$(cat contacts/*.yaml | sha256sum)
    run --separate-stderr kith tier ada grace nobody-here close
    assert_failure 2
    run --separate-stderr bash -c "printf 'ada\nnobody-here\n' | '$KITH' tag - +x"
    assert_failure 2
    assert_stderr_has "no one called 'nobody-here'"
    run --separate-stderr kith archive tom nobody-here
    assert_failure 2
    [ -e contacts/tom-becker.yaml ]
    [ "$before" = "$(cat contacts/*.yaml | sha256sum)" ]
}

@test "a change of several people is one commit of exactly their files" {
    git_setup
    cd "$A"
    kith add "Grace Hopper" 2>/dev/null
    kith add "Omar Haddad" 2>/dev/null
    printf 'ada-lovelace\ngrace-hopper\nomar-haddad\n' | kith snooze - "in 2 weeks" 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: 3 people are snoozed until 2026-12-12"
    run -0 git show --name-only --format= HEAD
    assert_output $'contacts/ada-lovelace.yaml\ncontacts/grace-hopper.yaml\ncontacts/omar-haddad.yaml'
    kith tag ada grace +speaker 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: tag 2 people +speaker"
    kith set omar --org Acme 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: set org of Omar Haddad"
    kith tier ada omar close 2>/dev/null
    run -0 git log -1 --format=%s
    assert_output "kith: 2 people are now close"
    kith archive grace omar 2>/dev/null
    run -0 git show -M --name-status --format= HEAD
    assert_output $'R100\tcontacts/grace-hopper.yaml\tarchive/grace-hopper.yaml\nR100\tcontacts/omar-haddad.yaml\tarchive/omar-haddad.yaml'
    [ -z "$(git status --porcelain)" ]
}

@test "the completion spec knows set's options and tag" {
    run --separate-stderr kith __complete spec
    assert_success
    assert_line "command	set	Change fields of one or more people without the editor"
    assert_line --partial "command	tag	"
    assert_line --partial "option	set	--tier	tiers	"
    assert_line --partial "option	set	--email	text	1	"
    assert_line --partial "option	set	--no-snooze	flag	"
    assert_line --partial "positional	set	1	names	1	"
}
