// The line model: a text lexed once into lines (yaml_lines.hpp), the syntax of one line
// (yaml_line_syntax.hpp) and flow collections on one line (yaml_flow.hpp).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "kith/yaml/yaml_flow.hpp"
#include "kith/yaml/yaml_line_syntax.hpp"
#include "kith/yaml/yaml_lines.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_yaml_lines {

using namespace kith;
using namespace kith::yaml_lines;

namespace {

// The lines of `text`, marked with what the reader reads of it.
std::vector<YamlLine> lexed(std::string_view text) {
    auto lines = lex_lines(text);
    const YamlValue root = read_yaml(text, "t.yaml");
    mark_values(lines, text, &root);
    return lines;
}

// Which lines are the text of a value begun above, as a string of 0s and 1s.
std::string in_value(std::string_view text) {
    std::string marks;
    for (const auto& line : lexed(text)) marks += line.in_value ? '1' : '0';
    return marks;
}

}  // namespace

TEST_CASE("lex_lines: offsets, contents and endings, CRLF and a last line without one") {
    const std::string text = "name: Ada\r\nemail: [a@x]  # work\n\n  - x\r\nlast";
    const auto lines = lex_lines(text);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].content_in(text) == "name: Ada");
    CHECK(lines[0].ending == 2);
    CHECK(lines[0].whole_in(text) == "name: Ada\r\n");
    CHECK(lines[1].start == 11);
    CHECK(lines[1].ending == 1);
    CHECK(lines[2].size == 0);
    CHECK(lines[3].indent == 2);
    CHECK(lines[3].ending == 2);
    CHECK(lines[4].content_in(text) == "last");
    CHECK(lines[4].ending == 0);
    CHECK(lex_lines("").empty());
    CHECK(lex_lines("\n").size() == 1);
}

TEST_CASE("lex_lines: key lines, their key span and value, at column 0 only") {
    const std::string text = "email: [a@x]  # work\n  inner: x\n'it''s' : v\n# note: x\n- item: x\ndc #: x\n";
    const auto lines = lex_lines(text);
    REQUIRE(lines[0].key);
    CHECK(lines[0].key->end == 5);
    CHECK(!lines[0].key->quoted);
    CHECK(lines[0].content_in(text).substr(lines[0].value.start, lines[0].value.end - lines[0].value.start) == "[a@x]");
    CHECK(!lines[1].key);  // indented: a key of a nested map, not a key line
    REQUIRE(lines[2].key);
    CHECK(lines[2].key->quoted);
    CHECK(lines[2].key->end == 7);
    CHECK(lines[2].key->after_colon == 9);
    CHECK(!lines[3].key);  // a comment
    CHECK(!lines[4].key);  // an item
    CHECK(!lines[5].key);  // a comment before any ': '
}

TEST_CASE("key_span: markers, tabs before the colon, colons inside a key, unclosed quoted keys") {
    CHECK(!key_span("---"));
    CHECK(!key_span("--- x: y"));
    CHECK(!key_span("..."));
    REQUIRE(key_span("---es: x"));
    CHECK(key_span("---es: x")->end == 5);
    REQUIRE(key_span("log\t: x"));
    CHECK(key_span("log\t: x")->end == 3);
    REQUIRE(key_span("url:x: y"));
    CHECK(key_span("url:x: y")->end == 5);
    CHECK(key_span("key:"));
    CHECK(key_span("key:\r\n"));
    CHECK(!key_span("key:x"));
    CHECK(!key_span("\"open: x"));
    CHECK(!key_span("\tkey: x"));
    CHECK(!key_span("-"));
}

TEST_CASE("mark_values: a literal block scalar's text, blank lines in it, and where it ends") {
    CHECK(in_value("note: |\n  one\n\n  # not a comment\nname: x\n") == "01110");
    // Clipped: the blank lines after the text are not its own; kept (|+): they are.
    CHECK(in_value("note: |\n  one\n\n\nname: x\n") == "01000");
    CHECK(in_value("note: |+\n  one\n\n\nname: x\n") == "01110");
    CHECK(in_value("note: >-\n  folded\n  text\nname: x\n") == "0110");
}

TEST_CASE("mark_values: an indentation indicator sets the text's column") {
    // |2 under a top-level key: the text is indented past column 2, so its first line's deeper
    // indentation is text, and a line at 2 spaces is still text.
    CHECK(in_value("note: |2\n    deep\n  shallow\nname: x\n") == "0110");
    CHECK(in_value("list:\n- |1\n  x\n y\nname: z\n") == "00110");
}

TEST_CASE("mark_values: block scalars under items and with a comment after the header") {
    CHECK(in_value("log:\n  - |\n    a: b\n    - c\n  - d\n") == "00110");
    CHECK(in_value("note: |  # a comment\n  text\nname: x\n") == "010");
}

