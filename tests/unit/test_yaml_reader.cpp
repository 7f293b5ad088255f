#include <doctest/doctest.h>

#include <ctime>

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_yaml_reader {

using namespace kith;

// Returns "line:col: message" of the error reading `bytes` raises, or "" when it reads.
static std::string problem(const std::string& bytes) {
    try {
        read_yaml(bytes, "x.yaml");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid);
        CHECK(e.where().path == "x.yaml");
        return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
    }
    return "";
}

static bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("a plain contact reads into a located tree") {
    const YamlValue root = read_yaml("name: Ada\ntags: [a, b]\nlog:\n  - {date: 2026-01-01, kind: call}\n", "x.yaml");
    REQUIRE(root.kind == YamlValue::Kind::map);
    CHECK(root.find("name")->text == "Ada");
    CHECK(root.find("tags")->items.size() == 2);
    const YamlValue* log = root.find("log");
    REQUIRE(log);
    CHECK(log->items[0].line == 4);
    CHECK(log->items[0].find("kind")->text == "call");
    CHECK(root.find("name")->column == 7);
}

TEST_CASE("quoted scalars are marked as not plain") {
    const YamlValue root = read_yaml("a: \"no\"\nb: no\n", "x.yaml");
    CHECK_FALSE(root.find("a")->plain);
    CHECK(root.find("b")->plain);
}

TEST_CASE("the guard refuses bytes that are not UTF-8 text") {
    CHECK(mentions(problem("name: Ada\nnote: \xff\xfe\n"), "2:7: invalid UTF-8"));
    CHECK(mentions(problem(std::string("name: A\0da\n", 11)), "1:8: NUL"));
    CHECK(mentions(problem("name: Ada\x01\n"), "1:10: control character"));
    CHECK(mentions(problem("\xff\xfen\0a\0m\0e\0"), "1:1: file is UTF-16"));
    CHECK(mentions(problem(std::string("\0\0\xfe\xff", 4)), "1:1: file is UTF-16 or UTF-32"));
    CHECK(mentions(problem(std::string("\0n\0a", 4)), "1:1: file is UTF-16 or UTF-32"));
    CHECK(problem("name: Ada\r\nnote: tabs\tare fine\r\n") == "");
    // Found by fuzzing: yaml-cpp keeps a lone CR at the end of a file in the value.
    CHECK(mentions(problem("name:\te\r"), "1:8: a carriage return without a line feed"));
    CHECK(mentions(problem("name: a\rtier: core\n"), "1:8: a carriage return without a line feed"));
}

TEST_CASE("the guard refuses anchors, aliases and tags") {
    CHECK(mentions(problem("a: &x 1\nb: *x\n"), "1:4: anchors"));
    CHECK(mentions(problem("a: !!str 1\n"), "tags"));
    CHECK(mentions(problem("f:\n - !{due: 2026-01-01}\n"), "2:4: tags like '!' are not supported"));  // found by fuzzing
    CHECK(mentions(problem("name: A\n! what: x\n"), "2:1: tags like '!' are not supported"));   // found by fuzzing
    CHECK(problem("a: \"!quoted\"\nb: '!x'\nc: |\n  !block\n") == "");
    // A billion-laughs bomb stops at the first anchor, long before any expansion.
    CHECK(mentions(problem("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"), "1:4: anchors"));
}

TEST_CASE("the guard refuses duplicate keys, naming the first") {
    CHECK(problem("name: Ada\ntier: core\nname: Bob\n") == "3:1: duplicate key 'name' (first at line 1)");
    CHECK(mentions(problem("log:\n  - {date: 2026-01-01, date: 2026-01-02}\n"), "duplicate key 'date'"));
}

TEST_CASE("the guard refuses more than one document, and ',' does not hang") {
    CHECK(mentions(problem("name: Ada\n---\nname: Bob\n"), "more than one YAML document"));
    CHECK(mentions(problem(","), "more than one YAML document"));
}

TEST_CASE("the guard refuses complex keys") {
    CHECK(mentions(problem("? [a, b]\n: c\n"), "keys must be plain text"));
}

