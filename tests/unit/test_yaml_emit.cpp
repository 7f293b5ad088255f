#include <doctest/doctest.h>

#include "kith/yaml/yaml_emit.hpp"
#include "kith/yaml/yaml_reader.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_yaml_emit {

using namespace kith;

// Writes `text` as a value in flow context and reads it back.
static std::string round_trip(const std::string& text) {
    const YamlValue root = read_yaml("x: {note: " + yaml_scalar(text) + "}\ny: " + yaml_scalar(text) + "\n", "t.yaml");
    const std::string flow = root.find("x")->find("note")->text;
    CHECK(flow == root.find("y")->text);
    return flow;
}

TEST_CASE("values YAML could read as something else are quoted") {
    for (const char* text : {"no", "Yes", "null", "~", "007", "10:30", "2026-11-01", "-3", ".5", "a: b", "x #y",
                             "#tag", "[list]", "{map}", "a, b", " lead", "trail ", "", "@home", "*star", "&amp",
                             "!bang", "|pipe", ">gt", "'q'", "\"dq\"", "%pc", "line\nbreak", "tab\there"}) {
        CAPTURE(text);
        CHECK(needs_quotes(text));
        CHECK(round_trip(text) == text);
    }
}

TEST_CASE("ordinary text stays plain") {
    for (const char* text : {"Ada Lovelace", "New role; wants hardware contacts", "José Núñez", "山田", "it's fine",
                             "send the paper", "back\\slash"}) {
        CAPTURE(text);
        CHECK_FALSE(needs_quotes(text));
        CHECK(round_trip(text) == text);
    }
}

TEST_CASE("flow lists and maps") {
    CHECK(yaml_flow_list({"a", "b c", "no"}) == "[a, b c, \"no\"]");
    CHECK(yaml_flow_map({{"date", "2026-01-01"}, {"kind", "call"}}) == "{date: 2026-01-01, kind: call}");
}

}  // namespace unit_yaml_emit