TEST_CASE("mark_values: a quoted value that runs on over lines, from the reader's marks") {
    CHECK(in_value("note: \"one\n  # not a comment\n  name: no key\"\nname: x\n") == "0110");
    CHECK(in_value("note: 'it''s\n  two'\nname: x\n") == "010");
    // A quote inside plain text opens nothing: the reader says which quotes open a value.
    CHECK(in_value("note: o'neil\n# comment 'x\nname: x\n") == "000");
    // Without the reader's view, no quoted run is marked, but block scalars still are.
    const std::string text = "note: \"a\n  b\"\nlog: |\n  x\n";
    auto lines = lex_lines(text);
    mark_values(lines, text, nullptr);
    CHECK(!lines[1].in_value);
    CHECK(lines[3].in_value);
}

TEST_CASE("mark_values: CRLF line endings mark as LF ones do") {
    CHECK(in_value("note: |\r\n  one\r\n\r\n  two\r\nname: x\r\n") == "01110");
    CHECK(in_value("note: \"a\r\n  b\"\r\nname: x\r\n") == "010");
}

TEST_CASE("mark_values: a flow list over lines is no block scalar and no quoted run") {
    CHECK(in_value("email: [a@x,\n  b@y]\nname: x\n") == "000");
    CHECK(in_value("tags: ['a\n  b', c]\nname: x\n") == "010");  // the quoted item runs on
}

TEST_CASE("block_header: chomping, indentation indicator, header on its own line, items") {
    const auto literal = block_header("note: |+2  # c");
    REQUIRE(literal);
    CHECK(literal->chomp == '+');
    CHECK(literal->explicit_indent == 2);
    CHECK(literal->indicator == 6);
    CHECK(literal->indicator_end == 9);
    CHECK(literal->parent == 0);
    const auto alone = block_header("  >-");
    REQUIRE(alone);
    CHECK(alone->parent == std::string_view::npos);
    CHECK(alone->chomp == '-');
    const auto item = block_header("  - - |");
    REQUIRE(item);
    CHECK(item->parent == 4);
    CHECK(!block_header("note: | text"));
    CHECK(!block_header("note: a | b"));
    CHECK(block_header("note: |\r\n"));
}

TEST_CASE("line syntax: indentation counts spaces, not tabs; items, blanks and comments") {
    CHECK(indent_of("  \tx") == 2);
    CHECK(indent_of("\t  x") == 0);
    CHECK(is_item_line("  -\tx"));
    CHECK(is_item_line("-"));
    CHECK(!is_item_line("-x"));
    CHECK(!is_item_line("---"));
    CHECK(is_blank(" \t\r\n"));
    CHECK(is_blank_or_comment("\t# x\n"));
    CHECK(!is_blank_or_comment("x # y"));
    CHECK(content("a\r\n") == "a");
    CHECK(line_ending("a\r\n") == "\r\n");
    CHECK(line_ending("a") == "");
}

