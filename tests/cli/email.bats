load helpers

@test "email answers mutt's query_command: a line of text, then address, name and org" {
    run --separate-stderr kith email nunez
    assert_success
    assert_output $'kith: 1 address for \'nunez\'\njose@lumen.example\tJosé Núñez\tLumen Labs'
}

@test "email matches names, aka, addresses and organisations, ignoring case" {
    run --separate-stderr kith email NORTHWIND
    assert_success
    assert_line $'linus@northwind.example\tLinus Okafor\tNorthwind Robotics'
    assert_line --partial $'priya@northwind.example\tPriya Shah\t'
    run --separate-stderr kith email "ada king"
    assert_line --partial $'ada@example.org\tAda Lovelace\t'
}

@test "email gives every address of a person" {
    sed -i 's/^email: \[mei@example.org\]/email: [mei@example.org, "mei.chen@work.example"]/' "$NET/contacts/mei-chen.yaml"
    run --separate-stderr kith email mei
    assert_success
    assert_line --partial $'mei@example.org\tMei Chen\t'
    assert_line --partial $'mei.chen@work.example\tMei Chen\t'
}

@test "email exits 1 with nothing on stdout when nothing matches" {
    run --separate-stderr kith email "no such person"
    assert_failure 1
    assert_output ""
}

@test "email needs a QUERY" {
    run --separate-stderr kith email
    assert_failure 2
}
