#include <doctest/doctest.h>

#include <sstream>

#include "kith/base/table.hpp"
#include "kith/base/text.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_text {

using namespace kith;

TEST_CASE("visible() shows every terminal control as an escape") {
    CHECK(visible("plain José 山田") == "plain José 山田");
    CHECK(visible("\x1b]52;c;AAAA\x07") == "\\e]52;c;AAAA\\x07");
    CHECK(visible("a\tb\nc\rd") == "a\\tb\\nc\\rd");
    CHECK(visible("a\tb\nc\rd", true) == "a\tb\nc\\rd");
    CHECK(visible(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(visible("del\x7f") == "del\\x7f");
    CHECK(visible("csi\xc2\x9b" "31m") == "csi\\u009b31m");   // C1 CSI, U+009B
    CHECK(visible("nel\xc2\x85") == "nel\\u0085");
    CHECK(visible("\xe2\x80\xae" "rtl") == "\\u202ertl");      // right-to-left override
    CHECK(visible("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
    CHECK(visible("\xe2\x80\x8f") == "\xe2\x80\x8f");          // a plain RLM mark is text
    CHECK(visible("bad\xff") == "bad\\xff");
    CHECK(visible(visible("\x1b[2J")) == visible("\x1b[2J"));  // idempotent
    CHECK(display_width(visible("\x1b[2J")) == 5);
}

TEST_CASE("tsv cells keep their columns; json escapes what a terminal obeys") {
    CHECK(tsv_cell("a\tb\nc\r") == "a b c ");
    CHECK(tsv_cell("x\x1b[2J") == "x\xef\xbf\xbd[2J");
    CHECK(tsv_cell("\xc2\x9b") == "\xef\xbf\xbd");
    CHECK(escape_json_controls("[\"a\xc2\x9b\x7f\xe2\x80\xae\"]") == "[\"a\\u009b\\u007f\\u202e\"]");
    CHECK(escape_json_controls("[\n  \"x\"\n]") == "[\n  \"x\"\n]");
    Table table;
    table.columns = {{"name", "NAME"}, {"org", "ORG"}};
    table.add({"E\x1b]0;t\x07ve", "Bad\xc2\x9b" "Corp"});
    CHECK(render_text(table, {}) == "NAME           ORG\nE\\e]0;t\\x07ve  Bad\\u009bCorp\n");
    CHECK(render_tsv(table) == "name\torg\nE\xef\xbf\xbd]0;t\xef\xbf\xbdve\tBad\xef\xbf\xbd" "Corp\n");
    CHECK(render_json(table).find("\"E\\u001b]0;t\\u0007ve\"") != std::string::npos);
    CHECK(render_json(table).find("\"Bad\\u009bCorp\"") != std::string::npos);
}

TEST_CASE("json is written a row at a time, laid out as one document of every row") {
    Table table;
    table.columns = {{"name", "NAME"}, {"n", "N", true}, {"x", "X", true}, {"tags", "TAGS", false, false, true}, {"note", "NOTE"}};
    table.add({"Ada", "3", "1.5", "a\nb", ""});
    table.add({"E\x1b", "", "", "", "line\nbreak \xe2\x80\xae"});
    const std::string expected =
        "[\n"
        "  {\n"
        "    \"name\": \"Ada\",\n"
        "    \"n\": 3,\n"
        "    \"x\": 1.5,\n"
        "    \"tags\": [\n"
        "      \"a\",\n"
        "      \"b\"\n"
        "    ],\n"
        "    \"note\": null\n"
        "  },\n"
        "  {\n"
        "    \"name\": \"E\\u001b\",\n"
        "    \"n\": null,\n"
        "    \"x\": null,\n"
        "    \"tags\": [],\n"
        "    \"note\": \"line\\nbreak \\u202e\"\n"
        "  }\n"
        "]\n";
    CHECK(render_json(table) == expected);
    std::ostringstream streamed;
    write_json(table, streamed);
    CHECK(streamed.str() == expected);
}

TEST_CASE("edit_distance counts a swap of neighbours once, and a letter as one code point") {
    CHECK(kith::edit_distance("shwo", "show") == 1);
    CHECK(kith::edit_distance("lnuch", "lunch") == 1);
    CHECK(kith::edit_distance("cell", "call") == 1);
    CHECK(kith::edit_distance("cell", "help") == 2);
    CHECK(kith::edit_distance("josé", "jose") == 1);
    CHECK(kith::edit_distance("", "abc") == 3);
}

TEST_CASE("suggest_word prefers the closest spelling, not the last close one") {
    const std::vector<std::string> kinds = {"call", "video", "coffee", "lunch", "meeting", "help", "note"};
    CHECK(kith::suggest_word("cell", kinds) == "call");
    CHECK(kith::suggest_word("lnuch", kinds) == "lunch");
    CHECK(kith::suggest_word("metting", kinds) == "meeting");
    CHECK(kith::suggest_word("xyz", kinds) == "");
    CHECK(kith::suggest_word("", kinds) == "");
    // A short word is not "close" to everything: one edit at most below six letters.
    CHECK(kith::suggest_word("hl", kinds) == "");
    const std::vector<std::string> commands = {"show", "list", "log", "stats", "due", "done"};
    CHECK(kith::suggest_word("shwo", commands) == "show");
    CHECK(kith::suggest_word("lst", commands) == "list");
    // A tie goes to the word that shares the longer start: a letter left out, not one changed.
    CHECK(kith::suggest_word("dune", commands) == "due");
    CHECK(kith::suggest_word("--limt", {"--limit", "--list"}) == "--limit");
}

TEST_CASE("suggest_spelling ranks ids by their best form, each id once") {
    const std::vector<kith::SpellingForm> forms = {{"ada-lovelace", 0}, {"ada", 0}, {"grace", 1}, {"grce", 2}};
    CHECK(kith::suggest_spelling("grae", forms, 3) == std::vector<size_t>{1, 2});
    CHECK(kith::suggest_spelling("adda", forms, 3) == std::vector<size_t>{0});
    CHECK(kith::suggest_spelling("zzzz", forms, 3).empty());
}

}  // namespace unit_text
