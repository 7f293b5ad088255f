// A quoted value may run on over several lines, and a line of it may look like a comment or a
// key. Every edit takes those lines as the value's text: it keeps them whole, or refuses.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_check.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/error.hpp"
#include "kith/edit/undo.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_editor_quoted {

using namespace kith;

namespace {

// Top-level values written so that a line of their text starts with '#', '- ' or 'key:'.
const std::vector<std::string> run_on_values = {
    "\"a\n  # not a comment\"",
    "'a\n  # not a comment, it''s text'",
    "\"a\n  - not an item\n  # nor a comment\"",
    "\"a\n  b: not a key\n\n  #c\"",
    "\"a\\\n  # escaped line break\"",
};

std::string text_of(const YamlValue& root, const std::string& key) {
    const YamlValue* value = root.find(key);
    return value ? value->text : std::string("<none>");
}

// Runs an edit: it must refuse with an Error or give a file that parses with `note` as before.
void edit_keeps_note(const std::string& before, const std::function<std::string(const std::string&)>& edit) {
    const std::string note = text_of(read_yaml(before, "t.yaml"), "note");
    std::string after;
    try {
        after = edit(before);
    } catch (const Error&) {
        return;  // a refusal is fine
    }
    CAPTURE(before);
    CAPTURE(after);
    YamlValue root;
    REQUIRE_NOTHROW(root = read_yaml(after, "t.yaml"));
    CHECK(text_of(root, "note") == note);
}

}  // namespace

TEST_CASE("the lines a quoted value runs on to are its text, not comments or keys") {
    for (const auto& value : run_on_values) {
        const std::string text = "name: A\nnote: " + value + "\ntags: [x]\n";
        CAPTURE(text);
        const editing::Lines file(text);
        const size_t note_lines = static_cast<size_t>(std::count(value.begin(), value.end(), '\n')) + 1;
        for (size_t i = 0; i < file.lines.size(); ++i) CHECK(file.scalar[i] == (i >= 2 && i < 1 + note_lines));
        CHECK(editing::find_key(file, "tags") == 1 + note_lines);
    }
    // An apostrophe inside plain text opens nothing.
    const editing::Lines plain("note: it's\n  # a comment\ntags: [x]\n");
    CHECK(plain.scalar == std::vector<bool>{false, false, false});
}

TEST_CASE("every edit keeps a top-level quoted value that runs on, or refuses") {
    for (const auto& value : run_on_values) {
        const std::string text = "name: A\nnote: " + value + "\nlog:\n  - {date: 2026-01-01, kind: call}\n";
        edit_keeps_note(text, [](const std::string& t) { return add_list_item(t, "note", "x", canonical_keys(), "t.yaml"); });
        edit_keeps_note(text, [](const std::string& t) { return add_list_item(t, "email", "x", canonical_keys(), "t.yaml"); });
        edit_keeps_note(text, [](const std::string& t) { return set_top_level(t, "tier", "close", canonical_keys()); });
        edit_keeps_note(text, [](const std::string& t) {
            return insert_item(t, "log", "{date: 2026-02-01, kind: lunch}", std::string("date"), canonical_keys(), "t.yaml");
        });
        edit_keeps_note(text, [](const std::string& t) { return remove_item(t, "log", 0, "t.yaml"); });
        edit_keeps_note(text, [](const std::string& t) { return remove_top_level(t, "log"); });
        // Setting the value itself replaces all of its lines.
        const std::string set = set_top_level(text, "note", "b", canonical_keys());
        CHECK(set == "name: A\nnote: b\nlog:\n  - {date: 2026-01-01, kind: call}\n");
    }
}

TEST_CASE("a log entry whose note runs on is removed, or kept, whole") {
    for (const auto& value : run_on_values) {
        std::string indented;  // the value's lines under an item
        for (const char c : value) {
            indented += c;
            if (c == '\n') indented += "    ";
        }
        const std::string text = "name: A\nlog:\n  - date: 2026-01-01\n    note: " + indented +
                                 "\n  - date: 2026-02-01\n    note: " + indented + "\nnote: end\n";
        CAPTURE(text);
        const YamlValue before = read_yaml(text, "t.yaml");
        const std::string second = before.find("log")->items[1].find("note")->text;
        const std::string first_removed = remove_item(text, "log", 0, "t.yaml");
        const YamlValue after = read_yaml(first_removed, "t.yaml");
        REQUIRE(after.find("log")->items.size() == 1);
        CHECK(after.find("log")->items[0].find("note")->text == second);
        CHECK(text_of(after, "note") == "end");
        const std::string last_removed = remove_item(text, "log", 1, "t.yaml");
        const YamlValue kept = read_yaml(last_removed, "t.yaml");
        REQUIRE(kept.find("log")->items.size() == 1);
        CHECK(text_of(kept, "note") == "end");
        edit_keeps_note(text, [](const std::string& t) {
            return insert_item(t, "log", "{date: 2026-03-01, kind: lunch}", std::string("date"), canonical_keys(), "t.yaml");
        });
        edit_keeps_note(text, [](const std::string& t) { return set_item_field(t, "log", 0, "done", "2026-11-28", "t.yaml"); });
    }
}

