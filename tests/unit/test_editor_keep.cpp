// Issue 8, items 6 and 12: an edit keeps every byte it does not own, and edits the valid
// forms kith used to refuse.
#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/model/interaction.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "keeps_values.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_editor_keep {

using namespace kith;

namespace {

const Day today = *parse_iso_day("2026-11-28");

std::string close(const std::string& text, const std::string& which = "") {
    FollowUp closed;
    return close_followup(text, which, today, "x.yaml", default_config(), closed);
}

}  // namespace

TEST_CASE("tier and snooze keep the comment lines under their key") {
    const std::string file = "name: A\ntier: core\n  # moved up after the offsite\n  # ask before changing\nsnooze: 2026-12-01\n    # back from leave\nlog: []\n";
    CHECK(set_top_level(file, "tier", "close", canonical_keys()) ==
          "name: A\ntier: close\n  # moved up after the offsite\n  # ask before changing\nsnooze: 2026-12-01\n    # back from leave\nlog: []\n");
    CHECK(set_top_level(file, "snooze", "2027-01-04", canonical_keys()) ==
          "name: A\ntier: core\n  # moved up after the offsite\n  # ask before changing\nsnooze: 2027-01-04\n    # back from leave\nlog: []\n");
    // A value on the line after its key goes; the comments around it stay.
    CHECK(set_top_level("name: A\nsnooze:\n  # paused for the move\n  2026-12-01\n  # until then\n", "snooze", "2027-01-04", canonical_keys()) ==
          "name: A\nsnooze: 2027-01-04\n  # paused for the move\n  # until then\n");
}

TEST_CASE("a block scalar's lines that start with '#' are its text, and go with it") {
    const std::string file = "name: A\nnotes: |\n  # not a comment\n  text\n # a comment\nlog: []\n";
    CHECK(set_top_level(file, "notes", "short", canonical_keys()) == "name: A\nnotes: short\n # a comment\nlog: []\n");
    // A quoted value that runs on: its '#' line is text too.
    CHECK(set_top_level("name: A\ntier: \"core\n  # text\"\n  # comment\n", "tier", "close", canonical_keys()) ==
          "name: A\ntier: close\n  # comment\n");
}

