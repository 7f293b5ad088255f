load helpers

@test "merge folds B into A: lists as sets, aka, log and follow-ups by date, B removed" {
    cat > contacts/ada-l.yaml <<'YAML'
name: Ada L
email: [Ada@Example.org, ada@home.example]
phone: ["+44 (20) 7946-0000", "+44 7700 900123"]
tags: [london, imported]
org: analytical engines ltd
followups:
  - {due: 2026-11-20, what: send the slides}
log:
  - {date: 2026-10-20, kind: call, note: Asked about hardware}
  - {date: 2026-11-10, kind: congrats, note: Promoted to lead analyst}
YAML
    snapshot ada-lovelace
    run --separate-stderr kith merge ada-lovelace ada-l
    assert_success
    [[ "$stderr" == *"merged Ada L (ada-l) into Ada Lovelace (ada-lovelace), taking aka +1, email +1, phone +1, tags +1, followups +1, log +1; removed contacts/ada-l.yaml"* ]]
    [ ! -e contacts/ada-l.yaml ]
    run -0 changes ada-lovelace
    assert_output - <<'OUT'
< aka: [Ada King]
> aka: [Ada King, Ada L]
< email: [ada@example.org]
< phone: ["+44 20 7946 0000"]
> email: [ada@example.org, ada@home.example]
> phone: ["+44 20 7946 0000", "+44 7700 900123"]
< tags: [mentor, london]
> tags: [mentor, london, imported]
>   - {due: 2026-11-20, what: send the slides}
>   - {date: 2026-10-20, kind: call, note: Asked about hardware}
OUT
    # Every byte of A that was not changed is still there, the comment on the first line included.
    head -1 contacts/ada-lovelace.yaml | grep -qx '# Ada: my manager.s manager since the reorg.'
    run kith check
    assert_success
}

@test "references to B anywhere become A, archived people included" {
    printf 'name: Ada L\nlog:\n  - {date: 2026-09-01, kind: intro, with: grace-hopper}\n' > contacts/ada-l.yaml
    mkdir -p archive
    printf 'name: Zed\nintroduced_by: ada-l\nlog:\n  - {date: 2026-01-02, kind: intro, with: ada-l}  # keep me\n' > archive/zed.yaml
    sed -i 's/^introduced_by: omar-haddad$/introduced_by: ada-l/' contacts/kwame-mensah.yaml
    run --separate-stderr kith merge ada-lovelace ada-l
    assert_success
    [[ "$stderr" == *"rewrote the references in 2 other files"* ]]
    grep -qx 'introduced_by: ada-lovelace' contacts/kwame-mensah.yaml
    grep -qx 'introduced_by: ada-lovelace' archive/zed.yaml
    grep -qx '  - {date: 2026-01-02, kind: intro, with: ada-lovelace}  # keep me' archive/zed.yaml
    grep -qx '  - {date: 2026-09-01, kind: intro, with: grace-hopper}' contacts/ada-lovelace.yaml
    ! grep -rq 'ada-l$\|ada-l}' contacts archive
}

@test "scalars that differ are refused, naming them, until --prefer says who wins" {
    printf 'name: Ada L\ntitle: Analyst\norg: Difference Engines\nrole: Runs the numbers team\nsince: 2018-01-01\n' > contacts/ada-l.yaml
    snapshot ada-lovelace
    cp contacts/ada-l.yaml "$BATS_TEST_TMPDIR/b.before"
    run --separate-stderr kith merge ada-lovelace ada-l
    assert_failure 2
    [[ "$stderr" == *"ada-lovelace and ada-l differ in title ('Lead Analyst' and 'Analyst'), org ('Analytical Engines Ltd' and 'Difference Engines'); choose with --prefer A"* ]]
    [ -z "$(changes ada-lovelace)" ]
    cmp contacts/ada-l.yaml "$BATS_TEST_TMPDIR/b.before"
    run --separate-stderr kith merge ada-lovelace ada-l --prefer B
    assert_success
    run -0 changes ada-lovelace
    # B's title and org win; the earlier since is kept (the relationship began then).
    assert_output - <<'OUT'
< aka: [Ada King]
> aka: [Ada King, Ada L]
< title: Lead Analyst
< org: Analytical Engines Ltd
> title: Analyst
> org: Difference Engines
< since: 2019-03-02
> since: 2018-01-01
OUT
}

