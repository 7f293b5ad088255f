#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_editor {

using namespace kith;

// A hand-written file: comments, blank lines, odd quoting, unknown keys, a block scalar.
static const std::string handwritten = R"(# Ada, met at PyCon
name: Ada Lovelace   # the countess
tier: core

title: 'Lead Analyst'
custom_key: {keep: "me", exactly: [1, 2]}
notes: |
  Prefers mornings.

  Ask about the Bernoulli paper.
# the log, oldest first
log:
  - {date: 2026-10-11, kind: lunch, note: "New role; wants hardware"}   # good lunch
  # a comment between entries
  - {date: 2026-11-25, kind: congrats}
zebra: last   # an unknown key at the end
)";

static std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

TEST_CASE("setting a scalar changes that one line and keeps its comment") {
    const std::string out = set_top_level(handwritten, "name", "Ada King", canonical_keys());
    CHECK(out == replace_once(handwritten, "name: Ada Lovelace   # the countess", "name: Ada King   # the countess"));
    CHECK(set_top_level(handwritten, "tier", "close", canonical_keys()) == replace_once(handwritten, "tier: core\n", "tier: close\n"));
    CHECK(set_top_level(handwritten, "title", "\"Boss: yes\"", canonical_keys()) ==
          replace_once(handwritten, "title: 'Lead Analyst'", "title: \"Boss: yes\""));
}

TEST_CASE("a key with only a comment gets its value before the comment (found by fuzzing)") {
    CHECK(set_top_level("name: A\ntier: #close\n", "tier", "core", canonical_keys()) == "name: A\ntier: core #close\n");
    CHECK(set_top_level("name: A\ntier:   # later\n", "tier", "core", canonical_keys()) == "name: A\ntier: core # later\n");
}

TEST_CASE("a missing scalar is added at its canonical place") {
    const std::string out = set_top_level(handwritten, "cadence", "2w", canonical_keys());
    CHECK(out == replace_once(handwritten, "tier: core\n", "tier: core\ncadence: 2w\n"));
    const std::string snooze = set_top_level(handwritten, "snooze", "2026-12-10", canonical_keys());
    // After notes (its canonical predecessor present), before the comment that belongs to log.
    CHECK(snooze == replace_once(handwritten, "# the log, oldest first\n", "snooze: 2026-12-10\n# the log, oldest first\n"));
}

TEST_CASE("a multi-line value is replaced whole") {
    const std::string out = set_top_level(handwritten, "notes", "short", canonical_keys());
    CHECK(out == replace_once(handwritten, "notes: |\n  Prefers mornings.\n\n  Ask about the Bernoulli paper.\n",
                              "notes: short\n"));
}

TEST_CASE("log entries go in date order, one line each") {
    SUBCASE("between two entries, before the comment of the later one? no: right before the later entry") {
        const std::string out =
            insert_item(handwritten, "log", "{date: 2026-11-01, kind: call}", std::string("date"), canonical_keys(), "x.yaml");
        CHECK(out == replace_once(handwritten, "  - {date: 2026-11-25, kind: congrats}\n",
                                  "  - {date: 2026-11-01, kind: call}\n  - {date: 2026-11-25, kind: congrats}\n"));
    }
    SUBCASE("after the last entry") {
        const std::string out =
            insert_item(handwritten, "log", "{date: 2026-11-28, kind: call}", std::string("date"), canonical_keys(), "x.yaml");
        CHECK(out == replace_once(handwritten, "  - {date: 2026-11-25, kind: congrats}\n",
                                  "  - {date: 2026-11-25, kind: congrats}\n  - {date: 2026-11-28, kind: call}\n"));
    }
    SUBCASE("before the first entry") {
        const std::string out =
            insert_item(handwritten, "log", "{date: 2020-01-01, kind: call}", std::string("date"), canonical_keys(), "x.yaml");
        CHECK(out == replace_once(handwritten, "  - {date: 2026-10-11",
                                  "  - {date: 2020-01-01, kind: call}\n  - {date: 2026-10-11"));
    }
    SUBCASE("on the same day, after the entries of that day") {
        const std::string out =
            insert_item(handwritten, "log", "{date: 2026-11-25, kind: call}", std::string("date"), canonical_keys(), "x.yaml");
        CHECK(out == replace_once(handwritten, "  - {date: 2026-11-25, kind: congrats}\n",
                                  "  - {date: 2026-11-25, kind: congrats}\n  - {date: 2026-11-25, kind: call}\n"));
    }
}

