load helpers

@test "add writes a new file in canonical order, mode 0600, since today" {
    run --separate-stderr kith add "José Ramírez" --tier close --org "Lumen: Labs" --interest rust --interest "no" \
        --email j@x.org --birthday 12-10 --title "Lead" --cadence 2w --why "Hiring, maybe"
    assert_success
    [[ "$stderr" == *"contacts/jose-ramirez.yaml"* ]]
    [ "$(stat -c %a contacts/jose-ramirez.yaml)" = 600 ]
    run -0 cat contacts/jose-ramirez.yaml
    assert_output "name: José Ramírez
tier: close
cadence: 2w
title: Lead
org: \"Lumen: Labs\"
email: [j@x.org]
interests: [rust, \"no\"]
why: \"Hiring, maybe\"
birthday: --12-10
since: 2026-11-28"
    run --separate-stderr kith show jose-ramirez
    assert_success
    assert_output --partial "Lumen: Labs"
}

@test "add takes a yearless birthday as --birthday=--MM-DD, and --slug" {
    run kith add "Bob" --birthday=--02-29 --slug bob-the-builder
    assert_success
    grep -qx 'birthday: --02-29' contacts/bob-the-builder.yaml
}

@test "add refuses an existing slug with exit 2 and names the file" {
    snapshot ada-lovelace
    run --separate-stderr kith add "Ada Lovelace" --force
    assert_failure 2
    [[ "$stderr" == *"contacts/ada-lovelace.yaml exists already"* ]]
    [ -z "$(changes ada-lovelace)" ]
}

@test "add refuses an unknown tier, a bad date, a bad slug" {
    run --separate-stderr kith add "New Person" --tier vip
    assert_failure 2
    [[ "$stderr" == *"unknown tier 'vip' (tiers: core, close, loose)"* ]]
    run kith add "New Person" --birthday 13-40
    assert_failure 2
    run kith add "New Person" --slug ../escape
    assert_failure 2
    run kith add "!!!"
    assert_failure 2
    [ ! -e contacts/new-person.yaml ]
}

@test "add without NAME is a usage error" {
    run kith add
    assert_failure 2
}

@test "a contact added is listed and checks clean" {
    kith add "Zoë Quinn" --tier core --tag london
    run -0 --separate-stderr kith list --tag london --format tsv
    assert_line --partial $'zoe-quinn\tZoë Quinn\tcore\t30d\t\t2026-12-28'
    run kith check
    assert_success
}

@test "add refuses a name or an email someone has, naming them; --force adds anyway" {
    run --separate-stderr kith add "ADA  lovélace" --slug ada-2
    assert_failure 2
    [[ "$stderr" == *"'ADA  lovélace' may be someone you have: ada-lovelace (Ada Lovelace) has name ada lovelace; add --force"* ]]
    [ ! -e contacts/ada-2.yaml ]
    run --separate-stderr kith add "Ada King" --slug ada-3
    assert_failure 2
    [[ "$stderr" == *"ada-lovelace (Ada Lovelace) has name ada king"* ]]
    run --separate-stderr kith add "Maggie H" --email OMAR@sandstone.example
    assert_failure 2
    [[ "$stderr" == *"omar-haddad (Omar Haddad) has email omar@sandstone.example"* ]]
    [ ! -e contacts/maggie-h.yaml ]
    run --separate-stderr kith add "Maggie H" --email omar@sandstone.example --force
    assert_success
    [ -e contacts/maggie-h.yaml ]
    run --separate-stderr kith add "Maggie Hamilton" --email maggie@example.org
    assert_success
}