@test "--prefer A keeps A's values and still takes what A lacks" {
    printf 'name: Ada L\norg: Difference Engines\naddress: 1 Main St\n' > contacts/ada-l.yaml
    snapshot ada-lovelace
    run --separate-stderr kith merge ada-lovelace ada-l --prefer A
    assert_success
    run -0 changes ada-lovelace
    assert_output - <<'OUT'
< aka: [Ada King]
> aka: [Ada King, Ada L]
> address: "1 Main St"
OUT
}

@test "--dry-run prints A as it would be and writes nothing" {
    printf 'name: Ada L\nemail: [ada@home.example]\n' > contacts/ada-l.yaml
    snapshot ada-lovelace
    run --separate-stderr kith merge ada-lovelace ada-l --dry-run
    assert_success
    assert_line "email: [ada@example.org, ada@home.example]"
    assert_line "# Ada: my manager's manager since the reorg."
    [[ "$stderr" == *"would merge Ada L (ada-l) into Ada Lovelace (ada-lovelace)"*"would remove contacts/ada-l.yaml; nothing was written"* ]]
    [ -z "$(changes ada-lovelace)" ]
    [ -e contacts/ada-l.yaml ]
}

@test "what B holds that merge cannot carry (comments, unknown keys) is named, and nothing is written" {
    printf '# from the old phone\nname: Ada L\nemail: [ada@home.example]  # home\nfavourite_colour: green\nlog:\n  - {date: 2026-01-01, kind: call, mood: good}\nnotes: "a # in a value is no comment"\n' > contacts/ada-l.yaml
    snapshot ada-lovelace
    run --separate-stderr kith merge ada-lovelace ada-l
    assert_failure 2
    [[ "$stderr" == *"contacts/ada-l.yaml:1: a comment merge cannot carry: '# from the old phone'"* ]]
    [[ "$stderr" == *"contacts/ada-l.yaml:3: a comment merge cannot carry: '# home'"* ]]
    [[ "$stderr" == *"contacts/ada-l.yaml:4:1: a key merge cannot carry: 'favourite_colour'"* ]]
    [[ "$stderr" == *"contacts/ada-l.yaml:6:"*"a field of 'log' merge cannot carry: 'mood'"* ]]
    [[ "$stderr" != *"no comment"* ]]
    [[ "$stderr" == *"merging would lose what contacts/ada-l.yaml holds above"* ]]
    [ -z "$(changes ada-lovelace)" ]
    [ -e contacts/ada-l.yaml ]
}

@test "merge refuses one person twice and unknown names" {
    run --separate-stderr kith merge ada "ada king"
    assert_failure 2
    [[ "$stderr" == *"are both Ada Lovelace"* ]]
    run --separate-stderr kith merge ada nobody-here
    assert_failure 2
    run --separate-stderr kith merge ada omar --prefer C
    assert_failure 2
}

@test "a merge is one commit with autocommit, B's removal included" {
    command -v git >/dev/null || skip "git missing"
    printf 'name: Ada L\nemail: [ada@home.example]\n' > contacts/ada-l.yaml
    sed -i 's/autocommit: false/autocommit: true/' kith.yaml
    export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.org
    export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.org GIT_CONFIG_NOSYSTEM=1
    git init -q . && git add -A && git commit -qm init
    run --separate-stderr kith merge ada-lovelace ada-l
    assert_success
    run git -c core.quotepath=off show --stat --format=%s HEAD
    assert_success
    assert_line "kith: merge Ada L into Ada Lovelace"
    assert_output --partial "contacts/ada-l.yaml"
    [ -z "$(git status --porcelain)" ]
}
