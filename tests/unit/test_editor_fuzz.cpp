// Issue 8, item 13: what fuzz/fuzz_editor found. Each input is a file that reads without error;
// an edit either refuses it with an Error or returns a file that reads again.
#include <doctest/doctest.h>

#include "kith/editor.hpp"
#include "kith/error.hpp"
#include "kith/yaml_reader.hpp"

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
        if (!reads(text)) continue;  // the reader may refuse it first, which is as good
        CHECK_THROWS_AS(insert_item(text, "tier", "{date: 2026-11-28}", std::string("date"), "x.yaml"), Error);
        CHECK_THROWS_AS(set_top_level(text, "tier", "close"), Error);
    }
}

TEST_CASE("a plain value is not written before a line indented with a tab (found by fuzzing)") {
    // yaml-cpp reads the lines after a plain value as its continuation and fails on the tab.
    CHECK_THROWS_AS(insert_item("\nlog:\n\n \t#        -   ", "log", "plain", std::string("date"), "x.yaml"), Error);
    CHECK_THROWS_AS(set_top_level("tier:\n \t# c\nname: A\n", "tier", "close"), Error);
    CHECK_THROWS_AS(set_item_field("followups:\n  - due: 2026-12-01\n    done:\n \t# c\n", "followups", 0, "done",
                                   "2026-11-28", "x.yaml"),
                    Error);
    // A flow item stops where it closes, so the tab line does no harm.
    CHECK(insert_item("log:\n  - {date: 2026-01-01}\n \t# old\nname: A\n", "log", "{date: 2026-01-02}",
                      std::string("date"), "x.yaml") ==
          "log:\n  - {date: 2026-01-01}\n  - {date: 2026-01-02}\n \t# old\nname: A\n");
}