TEST_CASE("the guard catches an unterminated quote that yaml-cpp would accept") {
    SUBCASE("it swallows the keys after it") {
        const std::string p = problem("name: \"Ada\ntier: core\nnotes: \"x\"\n");
        CHECK(mentions(p, "1:7: quoted value runs on to line 2 and swallows 'tier: core'"));
    }
    SUBCASE("it runs to the end of the file") {
        CHECK(mentions(problem("name: Ada\nnotes: 'never closed\nlog:\n  - {date: 2026-01-01}\n"),
                       "2:8: quoted value is never closed"));
    }
    SUBCASE("inside a log entry") {
        CHECK(mentions(problem("log:\n  - {date: 2026-01-01, note: \"abc}\n  - {date: 2026-01-02, note: \"x\"}\n"),
                       "2:30: quoted value runs on to line 3"));
    }
    SUBCASE("a quoted value may still run over lines that do not look like keys") {
        CHECK(problem("notes: \"first line\n  second line\"\nname: Ada\n") == "");
        CHECK(problem("notes: 'it''s fine'\nname: Ada\n") == "");
    }
}

TEST_CASE("the guard caps nesting") {
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "[";
    for (int i = 0; i < 100; ++i) deep += "]";
    CHECK(mentions(problem("a: " + deep + "\n"), "nested deeper than 32 levels"));
    std::string very_deep(100000, '[');
    CHECK(problem("a: " + very_deep + "\n") != "");
}

TEST_CASE("a line at column 0 must start a key (found by fuzzing: yaml-cpp reads it as the value above)") {
    CHECK(problem("name: A\nlog\n") == "2:1: 'log' is not 'key: value' (a missing ': ', with its space?)");
    CHECK(problem("notes: \"a\nb\"\nname: A\n") != "");
    CHECK(problem("---\nname: A\n  continued\n# comment\n\"quoted: key\": x\n...\n") == "");
    CHECK(problem("log:\n- {date: 2026-01-01}\n-\nname: A\n") == "");
}

TEST_CASE("a word without ': ' is not a key (found by fuzzing: yaml-cpp reads it as 'key: null')") {
    CHECK(problem("followups:\n- due: 2026-01-01\n  what:on\n") ==
          "3:3: 'what:on' is not 'key: value' (a missing ': ', with its space?)");
    CHECK(problem("name: A\nlog\n").find("2:1:") == 0);
    CHECK(problem("name: A\nempty:\nalso: ~\n") == "");
}

TEST_CASE("top-level keys start at column 1, and the file is not one flow map (found by fuzzing)") {
    CHECK(problem("   name: A\n   tier: core\n") == "1:4: top-level keys start at the beginning of the line");
    CHECK(problem("{name: A, tier: core}\n") == "1:1: write the file as 'key: value' lines, not as one {...} map");
}

TEST_CASE("tabs in indentation are refused (found by fuzzing)") {
    CHECK(problem("name: x\ntier:\n\t\nrole: y\n") == "3:1: a tab in the indentation; indent with spaces");
    CHECK(problem("name: x\nnotes: |\n  a\n  \t\n") == "4:3: a tab in the indentation; indent with spaces");
    CHECK(problem("name: x\t# tab before a comment is fine\nnotes: |\n  a\tb\n") == "");
}

TEST_CASE("the lines of a multi-line quoted value are indented (found by fuzzing)") {
    CHECK(problem("name: \"a\n#b\"\n") == "2:1: this line continues the quoted value of line 1; indent it");
    CHECK(problem("name: \"a\n\n  b\"\n") == "");
}

TEST_CASE("only '---' itself is a document marker (found by fuzzing)") {
    CHECK(problem("name: A\naka: [x\n------y]\n").find("3:1: '------y]' starts a line") == 0);
}

TEST_CASE("syntax errors are located, 1-based") {
    CHECK(mentions(problem("name: Ada\n  bad: indent\n"), "2:"));
    CHECK(mentions(problem("log: [a, b\n"), ":"));
}

TEST_CASE("an empty file reads as null") {
    CHECK(read_yaml("", "x.yaml").kind == YamlValue::Kind::null);
    CHECK(read_yaml("# only a comment\n", "x.yaml").kind == YamlValue::Kind::null);
}

