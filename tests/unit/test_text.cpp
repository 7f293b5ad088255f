#include <doctest/doctest.h>

#include "kith/table.hpp"
#include "kith/text.hpp"

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
