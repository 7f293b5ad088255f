load helpers

@test "show prints the profile, computed status, follow-ups and the log" {
    run --separate-stderr kith show ada
    assert_success
    assert_line "Ada Lovelace (ada-lovelace)"
    assert_line --partial "tier       core, every 2w (own cadence)"
    assert_line --partial "status     last contact 2026-11-10; due 2026-11-24 (4 days ago); 1.3×"
    assert_line --partial "follow-up  2026-12-05 send the engine paper (in 7 days)"
    assert_line --partial "2026-10-11  lunch     New role; wants hardware contacts"
    refute_output --partial "ask if the intro helped"
}

@test "show finds people by aka and ignores case and accents" {
    run --separate-stderr kith show "ADA KING"
    assert_success
    assert_line "Ada Lovelace (ada-lovelace)"
    run -0 --separate-stderr kith show "jose nunez"
    assert_line "José Núñez (jose-nunez)"
    run -0 --separate-stderr kith show "taro yamada"
    assert_line "山田 太郎 (山田-太郎)"
}

@test "show shows at most the last 10 log entries" {
    # mei-chen.yaml ends with its log, so lines appended to it are entries.
    for d in 01 02 03 04 05 06 07 08 09 10 11 12; do
        echo "  - {date: 2026-10-$d, kind: call, note: call $d}" >> contacts/mei-chen.yaml
    done
    run --separate-stderr kith show mei
    assert_success
    assert_line --partial "log (last 10 of 13)"
    refute_output --partial "call 01"
    assert_output --partial "call 12"
}

@test "an ambiguous NAME lists the candidates, an unknown one suggests" {
    kith add "Ada Byron" >/dev/null 2>&1
    run --separate-stderr kith show ada
    assert_failure 2
    [[ "$stderr" == *"ada-byron"*"ada-lovelace"* ]]
    run --separate-stderr kith show grace-hoper
    assert_failure 2
    [[ "$stderr" == *"did you mean 'grace-hopper'?"* ]]
}

@test "show without NAME is a usage error" {
    run kith show
    assert_failure 2
}