TEST_CASE("skip_quoted: escapes of double quotes, doubled single quotes, unclosed quotes") {
    CHECK(skip_quoted(R"("a\"b" x)", 0) == 6);
    CHECK(skip_quoted("'it''s' x", 0) == 7);
    CHECK(skip_quoted("'open", 0) == std::string_view::npos);
    CHECK(skip_quoted("\"a\nb\"", 0) == 5);
}

TEST_CASE("inline_value: quoted values keep a ' #' inside, plain ones end at a comment") {
    const std::string_view quoted = "note: \"a # b\"  # c";
    const auto value = inline_value(quoted, 5);
    CHECK(quoted.substr(value.start, value.end - value.start) == "\"a # b\"");
    const std::string_view plain = "note: a#b\t# c";
    const auto plain_value = inline_value(plain, 5);
    CHECK(plain.substr(plain_value.start, plain_value.end - plain_value.start) == "a#b");
    const auto none = inline_value("note: # c", 5);
    CHECK(none.start == none.end);
}

TEST_CASE("flow_list_close: nested collections, quoted commas and brackets, comments, lines") {
    CHECK(flow_list_close("email: [a, 'b]', {c: [d]}]  # x", 7) == 25);
    CHECK(flow_list_close("email: [a, \"x\\\"]\"]", 7) == 17);
    CHECK(flow_list_close("email: [o'neil]", 7) == 14);
    CHECK(flow_list_close("email: [a,", 7) == std::string_view::npos);  // runs on over lines
    CHECK(flow_list_close("email: [a #, b]", 7) == std::string_view::npos);
    CHECK(flow_list_close("email: [a}", 7) == std::string_view::npos);
}

TEST_CASE("read_flow_map: entries and their value spans, quoted and escaped keys, unclosed maps") {
    const std::string_view body = "- {due: , 'note': x y , \"a\\tb\": 1, in: {k: v}}";
    const FlowMap map = read_flow_map(body, 2);
    CHECK(map.close == body.size() - 1);
    REQUIRE(map.entries.size() == 4);
    CHECK(map.entries[0].key == "due");
    CHECK(map.entries[0].value_start == map.entries[0].value_end);
    CHECK(map.entries[1].key == "note");
    CHECK(body.substr(map.entries[1].value_start, map.entries[1].value_end - map.entries[1].value_start) == "x y");
    CHECK(map.entries[2].escaped);
    CHECK(map.entries[3].key == "in");
    CHECK(read_flow_map("- {due: x,", 2).close == std::string_view::npos);
}

TEST_CASE("comment_at: after a blank, not in a quoted value, not in plain text, not past a run-on quote") {
    CHECK(comment_at("# whole line") == 0);
    CHECK(comment_at("org: Acme  # since 2020") == 11);
    CHECK(comment_at("org: a#b") == std::string_view::npos);
    CHECK(comment_at("note: \"a # b\" # c") == 14);
    CHECK(comment_at("note: it's # c") == 11);  // a quote inside plain text opens nothing
    CHECK(comment_at("tags: [a,'# x'] #y") == 16);
    CHECK(comment_at("note: 'runs on # x") == std::string_view::npos);
    CHECK(comment_at("\t# tab") == 1);
}

TEST_CASE("flow_entry_end: an entry's end before a comma or a closing bracket, nested, quoted, or not on this line") {
    const std::string_view line = "log: [{date: 2026-01-02, kind: call}, 'a, b' , c]";
    CHECK(line.substr(6, flow_entry_end(line, 6) - 6) == "{date: 2026-01-02, kind: call}");
    CHECK(line.substr(38, flow_entry_end(line, 38) - 38) == "'a, b'");
    CHECK(flow_entry_end(line, 47) == 48);
    CHECK(flow_entry_end("tags: [a, b", 10) == std::string_view::npos);
    CHECK(flow_entry_end("tags: [a #, b]", 7) == std::string_view::npos);
}

TEST_CASE("offset_of and line_at: the reader's 1-based marks and byte offsets") {
    const std::string text = "a: 1\r\nbb: 2\nc: 3";
    const auto lines = lex_lines(text);
    CHECK(offset_of(lines, 2, 5) == 10);
    CHECK(offset_of(lines, 4, 1) == std::string_view::npos);
    CHECK(offset_of(lines, 0, 1) == std::string_view::npos);
    CHECK(line_at(lines, 0) == 0);
    CHECK(line_at(lines, 5) == 0);
    CHECK(line_at(lines, 6) == 1);
    CHECK(line_at(lines, text.size() - 1) == 2);
}

TEST_CASE("the guard's key lines are the line model's: a line a quoted value swallows is named when it reads as a key") {
    // key_span is the one definition: "a:b: c" (key "a:b"), "[a]: b", "a:<tab>b" and "-<tab>b" read
    // as a key or an item, and the refusal names the line the missing quote swallowed.
    for (const std::string text : {"note: \"abc\na:b: c\"\n", "note: \"abc\n[a]: b\"\n", "note: \"abc\na, b: c\"\n",
                                   "note: \"abc\na:\tb\"\n", "note: \"abc\n-\tb\"\n", "note: \"abc\n\tname: x\"\n"})
        CHECK_REFUSED(read_yaml(text, "t.yaml"), ErrorKind::invalid, "t.yaml:1:7: quoted value runs on to line 2 and swallows");
    CHECK_REFUSED(read_yaml("note: \"abc\nplain words\"\n", "t.yaml"), ErrorKind::invalid,
                  "t.yaml:2:1: this line continues the quoted value of line 1; indent it");
    CHECK_REFUSED(read_yaml("note: \"abc\n#: x\"\n", "t.yaml"), ErrorKind::invalid, "continues the quoted value");
}

TEST_CASE("the guard's key lines are the line model's: a top-level line the reader reads as a key must be a key line") {
    CHECK(read_yaml("a:b: c\n\"c:d\" : d\nlog\t: x\n---es: y\n", "t.yaml").entries.size() == 4);
    CHECK_REFUSED(read_yaml("name: x\nplain\n", "t.yaml"), ErrorKind::invalid, "t.yaml:2:1: 'plain' is not 'key: value'");
    CHECK_REFUSED(read_yaml("name: x\r\n\tlog: y\r\n", "t.yaml"), ErrorKind::invalid, "a tab in the indentation");
}

}  // namespace unit_yaml_lines