TEST_CASE("'key:' as the last line without a newline is a key; a colon in a comment is not (found by fuzzing)") {
    CHECK(read_yaml("name: A\nlog:", "t.yaml").find("log")->kind == YamlValue::Kind::null);
    CHECK(read_yaml("name: A\nlog: # none", "t.yaml").find("log")->kind == YamlValue::Kind::null);
    CHECK(read_yaml("name: A\n\"a #b\":", "t.yaml").find("a #b") != nullptr);
    CHECK_REFUSED(read_yaml("\non3zo=:  A\no<n3zq #=:  ", "t.yaml"),
        ErrorKind::invalid, "'o<n3zq' is not 'key: value' (a missing ': ', with its");
    CHECK_REFUSED(read_yaml("name: A\nlog", "t.yaml"),
        ErrorKind::invalid, "'log' is not 'key: value' (a missing ': ', with its space?)");
    // '#' right after a closing quote starts a comment for yaml-cpp: "'u'#:" is a lone word.
    CHECK_REFUSED(read_yaml("db2o:':\n'u$'#:", "t.yaml"),
        ErrorKind::invalid, "'u$' is not 'key: value' (a missing ': ', with its space?)");
    CHECK_REFUSED((read_yaml("naem:\n \n''#'''''{d'tier: ", "t.yaml")),
        ErrorKind::invalid, "'' is not 'key: value' (a missing ': ', with its space?)");
    CHECK(read_yaml("name: A\n'a #b':", "t.yaml").find("a #b") != nullptr);
}

TEST_CASE("a value on the line after its key must be indented past it (found by fuzzing)") {
    // yaml-cpp reads this as g: "0", and fails as soon as a top-level key follows it.
    CHECK_REFUSED(read_yaml("a: x\nnotes:\n g:\n 0\n# c\n", "t.yaml"),
        ErrorKind::invalid, "the value of 'g' must be indented more than its key");
    CHECK(read_yaml("a: x\nnotes:\n g:\n  0\n", "t.yaml").find("notes")->find("g")->text == "0");
    CHECK(read_yaml("a: x\nlog:\n- {date: 2026-01-01}\n", "t.yaml").find("log")->items.size() == 1);
}

// Returns the least CPU time, over three reads, of reading a log of `entries` quoted notes.
static std::clock_t least_cpu_to_read(int entries) {
    std::clock_t least = 0;
    for (int run = 0; run < 3; ++run) {
        std::string text = "name: Many\n# run " + std::to_string(run) + "\nlog:\n";  // never a text read before
        for (int i = 0; i < entries; ++i) text += "  - {date: 2026-01-01, kind: call, note: \"Re: plan 007\"}\n";
        const std::clock_t start = std::clock();
        CHECK_NOTHROW(read_yaml(text, "contacts/many.yaml"));
        const std::clock_t took = std::clock() - start;
        if (run == 0 || took < least) least = took;
    }
    return least;
}

TEST_CASE("quoted values are checked in linear time: four times the values cost about four times as much") {
    // The check of each quoted value used to count its line from the start of the file:
    // quadratic, several seconds for 12,000 values. Now the position is counted only on an error.
    // A ratio of CPU times in one run, not a time: linear gives about 4, quadratic 16.
    const std::clock_t small = least_cpu_to_read(3000), large = least_cpu_to_read(12000);
    CAPTURE(small);
    CAPTURE(large);
    CHECK(large < 8 * small + CLOCKS_PER_SEC / 100);
}

// Issue 22, item 11: the reader keeps its last texts (an edit reads one text up to five times).
TEST_CASE("a text read again reads the same, and one that does not read fails each time, naming its own path") {
    const std::string text = "name: A\nlog:\n  - {date: 2026-01-01, note: \"x\"}\n";
    const YamlValue first = read_yaml(text, "a.yaml");
    CHECK(same_value(read_yaml(text, "b.yaml"), first));
    CHECK(read_yaml(text, "b.yaml").find("log")->items.at(0).line == 3);
    for (const char* path : {"one.yaml", "two.yaml"}) {
        try {
            read_yaml("a: x\na: y\n", path);
            FAIL("a duplicate key reads");
        } catch (const Error& e) {
            CHECK(e.where().path == path);
        }
    }
}

}  // namespace unit_yaml_reader
