// Issue 20, item 10: every YAML error says what to do, at its path:line:col; yaml-cpp's own
// words ("illegal map value", "end of sequence flow not found") never reach the user alone.
#include <doctest/doctest.h>

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_hints.hpp"
#include "kith/yaml/yaml_reader.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_yaml_hints {

using namespace kith;

// Returns "line:col: message" of the error reading `bytes` raises, or "" when it reads.
static std::string problem(const std::string& bytes) {
    try {
        read_yaml(bytes, "x.yaml");
    } catch (const Error& e) {
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
    }
    return "";
}

static bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("a value holding ': ' is to be quoted, and the line says how") {
    CHECK(problem("name: X\nnotes: Likes: tea, cats\n") ==
          "2:13: a value holding ': ' must be in quotes: put the value in quotes (write 'notes: \"Likes: tea, cats\"'); "
          "or, if this is a key, line it up with the keys around it");
    CHECK(has(problem("name: X\norg: A: B: C\n"), "(write 'org: \"A: B: C\"')"));
    CHECK(has(problem("name: X\nlog:\n  - note: a \"b\": c\n"), "(write 'note: \"a \\\"b\\\": c\"')"));
}

TEST_CASE("an unclosed bracket or brace is named where it opens, with how to close it") {
    const std::string closing = "is not closed: close it with ']' on its line";
    CHECK(problem("name: X\nemail: [a@b\ntier: core\n") ==
          "2:8: this '[' " + closing + " (or, if it is text, quote the value: \"[...\")");
    CHECK(has(problem("name: X\nemail: [a@b\n"), "2:8: this '[' " + closing));
    CHECK(has(problem("name: X\nemail: [a@b, c@d\n"), "2:8: this '[' " + closing));
    CHECK(has(problem("name: [x\n"), "1:7: this '[' " + closing));
    CHECK(has(problem("name: X\nlog:\n  - {date: 2026-01-01, note: x\n"), "3:5: this '{' is not closed: close it with '}'"));
    CHECK(has(problem("name: X\nnotes: \"[\"\ntags: [a, \"]\", b\n"), "3:7: this '['"));
}

TEST_CASE("the other yaml-cpp errors each say what to write") {
    CHECK(has(problem("name: X\ntags: [a, b]]\n"), "this ']' closes nothing: remove it, or put the value in quotes"));
    CHECK(has(problem("name: X\nnotes: @home\n"), "a value cannot start with '@': put the value in quotes (write 'notes: \"@home\"')"));
    CHECK(has(problem("name: X\nnotes: `x`\n"), "a value cannot start with '`'"));
    CHECK(has(problem("name: X\nnotes: \"a\\qb\"\n"), "write '\\\\' for a backslash, or use single quotes"));
    CHECK(has(problem("name: X\n- a\n"), "indent the keys of one map"));
    for (const std::string bad : {"name: X\nnotes: |x\n  a\n", "name: X\nnotes: *bold*\n", "a: [b\n", "a: {b: c\n",
                                  "name: X\nnotes: a: b\n"}) {
        const std::string said = problem(bad);
        INFO(bad, " -> ", said);
        CHECK(!said.empty());
        CHECK(!has(said, "illegal"));
        CHECK(!has(said, "not found"));
        CHECK((has(said, "quote") || has(said, "close") || has(said, "indent") || has(said, "put the text")));
    }
}

TEST_CASE("open_bracket_before skips brackets in quotes and comments") {
    CHECK(!open_bracket_before("a: [b]\nc: d\n", {2, 1}));
    CHECK(open_bracket_before("a: ['x]'\n", {2, 1})->column == 4);
    CHECK(!open_bracket_before("a: b # [c\nd: e\n", {2, 1}));
    CHECK(!open_bracket_before("notes: it's [fine] here\n", {2, 1}));
    const auto inner = open_bracket_before("a: [b, {c: d\n", {2, 1});
    REQUIRE(inner);
    CHECK(inner->column == 8);
}

}  // namespace unit_yaml_hints
