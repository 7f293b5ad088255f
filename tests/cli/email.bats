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
    run -0 --separate-stderr kith email "ada king"
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

# Reads `kith email` output as mutt reads a query_command's: the first line is free text, then
# each line split at tabs into address, name and info, the address parsed as an address list.
# Prints one "address|name|info" line per recipient mutt would make.
as_mutt() {
    python3 -c '
import sys
from email.utils import getaddresses
lines = sys.stdin.read().split("\n")
assert lines[-1] == "", "the answer ends with a line break"
for line in lines[1:-1]:
    fields = line.split("\t")
    assert len(fields) == 3, ("fields", line)
    recipients = getaddresses([fields[0]])
    assert len(recipients) == 1 and recipients[0][1] == fields[0], ("not one address", fields[0], recipients)
    print("|".join(fields))'
}

@test "email: an address mutt would read as two recipients, or as another one, is left out and counted" {
    run --separate-stderr kith add --slug smith --email "john@example.org, eve@evil.example" --email "john@work.example" \
        --email "Eve <eve@evil.example>" --email $'nl\n@x.org' --email "q\"x\"@x.org" --org $'Acme\tInc\nLtd' -- "Smith, John"
    assert_success
    run --separate-stderr kith email "smith"
    assert_success
    assert_output $'kith: 1 address for \'smith\' (4 left out: not one plain address; see \'kith show\')\njohn@work.example\tSmith, John\tAcme Inc Ltd'
    run -0 -0 as_mutt <<< "$output"
    assert_output "john@work.example|Smith, John|Acme Inc Ltd"
}

@test "email: names and orgs keep one line and show controls, bidi overrides and line separators escaped" {
    run --separate-stderr kith add --slug eve --email eve@example.org --email $'eve\u202e@example.org' \
        --org $'Org\u2029Two\x1b[31m' -- $'Eve\u202eevil\u2028x\u009by\x07'
    assert_success
    run --separate-stderr kith email eve
    assert_success
    assert_output $'kith: 1 address for \'eve\' (1 left out: not one plain address; see \'kith show\')\neve@example.org\tEve\\u202eevil\\u2028x\\u009by\\x07\tOrg\\u2029Two\\e[31m'
    run -0 -0 as_mutt <<< "$output"
    assert_output 'eve@example.org|Eve\u202eevil\u2028x\u009by\x07|Org\u2029Two\e[31m'
}
