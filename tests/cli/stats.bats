#!/usr/bin/env bats
# kith stats: the network's health in the terminal, and as json.
load helpers

@test "stats shows each tier as a bar, contacts per week, promises and the most overdue" {
    run kith stats
    assert_success
    assert_line --index 0 "12 people, 12 interactions from 2025-12-01 to 2026-11-28"
    assert_line "  core   █████░░░░░░░░░░░░░░░  1 on time, 0 soon, 3 overdue; 1.6×"
    assert_line --partial "Contacts per week (52 weeks, at most 1)"
    assert_line "Promises kept on time: 0% (0 of 2; 1 late, 1 open past due)"
    assert_line --partial "Most overdue (8 due)"
    assert_line --regexp "^  Sofia Rossi +273 days overdue +call 2025-09-01"
}

@test "stats --format json: the same figures for scripts" {
    run kith stats --format json --top 3
    assert_success
    run -0 python3 -c '
import json, sys
s = json.loads(sys.argv[1])
assert s["people"] == 12 and s["months"] == 12 and s["from"] == "2025-12-01"
assert [t["tier"] for t in s["tiers"]] == ["core", "close", "loose"]
assert sum(t["members"] for t in s["tiers"]) == 12
assert s["overdue_count"] == 8 and len(s["overdue"]) == 3
assert s["overdue"][0]["slug"] == "sofia-rossi" and s["overdue"][0]["overdue"] == 273
assert s["promises"]["late"] == 1 and s["promises"]["open_past_due"] == 1 and s["promises"]["kept_percent"] == 0
assert len(s["weeks"]) == 52 and sum(s["weeks"]) == s["interactions"]
print("ok")' "$output"
    assert_output "ok"
}

@test "stats counts an interaction logged today and a promise kept" {
    kith log ada -k call -m "quick call" 2>/dev/null
    kith done ada 2>/dev/null || true
    run -0 kith stats --format json
    python3 -c 'import json,sys; s=json.loads(sys.argv[1]); assert s["interactions"] == 13 and s["weeks"][-1] >= 1 and s["days"][-1] == 1' "$output"
}

@test "stats --months N narrows the window; a bad N is a usage error" {
    run kith stats --format json --months 3
    assert_success
    python3 -c 'import json,sys; s=json.loads(sys.argv[1]); assert s["from"] == "2026-09-01" and len(s["promises"]["months"]) == 3' "$output"
    run kith stats --months 200
    assert_failure 2
    run kith stats --format tsv
    assert_failure 2
}

@test "stats and report read a network in chunks: every person and every interaction counted" {
    big="$BATS_TEST_TMPDIR/big"
    generated_network "$big" 700
    for months in 3 12 120; do
        run --separate-stderr kith -d "$big" stats --format json --months "$months" --top 1000
        assert_success
        # The interactions of the window, counted from the files themselves.
        run python3 -c '
import glob, json, re, sys
s = json.loads(sys.argv[1])
count = 0
for path in glob.glob(sys.argv[2] + "/contacts/*.yaml"):
    for m in re.finditer(r"^  - \{date: (\d{4}-\d\d-\d\d), kind: (\w+)", open(path, encoding="utf-8").read(), re.M):
        count += m.group(2) != "note" and s["from"] <= m.group(1) <= s["today"]
assert s["people"] == 700, s["people"]
assert sum(t["members"] for t in s["tiers"]) == 700
assert s["interactions"] == count == sum(s["days"]), (s["interactions"], count)
print(s["interactions"])' "$output" "$big"
        assert_success
        interactions=$output
        run --separate-stderr kith -d "$big" report --months "$months" -o -
        assert_success
        [[ "$output" == *"700 people"* ]]
        [[ "$output" == *" $interactions interactions since "* ]]
    done
}