TEST_CASE("done on a flow item with a nested map puts done on the item itself") {
    const std::string file = "name: A\nfollowups:\n  - {due: 2026-12-01, what: x, meta: {by: ada, on: [1, 2]}}\n";
    CHECK(set_item_field(file, "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "name: A\nfollowups:\n  - {due: 2026-12-01, what: x, meta: {by: ada, on: [1, 2]}, done: 2026-11-28}\n");
    const Contact c = parse_contact(close(file), "x.yaml", default_config());
    CHECK(c.followups[0].done == today);
}

TEST_CASE("a new line after a |+ block scalar leaves its kept blank lines in it") {
    const std::string file = "name: A\nnotes: |+\n  keep these\n\n\nlog:\n  - date: 2026-01-01\n    note: |+\n      hi\n\n";
    const YamlValue before = read_yaml(file, "x.yaml");
    const std::string snoozed = set_top_level(file, "snooze", "2026-12-01", canonical_keys());
    CHECK(snoozed == "name: A\nnotes: |+\n  keep these\n\n\nsnooze: 2026-12-01\nlog:\n  - date: 2026-01-01\n    note: |+\n      hi\n\n");
    CHECK(read_yaml(snoozed, "x.yaml").find("notes")->text == before.find("notes")->text);
    const std::string logged = insert_item(file, "log", "{date: 2026-02-01}", std::string("date"), canonical_keys(), "x.yaml");
    CHECK(logged == file + "  - {date: 2026-02-01}\n");
    CHECK(read_yaml(logged, "x.yaml").find("log")->items[0].find("note")->text == "hi\n\n");
    // At the end of a file without a final newline, the newline kith adds is stripped ('|-'):
    // the text reads the same (it was refused before issue 18, item 25).
    CHECK(insert_item("name: A\nnotes: |\n  text", "log", "{date: 2026-02-01}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\nnotes: |-\n  text\nlog:\n  - {date: 2026-02-01}\n");
}

TEST_CASE("a new line ends as its neighbours do, not as the first line") {
    CHECK(insert_item("name: A\nlog:\r\n  - {date: 2026-01-01}\r\n", "log", "{date: 2026-01-02}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\nlog:\r\n  - {date: 2026-01-01}\r\n  - {date: 2026-01-02}\r\n");
    CHECK(insert_item("name: A\r\nlog:\n  - {date: 2026-01-01}\n", "log", "{date: 2026-01-02}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\r\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n");
    CHECK(set_item_field("name: A\nfollowups:\r\n  - due: 2026-12-01\r\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "name: A\nfollowups:\r\n  - due: 2026-12-01\r\n    done: 2026-11-28\r\n");
}

TEST_CASE("log: [ ], log: Null and 'log:' at the end without a newline are read and added to") {
    for (const char* file : {"name: A\nlog: [ ]\n", "name: A\nlog: Null\n", "name: A\nlog: NULL # none\n", "name: A\nlog: ~\n",
                             "name: A\nlog:", "name: A\nlog:\n  [ ]\n"}) {
        CAPTURE(file);
        CHECK(parse_contact(file, "x.yaml", default_config()).log.empty());
        const std::string out = add_log_entry(file, LogEntry{today, "call", "", "", 0}, "x.yaml");
        const Contact c = parse_contact(out, "x.yaml", default_config());
        REQUIRE(c.log.size() == 1);
        CHECK(c.log[0].kind == "call");
    }
    CHECK(add_log_entry("name: A\nlog: Null\n", LogEntry{today, "", "", "", 0}, "x.yaml") == "name: A\nlog:\n  - {date: 2026-11-28}\n");
    CHECK(add_log_entry("name: A\nlog:", LogEntry{today, "", "", "", 0}, "x.yaml") == "name: A\nlog:\n  - {date: 2026-11-28}\n");
}

TEST_CASE("a follow-up with done: empty or null is open, and done sets that field") {
    const std::string file =
        "name: A\nfollowups:\n  - {due: 2026-12-01, what: a, done: }\n  - {due: 2026-12-02, what: b, done:}\n"
        "  - {due: 2026-12-03, what: c, done: null}\n  - due: 2026-12-04\n    what: d\n    done:   # later\n"
        "  - due: 2026-12-05\n    done: ~\n    what: e\n";
    const Contact c = parse_contact(file, "x.yaml", default_config());
    REQUIRE(c.followups.size() == 5);
    for (const auto& f : c.followups) CHECK_FALSE(f.done);
    CHECK(close(file, "a").find("what: a, done: 2026-11-28}") != std::string::npos);
    CHECK(close(file, "b").find("what: b, done: 2026-11-28}") != std::string::npos);
    CHECK(close(file, "c").find("what: c, done: 2026-11-28}") != std::string::npos);
    CHECK(close(file, "d").find("    done: 2026-11-28   # later\n") != std::string::npos);
    CHECK(close(file, "e").find("    done: 2026-11-28\n    what: e\n") != std::string::npos);
    for (const char* which : {"a", "b", "c", "d", "e"}) {
        const Contact after = parse_contact(close(file, which), "x.yaml", default_config());
        for (const auto& f : after.followups) CHECK(f.done.has_value() == (f.what == which));
    }
}

TEST_CASE("a field goes only on a map item") {
    CHECK_REFUSED(set_item_field("zz:\n  - plain\n", "zz", 0, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "item 1 of 'zz' is not a map of 'key: value' lines");
    CHECK_REFUSED(set_item_field("zz:\n  - [a]\n", "zz", 0, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "item 1 of 'zz' is not a map of 'key: value' lines");
    CHECK_REFUSED((set_item_field("zz:\n  - {done: 2026-01-01}\n", "zz", 0, "done", "2026-11-28", "x.yaml")),
        ErrorKind::invalid, "item 1 of 'zz' has 'done: 2026-01-01' already");
}

TEST_CASE("blank lines with spaces past a block scalar's indentation are its text (found by fuzzing)") {
    // yaml-cpp reads "lote" as "#xtog:\n " here: a line after it would take that space away.
    const std::string file = "g: x\nlote: |\n #xtog:\n  ";
    CHECK(keeps_values(file, insert_item(file, "log", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml")));
    const std::string ended = "g: x\nlote: |\n #xtog:\n  \n";
    const std::string out = insert_item(ended, "log", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml");
    CHECK(out == ended + "log:\n  - {date: 2026-11-28}\n");
    CHECK(read_yaml(out, "x.yaml").find("lote")->text == read_yaml(ended, "x.yaml").find("lote")->text);
}

TEST_CASE("a key that starts with --- is a key, and its |+ text is kept (found by fuzzing)") {
    CHECK(keeps_values("---es: |+\n 0at0", set_top_level("---es: |+\n 0at0", "log", "x", canonical_keys())));
    CHECK(set_top_level("---es: x\n", "---es", "y", canonical_keys()) == "---es: y\n");
}

TEST_CASE("a new key goes before the document end marker '...' (found by fuzzing)") {
    CHECK(insert_item("na0ma:\nlog-\t: [ ]\r\n\n...", "log", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml") ==
          "na0ma:\nlog-\t: [ ]\r\nlog:\r\n  - {date: 2026-11-28}\r\n\n...");
    CHECK(set_top_level("name: A\n...\n# after\n", "tier", "core", canonical_keys()) == "name: A\ntier: core\n...\n# after\n");
}

TEST_CASE("an empty list on the line after its key goes, its comment stays") {
    CHECK(insert_item("name: A\nlog:\n  [ ]  # none yet\n", "log", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\nlog:\n  - {date: 2026-11-28}\n  # none yet\n");
}

TEST_CASE("'|#' opens a block scalar for yaml-cpp, and its text is kept (found by fuzzing)") {
    const std::string file = "nates: |+\n 0te ti- 01\nno te: |#\n    NulJ";
    CHECK(keeps_values(file, set_top_level(file, "tier", "close", canonical_keys())));
    CHECK(set_top_level("no te: |#\n    NulJ\n", "tier", "close", canonical_keys()) == "no te: |#\n    NulJ\ntier: close\n");
}

TEST_CASE("a block scalar on the line after its key is kept too (found by fuzzing)") {
    const std::string file = "A:\n |+1\n\n    \n e}ypeIcE";
    CHECK(keeps_values(file, set_top_level(file, "log", "2026-12-01", canonical_keys())));
    const std::string ended = "A:\n |+1\n x\n\n";
    CHECK(set_top_level(ended, "tier", "core", canonical_keys()) == ended + "tier: core\n");
}

TEST_CASE("a block scalar after '-' and a tab is found (found by fuzzing)") {
    const std::string file = "/:\n\n\n-\t |\n\n\n  org";
    CHECK(keeps_values(file, insert_item(file, "followups", "{due: 2026-12-01}", std::string("due"), canonical_keys(), "x.yaml")));
}

TEST_CASE("'key: ~' with lines under it is a text running on, not an empty list (found by fuzzing)") {
    // yaml-cpp reads zz as "~ - dat".
    CHECK_REFUSED((insert_item("name: A\nzz: ~\n  - dat\n", "zz", "{date: 2020-01-01}", std::string("due"), canonical_keys(), "x.yaml")),
        ErrorKind::invalid, "'zz' is a text that runs on over several lines; kith adds");
}

TEST_CASE("an empty value on the line after its key with more text under it runs on (found by fuzzing)") {
    // yaml-cpp reads log as "NULL NULL".
    CHECK_REFUSED(insert_item("log:  \n\n#  \n\n# \n\n NULL\n\n NULL", "log", "plain", std::string("date"), canonical_keys(), "x.yaml"),
        ErrorKind::invalid, "'log' is not a list with one '- ' item per line; kith adds");
}

TEST_CASE("done refuses a value that is a map with items under one key (found by fuzzing)") {
    CHECK_REFUSED((set_item_field("n: A\nfollowups:\n  -llowups:\n  - {due: 2026-01-01}\n", "followups", 0, "done", "2026-11-28", "x.yaml")),
        ErrorKind::invalid, "'followups' is not a list with one '- ' item per line");
}

TEST_CASE("a colon inside a comment makes no key, so a text item gets no field (found by fuzzing)") {
    CHECK_REFUSED(set_item_field("0g:\nlog:\n-       do\n-   \n-\n     dc #:\n", "log", 2, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "item 3 of 'log' is not a map of 'key: value' lines");
}

}  // namespace unit_editor_keep
