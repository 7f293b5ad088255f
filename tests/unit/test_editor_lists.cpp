// The editor's list operations: add an item in the list's own style, set a whole list.
#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_emit.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_editor_lists {

using namespace kith;

namespace {

std::vector<std::string> list_of(const std::string& text, const std::string& key) {
    const YamlValue root = read_yaml(text, "t.yaml");
    std::vector<std::string> out;
    if (const YamlValue* v = root.find(key))
        for (const auto& item : v->items) out.push_back(item.text);
    return out;
}

}  // namespace

TEST_CASE("add_list_item adds to a one-line flow list, keeping its style and comment") {
    const std::string text = "name: Ada\nemail: [a@x]  # work, mostly\nphone: []\n";
    const std::string out = add_list_item(text, "email", yaml_scalar("b@y"), canonical_keys(), "t.yaml");
    CHECK(out == "name: Ada\nemail: [a@x, b@y]  # work, mostly\nphone: []\n");
    CHECK(add_list_item(text, "phone", yaml_scalar("+44 1"), canonical_keys(), "t.yaml") == "name: Ada\nemail: [a@x]  # work, mostly\nphone: [\"+44 1\"]\n");
    CHECK(add_list_item("name: A\nemail: [ a ,b ]\n", "email", "c", canonical_keys(), "t.yaml") == "name: A\nemail: [ a ,b, c ]\n");
}

TEST_CASE("add_list_item: a missing key gets a flow list at its canonical place; a block list a new line") {
    CHECK(add_list_item("name: A\ntags: [x]\n", "email", "e@x", canonical_keys(), "t.yaml") == "name: A\nemail: [e@x]\ntags: [x]\n");
    CHECK(add_list_item("name: A\nemail:\n  - a@x  # one\n", "email", "b@x", canonical_keys(), "t.yaml") ==
          "name: A\nemail:\n  - a@x  # one\n  - b@x\n");
    CHECK(add_list_item("name: A\nemail: ~ # none yet\n", "email", "b@x", canonical_keys(), "t.yaml") == "name: A\nemail: [b@x] # none yet\n");
    CHECK(add_list_item("name: A\nemail: a@x\n", "email", "b@x", canonical_keys(), "t.yaml") == "name: A\nemail: [a@x, b@x]\n");
    // plain in a block, not in a flow list (found by fuzzing)
    CHECK(list_of(add_list_item("name: A\ntags: a?b  # c\n", "tags", "x", canonical_keys(), "t.yaml"), "tags") ==
          std::vector<std::string>{"a?b", "x"});
}

TEST_CASE("add_list_item keeps hostile text readable, quoted brackets and hashes included") {
    const std::vector<std::string> hostile = {"a, b", "]", "[x]", "#c", "a: b", "- x", "yes", "\"q\"", "x\ty\x01", "~", "}"};
    std::string text = "name: A\ntags: [\"]#\", 'it''s']  # keep\n";
    std::vector<std::string> expected = {"]#", "it's"};
    for (const auto& h : hostile) {
        text = add_list_item(text, "tags", yaml_scalar(h), canonical_keys(), "t.yaml");
        expected.push_back(h);
        CHECK(list_of(text, "tags") == expected);
    }
    CHECK(text.find("  # keep\n") != std::string::npos);
    CHECK(text.find('\n') == text.find("\ntags:"));  // still one line
}

TEST_CASE("add_list_item refuses what it cannot add to without changing meaning") {
    CHECK_REFUSED(add_list_item("name: A\nemail: [a,\n  b]\n", "email", "c", canonical_keys(), "t.yaml"),
        ErrorKind::invalid, "'email' is a list written over several lines; kith adds");
    CHECK_REFUSED(add_list_item("name: A\nemail: a, b\n", "email", "c", canonical_keys(), "t.yaml"),
        ErrorKind::invalid, "'email' is not a list kith can add to; write it as [a, b]");
    CHECK_REFUSED(add_list_item("name: A\nemail: |\n  a\n", "email", "c", canonical_keys(), "t.yaml"),
        ErrorKind::invalid, "'email' is not a list kith can add to; write it as [a, b]");
    CHECK_REFUSED((add_list_item("name: A\nemail: {a: b}\n", "email", "c", canonical_keys(), "t.yaml")),
        ErrorKind::invalid, "'email' is not a list kith can add to; write it as [a, b]");
}

TEST_CASE("set_list replaces a list whole, flow or block, and keeps the comment") {
    CHECK(set_list("name: A\ntags: [a]  # mine\n", "tags", {"x, y", "#z"}, canonical_keys()) == "name: A\ntags: [\"x, y\", \"#z\"]  # mine\n");
    const std::string out = set_list("name: A\ntags:\n  - a\n  - b\nnotes: n\n", "tags", {"c"}, canonical_keys());
    CHECK(out == "name: A\ntags: [c]\nnotes: n\n");
    CHECK(list_of(set_list("name: A\n", "email", {"]", "a: b"}, canonical_keys()), "email") == std::vector<std::string>{"]", "a: b"});
    CHECK(list_of(set_list("name: A\nemail: [a]\n", "email", {}, canonical_keys()), "email").empty());
}

// Issue 18, item 13: an import merging thousands of values edits each list once.
TEST_CASE("add_list_items and insert_items add many items in one edit, in the list's own style") {
    const std::vector<std::string> three = {"b@x", "c@x", "d@x"};
    CHECK(add_list_items("name: A\nemail: [a@x]  # work\n", "email", three, canonical_keys(), "t.yaml") ==
          "name: A\nemail: [a@x, b@x, c@x, d@x]  # work\n");
    CHECK(add_list_items("name: A\nemail:\n  - a@x\n", "email", three, canonical_keys(), "t.yaml") ==
          "name: A\nemail:\n  - a@x\n  - b@x\n  - c@x\n  - d@x\n");
    CHECK(list_of(add_list_items("name: A\n", "email", three, canonical_keys(), "t.yaml"), "email") == three);
    CHECK(add_list_items("name: A\nemail: a@x\n", "email", three, canonical_keys(), "t.yaml") == "name: A\nemail: [a@x, b@x, c@x, d@x]\n");
    CHECK(add_list_items("name: A\n", "email", {}, canonical_keys(), "t.yaml") == "name: A\n");
    CHECK(insert_items("name: A\ndates:\n  - {date: --01-01, what: x}\n", "dates", {"{date: --02-02, what: y}", "{date: --03-03, what: z}"}, canonical_keys(),
                       "t.yaml") == "name: A\ndates:\n  - {date: --01-01, what: x}\n  - {date: --02-02, what: y}\n  - {date: --03-03, what: z}\n");
    // Thousands in one edit: the result reads, with every item in order.
    std::vector<std::string> many;
    for (int i = 0; i < 3000; ++i) many.push_back(yaml_scalar("+44 20 " + std::to_string(1000000 + i)));
    const auto phones = list_of(add_list_items("name: A\nphone: [\"+1\"]\n", "phone", many, canonical_keys(), "t.yaml"), "phone");
    REQUIRE(phones.size() == 3001);
    CHECK(phones.back() == "+44 20 1002999");
}

}  // namespace unit_editor_lists