TEST_CASE("a new log entry is placed by the items' own days, not by a day inside a note's text") {
    const std::string text = "name: A\nlog:\n  - note: \"x\n      date: 2027-01-01\"\n    date: 2026-05-01\n  - date: 2026-09-01\n";
    const std::string out = insert_item(text, "log", "{date: 2026-06-01, kind: call}", std::string("date"), canonical_keys(), "t.yaml");
    const YamlValue root = read_yaml(out, "t.yaml");
    const auto& items = root.find("log")->items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].find("date")->text == "2026-05-01");
    CHECK(items[1].find("date")->text == "2026-06-01");
    CHECK(items[2].find("date")->text == "2026-09-01");
}

// Red team: whether a file has an open quote is judged line by line, from the first quote; a
// plain text with a quote in it ('say"hi', "it's") before the value's opening quote on the same
// line pairs with it, the line looks closed, and the value's lines are taken as they look.
TEST_CASE("a quoted value that runs on is its text also after a plain text with a quote on its line") {
    const std::string text =
        "name: A\nlog:\n  - {date: 2026-01-01, kind: say\"hi, note: \"multi\n    # last line\"} # \"\n";
    REQUIRE_NOTHROW(read_yaml(text, "t.yaml"));
    const editing::Lines file(text);
    CHECK(file.scalar[3]);
    std::string out;
    REQUIRE_NOTHROW(out = insert_item(text, "log", "{date: 2026-02-01, kind: lunch}", std::string("date"), canonical_keys(), "t.yaml"));
    CAPTURE(out);
    YamlValue root;
    REQUIRE_NOTHROW(root = read_yaml(out, "t.yaml"));
    REQUIRE(root.find("log")->items.size() == 2);
    CHECK(root.find("log")->items[0].find("note")->text == "multi # last line");
}

// Red team: the same for a 'date:' inside a quoted note on the item's own line, or in a comment.
TEST_CASE("a new log entry is placed by the items' own days, not by a day in a one-line note or comment") {
    for (const std::string first : {"  - {note: \"moved the date: 2027-01-01\", date: 2026-01-01}\n",
                                    "  - {note: 'a date: 2027-01-01', date: 2026-01-01}\n",
                                    "  - kind: call # date: 2027-01-01\n    date: 2026-01-01\n"}) {
        const std::string text = "name: A\nlog:\n" + first + "  - {date: 2026-03-01}\n";
        CAPTURE(text);
        const std::string out = insert_item(text, "log", "{date: 2026-04-01, kind: call}", std::string("date"), canonical_keys(), "t.yaml");
        const YamlValue root = read_yaml(out, "t.yaml");
        const auto& items = root.find("log")->items;
        REQUIRE(items.size() == 3);
        CHECK(items[0].find("date")->text == "2026-01-01");
        CHECK(items[2].find("date")->text == "2026-04-01");
    }
}

TEST_CASE("checked_edit refuses a result in which another value, or its own, reads otherwise than meant") {
    const std::string before = "name: A\nnotes: |+\n  a\n\nlog:\n  - {date: 2026-01-01}\n";
    const YamlValue root = read_yaml(before, "t.yaml");
    const auto any = [](const YamlValue*, const YamlValue*) { return true; };
    // The same values, laid out otherwise: fine.
    CHECK_NOTHROW(editing::checked_edit(root, "name: A\nnotes: \"a\\n\\n\"\nlog: [{date: 2026-01-01}]\n", "log", "t.yaml", any));
    // A blank line more after a '|+' text is a change of 'notes', named with its place.
    try {
        editing::checked_edit(root, "name: A\nnotes: |+\n  a\n\n\nlog: []\n", "log", "t.yaml", any);
        FAIL("no refusal");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("'notes'") != std::string::npos);
        CHECK(e.where().line == 2);
    }
    // Keys in another order, one gone, or one more: refused.
    CHECK_REFUSED(editing::checked_edit(root, "notes: \"a\\n\\n\"\nname: A\nlog: []\n", "log", "t.yaml", any),
        ErrorKind::invalid, "kith cannot change 'log' here without changing 'name' too;");
    CHECK_REFUSED(editing::checked_edit(root, "name: A\nlog: []\n", "log", "t.yaml", any),
        ErrorKind::invalid, "kith cannot change 'log' here without changing 'notes' too;");
    CHECK_REFUSED(editing::checked_edit(root, "name: A\nnotes: \"a\\n\\n\"\ntier: close\nlog: []\n", "log", "t.yaml", any),
        ErrorKind::invalid, "kith cannot change 'log' here without changing 'tier' too;");
    // Its own key: as the edit meant, or refused; a result that does not read, refused.
    CHECK_REFUSED(editing::checked_edit(root, "name: A\nnotes: \"a\\n\\n\"\nlog: []\n", "log", "t.yaml", editing::one_item_more),
        ErrorKind::invalid, "kith cannot tell how 'log' is written here well enough to");
    CHECK_NOTHROW(editing::checked_edit(root, "name: A\nnotes: \"a\\n\\n\"\nlog: [{date: 2026-01-01}, {date: 2026-02-01}]\n", "log", "t.yaml", editing::one_item_more));
    CHECK_REFUSED(editing::checked_edit(root, "name: A\nnotes: [\n", "log", "t.yaml", any),
        ErrorKind::invalid, "kith cannot change 'log' here without leaving the file");
}

}  // namespace unit_editor_quoted
