// Issue 8, item 13: what fuzz/fuzz_editor found. Each input is a file that reads without error;
// an edit either refuses it with an Error or returns a file that reads again.
#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "keeps_values.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_editor_fuzz {

using namespace kith;

namespace {

// The file reads, as the fuzz target requires of its input.
bool reads(const std::string& text) {
    try {
        read_yaml(text, "x.yaml");
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

TEST_CASE("a key the editor cannot see is refused, never written twice (found by fuzzing)") {
    // yaml-cpp reads "''#..." as the key '' followed by a comment; kith sees no key on that line.
    const std::string quoted_then_comment = "naem:\n \n''#'''''{d'tier: ";
    const std::string other = "db2o:':\n'u$'#:";
    for (const auto& text : {quoted_then_comment, other}) {
        CAPTURE(text);
        CHECK(!reads(text));  // the reader refuses it now, and so does every edit
        CHECK_REFUSED((insert_item(text, "tier", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml")),
            ErrorKind::invalid,
                      "is not 'key: value'");
        CHECK_REFUSED(set_top_level(text, "tier", "close", canonical_keys()),
            ErrorKind::invalid, "is not 'key: value'");
    }
}

TEST_CASE("a plain value is not written before a line indented with a tab (found by fuzzing)") {
    // yaml-cpp reads the lines after a plain value as its continuation and fails on the tab.
    CHECK_REFUSED(insert_item("\nlog:\n\n \t#        -   ", "log", "plain", std::string("date"), canonical_keys(), "x.yaml"),
        ErrorKind::invalid, "a line indented with a tab follows where kith would write;");
    CHECK_REFUSED(set_top_level("tier:\n \t# c\nname: A\n", "tier", "close", canonical_keys()),
        ErrorKind::invalid, "a line indented with a tab follows where kith would write;");
    CHECK_REFUSED(set_item_field("followups:\n  - due: 2026-12-01\n    done:\n \t# c\n", "followups", 0, "done",
                                   "2026-11-28", "x.yaml"), ErrorKind::invalid, "a line indented with a tab follows where kith would write;");
    // A flow item stops where it closes, so the tab line does no harm.
    CHECK(insert_item("log:\n  - {date: 2026-01-01}\n \t# old\nname: A\n", "log", "{date: 2026-01-02}",
                      std::string("date"), canonical_keys(), "x.yaml") ==
          "log:\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n \t# old\nname: A\n");
}

TEST_CASE("nothing goes after a block scalar that runs to the end of a file without a newline (found by fuzzing)") {
    // yaml-cpp reads the blank last line " " as part of the folded text (a trailing space);
    // a line after it would change that text.
    const std::string folded = "namaudg:\nu<<<<<<<dg:\n- >\n\n\n\n >>>. |\n ";
    REQUIRE(reads(folded));
    CHECK_REFUSED(set_top_level(folded, "tier", "close", canonical_keys()),
        ErrorKind::invalid, "the file ends inside a block scalar (| or >) without a");
    CHECK_REFUSED((insert_item(folded, "log", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml")),
        ErrorKind::invalid, "the file ends inside a block scalar (| or >) without a");
    const std::string longer = "-cme ++ldg:\n- >\n\n\n g:>>>A l: Ad| < l\n  \"/:tiers\n |e |\n r/\t/6`<\n @\n ";
    REQUIRE(reads(longer));
    CHECK_REFUSED(set_top_level(longer, "tier", "close", canonical_keys()),
        ErrorKind::invalid, "the file ends inside a block scalar (| or >) without a");
    // With its final newline the file takes the line.
    CHECK(set_top_level("notes: >\n  text\n\n", "tier", "close", canonical_keys()) == "tier: close\nnotes: >\n  text\n\n");
}

TEST_CASE("a quoted key is found by the text it reads as, never written twice") {
    // The reader reads "ti\x65r" and 'lo''g' as tier and lo'g; the line model reads them so too.
    const std::string escaped = "name: A\n\"ti\\x65r\": core\n";
    REQUIRE(read_yaml(escaped, "x.yaml").find("tier") != nullptr);
    CHECK(set_top_level(escaped, "tier", "close", canonical_keys()) == "name: A\n\"ti\\x65r\": close\n");
    CHECK(insert_item("name: A\n'lo''g': ~\n", "lo'g", "{date: 2026-11-28}", std::string("date"), canonical_keys(), "x.yaml") ==
          "name: A\n'lo''g':\n  - {date: 2026-11-28}\n");
    // "tier\x20" is another key: tier is added beside it.
    CHECK(set_top_level("name: A\n\"tier\\x20\": core\n", "tier", "close", canonical_keys()) == "name: A\ntier: close\n\"tier\\x20\": core\n");
    // A quoted key without escapes is found.
    CHECK(set_top_level("name: A\n\"tier\": core\n", "tier", "close", canonical_keys()) == "name: A\n\"tier\": close\n");
}

TEST_CASE("a quote inside a plain word of a flow item opens no quoted text (found by fuzzing)") {
    // In "d8':'=" the ':' is text (no blank after it), so the quote after it is text too; read as
    // a quote, it hid the nested map's end and done went into that map.
    const std::string text = "en: Aam\nfollowups:\n  - {d0L d8':'=\tLLLLa: {byS'p}}\n  - due:'=\t#L";
    REQUIRE(reads(text));
    CHECK(set_item_field(text, "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "en: Aam\nfollowups:\n  - {d0L d8':'=\tLLLLa: {byS'p}, done: 2026-11-28}\n  - due:'=\t#L");
    // After a quoted key, ':' needs no blank ("due":x); a key with an escape is refused.
    CHECK(set_item_field("followups:\n  - {\"due\":2026-12-01, \"done\":~}\n", "followups", 0, "done", "2026-11-28",
                         "x.yaml") == "followups:\n  - {\"due\":2026-12-01, \"done\": 2026-11-28}\n");
    CHECK_REFUSED((set_item_field("followups:\n  - {due: 2026-12-01, \"d\\x6fne\": ~}\n", "followups", 0, "done",
                                   "2026-11-28", "x.yaml")), ErrorKind::invalid, "kith cannot tell the keys of item 1 of 'followups' apart;");
}

TEST_CASE("done edits only an item the reader reads there too (found by fuzzing)") {
    // A plain text on the key's line runs on over the '- ' lines under it: they are no items.
    const std::string text = "n: Aam\nfollowups:     date:'\"'-   ----e0I:------- \n  - {LLL\t\tcccc.}\n"
                             "  - due:6962 N&u\t=4e\t&u\t=\t#";
    REQUIRE(reads(text));
    CHECK_REFUSED(set_item_field(text, "followups", 0, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "kith cannot tell the items of 'followups' apart; write one");
    // A key without ': ' in a flow item ({a, due: x}) is the reader's too, so done still goes in.
    CHECK(set_item_field("followups:\n  - {call, due: 2026-12-01}\n", "followups", 0, "done", "2026-11-28", "x.yaml") ==
          "followups:\n  - {call, due: 2026-12-01, done: 2026-11-28}\n");
}

TEST_CASE("a block scalar's header after blanks and a tab is one too (found by fuzzing)") {
    // " \t>" on the line after a key starts a folded text that here runs to the end of a file
    // without a newline: a key after it keeps that text (the header strips the newline added).
    const std::string text = "o:\n\n \t># aog\n\n \t   # ";
    REQUIRE(reads(text));
    CHECK(keeps_values(text, set_top_level(text, "name", "x", canonical_keys())));
    // With a final newline, the key goes after the text and the text stays the same.
    const std::string ended = text + "\n";
    const std::string out = set_top_level(ended, "name", "x", canonical_keys());
    CHECK(out.starts_with(ended));
    CHECK(reads(out));
}

TEST_CASE("a header with a comment that looks like a key ('># o:') is a header (found by fuzzing)") {
    const std::string text = "o:\n\n \t># o:\n\n \t>ogaog\n\n \t   # ";
    REQUIRE(reads(text));
    CHECK(keeps_values(text, set_top_level(text, "name", "x", canonical_keys())));
    const std::string out = set_top_level(text + "\n", "name", "x", canonical_keys());
    CHECK(out.starts_with(text + "\n"));
    CHECK(reads(out));
}

TEST_CASE("a field goes only into an item the reader reads as a map (found by fuzzing)") {
    // After "-\t", " \t># ..." starts a folded text: the item is text, so done is refused.
    const std::string text = "log:\n-\t\n \t># aNKN  : \"   o\n \tg\n \tg\n";
    REQUIRE(reads(text));
    CHECK_REFUSED(set_item_field(text, "log", 0, "done", "2026-11-28", "x.yaml"),
        ErrorKind::invalid, "item 1 of 'log' is not a map of 'key: value' lines");
}

TEST_CASE("a text that becomes a list's first item keeps its value when quoted anew (found by fuzzing)") {
    // U+0087 (a C1 control) is written as "\x87" when the text moves into a flow list; the
    // value reads back the same, and the block scalar after it is untouched.
    const std::string text = "name: Ada\ntier: coi\xC2\x87" "ceptep\nnotes: |+\n ltg:\n  - {date: 2026h}\n";
    REQUIRE(reads(text));
    const std::string out = add_list_item(text, "tier", "x", canonical_keys(), "x.yaml");
    const YamlValue file = read_yaml(out, "x.yaml");
    const YamlValue* tier = file.find("tier");
    REQUIRE(tier != nullptr);
    REQUIRE(tier->items.size() == 2);
    CHECK(tier->items[0].text == "coi\xC2\x87" "ceptep");
    CHECK(tier->items[1].text == "x");
    CHECK(file.find("notes")->text == read_yaml(text, "x.yaml").find("notes")->text);
}

TEST_CASE("adding to a one-line list with a trailing comma adds one item, not an empty one too (found by fuzzing)") {
    for (const std::string list : {"[l#,]", "[a,]", "[a, b,  ]", "['q',]"}) {
        CAPTURE(list);
        const std::string text = "W: |-\nlog: " + list + "\n\n";
        const YamlValue before = read_yaml(text, "x.yaml");
        const std::string out = add_list_item(text, "log", "x", canonical_keys(), "x.yaml");
        const YamlValue after = read_yaml(out, "x.yaml");
        const YamlValue* now = after.find("log");
        REQUIRE(now != nullptr);
        REQUIRE(now->items.size() == before.find("log")->items.size() + 1);
        CHECK(now->items.back().text == "x");
        for (const auto& item : now->items) CHECK_FALSE(item.text.empty());
    }
}

TEST_CASE("adding to a list written as an empty text ('' or \"\") gives a list of that one item (found by fuzzing)") {
    for (const std::string empty : {"''", "\"\""}) {
        const std::string text = "og:\n\n\nlog: " + empty + "\n':': y\n";
        const std::string out = add_list_item(text, "log", "x", canonical_keys(), "x.yaml");
        const YamlValue file = read_yaml(out, "x.yaml");
        REQUIRE(file.find("log") != nullptr);
        REQUIRE(file.find("log")->items.size() == 1);
        CHECK(file.find("log")->items[0].text == "x");
        CHECK(file.find(":")->text == "y");
    }
}

TEST_CASE("a '|+' text that ends the file keeps its text when a key goes after it: '+' becomes '-' (found by fuzzing)") {
    const std::string text = "name: Ada\nnotes: |+\n ltg:2\n 052h} ";
    REQUIRE(reads(text));
    const std::string out = set_top_level(text, "snooze", "2026-12-01", canonical_keys(), "x.yaml");
    CHECK(out == "name: Ada\nnotes: |-\n ltg:2\n 052h} \nsnooze: 2026-12-01\n");
    CHECK(keeps_values(text, out));
}

}  // namespace unit_editor_fuzz