// Issue 22, item 11: a sync's entries come with their days, so they are placed without reading them back.
TEST_CASE("items placed by the days given land where the days read from them would place them") {
    const std::vector<std::string> items = {"{date: 2026-11-25, kind: call}", "{date: 2020-01-01, kind: email}",
                                            "{date: 2026-11-01, kind: meeting, note: x}", "{date: 2026-11-28, kind: call}"};
    const std::vector<std::optional<Day>> days = {parse_iso_day("2026-11-25"), parse_iso_day("2020-01-01"),
                                                  parse_iso_day("2026-11-01"), parse_iso_day("2026-11-28")};
    const std::string by_text = insert_items(handwritten, "log", items, canonical_keys(), "x.yaml", std::string("date"));
    CHECK(insert_items_on_days(handwritten, "log", items, days, std::string("date"), canonical_keys(), "x.yaml") == by_text);
    CHECK(by_text != handwritten);
    const std::vector<std::optional<Day>> swapped = {days[1], days[0], days[2], days[3]};  // the days decide, not the text
    CHECK(insert_items_on_days(handwritten, "log", items, swapped, std::string("date"), canonical_keys(), "x.yaml") != by_text);
}

TEST_CASE("a missing list is created at its canonical place") {
    // A comment after the last key may introduce whatever follows, so the list goes before it.
    const std::string file = "name: Bob\n# trailing comment\n";
    CHECK(insert_item(file, "log", "{date: 2026-01-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: Bob\nlog:\n  - {date: 2026-01-01}\n# trailing comment\n");
    CHECK(insert_item("name: Bob\nlog:\n  - {date: 2026-01-01}\n", "followups", "{due: 2026-02-01, what: x}",
                      std::string("due"), canonical_keys(), "x.yaml") ==
          "name: Bob\nfollowups:\n  - {due: 2026-02-01, what: x}\nlog:\n  - {date: 2026-01-01}\n");
}

TEST_CASE("an empty list on one line, a zero-indented list, a file without a final newline") {
    CHECK(insert_item("name: Bob\nlog: []  # none yet\n", "log", "{date: 2026-01-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: Bob\nlog:  # none yet\n  - {date: 2026-01-01}\n");
    CHECK(insert_item("log:\n- {date: 2026-01-05}\nname: Bob\n", "log", "{date: 2026-01-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "log:\n- {date: 2026-01-01}\n- {date: 2026-01-05}\nname: Bob\n");
    CHECK(insert_item("name: Bob", "log", "{date: 2026-01-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: Bob\nlog:\n  - {date: 2026-01-01}\n");
    CHECK(set_top_level("name: Bob", "tier", "core", canonical_keys()) == "name: Bob\ntier: core\n");
    CHECK(set_top_level("name: Bob\r\n", "tier", "core", canonical_keys()) == "name: Bob\r\ntier: core\r\n");
}

TEST_CASE("a list value on the line after its key: [] is replaced, anything else refused (found by fuzzing)") {
    CHECK(insert_item("name: A\nfollowups:\n  []\nzz: x\n", "followups", "{due: 2026-01-01, what: x}",
                      std::string("due"), canonical_keys(), "x.yaml") == "name: A\nfollowups:\n  - {due: 2026-01-01, what: x}\nzz: x\n");
    CHECK_REFUSED((insert_item("name: A\nlog:\n  [{date: 2026-01-01}]\n", "log", "{date: 2026-01-02}",
                                std::string("date"), canonical_keys(), "x.yaml")), ErrorKind::invalid, "'log' is not a list with one '- ' item per line; kith adds");
}

TEST_CASE("a key with blanks before its colon is still that key (found by fuzzing)") {
    CHECK(insert_item("name: A\nlog\t :\n  - {date: 2026-01-01}\n", "log", "{date: 2026-01-02}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\nlog\t :\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n");
    CHECK(set_top_level("name: A\ntier  : core\n", "tier", "close", canonical_keys()) == "name: A\ntier  : close\n");
    CHECK(insert_item("name: A\n\"log\" :\n  - {date: 2026-01-01}\n", "log", "{date: 2026-01-02}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\n\"log\" :\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n");
}

TEST_CASE("a comment indented with a tab is a comment everywhere in the editor") {
    // Like a space-indented comment after the last item, it stays after the new entry.
    CHECK(insert_item("log:\n  - {date: 2026-01-01}\n \t# old\nname: A\n", "log", "{date: 2026-01-02}",
                      std::string("date"), canonical_keys(), "x.yaml") ==
          "log:\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n \t# old\nname: A\n");
    CHECK(insert_item("log:\n  - {date: 2026-01-01}\n  # old\nname: A\n", "log", "{date: 2026-01-02}",
                      std::string("date"), canonical_keys(), "x.yaml") ==
          "log:\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n  # old\nname: A\n");
}

TEST_CASE("a non-empty flow list is refused, not rewritten") {
    CHECK_REFUSED((insert_item("name: Bob\nlog: [{date: 2026-01-01}]\n", "log", "{date: 2026-01-02}",
                                std::string("date"), canonical_keys(), "x.yaml")), ErrorKind::invalid, "'log' is written on one line; kith adds entries only to a");
}

TEST_CASE("a field is added to one item of a list") {
    const std::string flow = "followups:\n  - {due: 2026-12-05, what: \"send {the} paper\"}  # promised\n  - {due: 2026-12-06, what: b}\n";
    CHECK(set_item_field(flow, "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - {due: 2026-12-05, what: \"send {the} paper\", done: 2026-11-28}  # promised\n  - {due: 2026-12-06, what: b}\n");
    const std::string block = "followups:\n  - due: 2026-12-05\n    what: send\n\n  - due: 2026-12-06\n    what: b\nname: x\n";
    CHECK(set_item_field(block, "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - due: 2026-12-05\n    what: send\n    done: 2026-11-28\n\n  - due: 2026-12-06\n    what: b\nname: x\n");
    CHECK(set_item_field(block, "followups", 1, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - due: 2026-12-05\n    what: send\n\n  - due: 2026-12-06\n    what: b\n    done: 2026-11-28\nname: x\n");
    CHECK_REFUSED(set_item_field(block, "followups", 2, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "cannot find item 3 of 'followups'");
    // Found by fuzzing: an apostrophe inside plain text is no quote.
    CHECK(set_item_field("followups:\n  - {due: 2026-12-01, what: Omar's intro}\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - {due: 2026-12-01, what: Omar's intro, done: 2026-11-28}\n");
    CHECK(set_item_field("followups:\n  - {due: 2026-12-01, what: 'it''s }'}\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - {due: 2026-12-01, what: 'it''s }', done: 2026-11-28}\n");
    CHECK(set_item_field("followups:\n  - {due: 2026-12-01,}\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - {due: 2026-12-01, done: 2026-11-28}\n");
    CHECK(set_item_field("followups:\n  - { due: 2026-12-01 }\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - { due: 2026-12-01, done: 2026-11-28 }\n");
    CHECK(set_item_field("followups:\n  - \t{due: 2026-12-01}\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - \t{due: 2026-12-01, done: 2026-11-28}\n");
    CHECK(insert_item("name: A\nlog:\n-\t{date: 2026-01-05}\n", "log", "{date: 2026-01-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\nlog:\n- {date: 2026-01-01}\n-\t{date: 2026-01-05}\n");
    CHECK_REFUSED((set_item_field("followups:\n  -  # note\n    # more\n    {due: 2026-12-01}\n", "followups", 0, "done", "2026-11-28", "x.yaml")),
        ErrorKind::invalid, "kith edits flow items ({...}) only when they stand on one");
    CHECK(set_item_field("followups:\n-   # c\n   \t # tab-indented comment\n    due: 2026-12-01\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n-   # c\n   \t # tab-indented comment\n    due: 2026-12-01\n    done: 2026-11-28\n");
    CHECK_REFUSED((set_item_field("followups:\n -\n    {due: 2026-12-01}\n", "followups", 0, "done", "2026-11-28", "x.yaml")),
        ErrorKind::invalid, "kith edits flow items ({...}) only when they stand on one");
    CHECK(set_item_field("followups:\n  -\n    due: 2026-12-01\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  -\n    due: 2026-12-01\n    done: 2026-11-28\n");
    CHECK_REFUSED((set_item_field("followups:\n  - {due: 2026-12-01,\n     what: x}\n", "followups", 0, "done", "2026-11-28", "x.yaml")),
        ErrorKind::invalid, "cannot find where item 1 of 'followups' ends; kith edits");
}

TEST_CASE("every edit of the hand-written file still reads") {
    CHECK_NOTHROW(read_yaml(set_top_level(handwritten, "snooze", "2026-12-10", canonical_keys()), "x.yaml"));
    CHECK_NOTHROW(read_yaml(insert_item(handwritten, "log", "{date: 2026-11-01, kind: call}", std::string("date"), canonical_keys(), "x.yaml"), "x.yaml"));
    CHECK_NOTHROW(read_yaml(insert_item(handwritten, "followups", "{due: 2026-12-01, what: x}", std::string("due"), canonical_keys(), "x.yaml"), "x.yaml"));
}

TEST_CASE("an empty field whose value stands on the lines below it is not written over; a next field is no value") {
    const auto set_done = [](const std::string& text) {
        return set_item_field(text, "followups", 0, "done", "2026-11-28", "x.yaml");
    };
    // The value below the key: past the key's column (spaces, then a tab), or a "- " list at it.
    CHECK_REFUSED(set_done("followups:\n- due: 2026-12-01\n  done:\n  - a\n"),
        ErrorKind::invalid, "item 1 of 'followups' has a 'done' already");
    CHECK_REFUSED(set_done("followups:\n-\t\n done: \n\n#\n \t~\n"),
        ErrorKind::invalid, "item 1 of 'followups' has a 'done' already");  // found by fuzzing
    CHECK_REFUSED(set_done("followups:\n- due: 2026-12-01\n  done:\n\n  # c\n   ~\n"),
        ErrorKind::invalid, "item 1 of 'followups' has a 'done' already");
    // The next field, with a block of its own, leaves `done:` empty: it is set.
    CHECK(set_done("followups:\n- done:\n  what: |\n    text\n") == "followups:\n- done: 2026-11-28\n  what: |\n    text\n");
}

}  // namespace unit_editor
