#include <doctest/doctest.h>

#include "kith/model/conflict.hpp"
#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge.hpp"
#include "kith/yaml/yaml_reader.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_merge {

using namespace kith;

namespace {

const std::string base =
    "name: Ada Lovelace\n"
    "tier: core   # since 2019\n"
    "tags: [london, mentor]\n"
    "# the log, oldest first\n"
    "followups:\n"
    "  - {due: 2026-12-05, what: send the paper}\n"
    "log:\n"
    "  - {date: 2026-10-11, kind: lunch}\n";

MergeResult merge(const std::string& ours, const std::string& theirs) {
    return merge_contact_files(base, ours, theirs, "contacts/ada.yaml");
}

}  // namespace

TEST_CASE("merge: entries added on both sides are all kept, in date order, added on both once") {
    const std::string ours = base + "  - {date: 2026-11-20, kind: call}\n  - {date: 2026-11-26, kind: coffee}\n";
    const std::string theirs = base + "  - {date: 2026-11-22, kind: video}\n  - {date: 2026-11-26, kind: coffee}\n";
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 0);
    CHECK(result.structured);
    CHECK(result.text == base + "  - {date: 2026-11-20, kind: call}\n  - {date: 2026-11-22, kind: video}\n"
                                "  - {date: 2026-11-26, kind: coffee}\n");
}

TEST_CASE("merge: an email or meeting both sides logged for one day is kept once, whatever the note on either") {
    const std::string ours = base + "  - {date: 2026-11-20, kind: email}\n  - {date: 2026-11-21, kind: meeting, note: Standup}\n"
                                    "  - {date: 2026-11-22, kind: meeting}\n";
    const std::string theirs = base + "  - {date: 2026-11-20, kind: email, note: \"Re: trip\"}\n"
                                      "  - {date: 2026-11-21, kind: meeting}\n  - {date: 2026-11-21, kind: meeting, note: Lunch}\n"
                                      "  - {date: 2026-11-22, kind: meeting, note: Review}\n  - {date: 2026-11-23, kind: email}\n";
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 0);
    CHECK(result.text == base + "  - {date: 2026-11-20, kind: email}\n  - {date: 2026-11-21, kind: meeting, note: Standup}\n"
                                "  - {date: 2026-11-21, kind: meeting, note: Lunch}\n  - {date: 2026-11-22, kind: meeting}\n"
                                "  - {date: 2026-11-23, kind: email}\n");
}

TEST_CASE("merge: a second email of a day stays when it says more than a sync writes, or the day's first was there before") {
    const std::string had = base + "  - {date: 2026-11-20, kind: email}\n";
    const std::string ours = had + "  - {date: 2026-11-22, kind: email}\n";
    const std::string theirs = had + "  - {date: 2026-11-20, kind: email, note: by hand}\n"
                                     "  # asked about the trip\n  - {date: 2026-11-22, kind: email, note: trip}\n"
                                     "  - {date: 2026-11-22, kind: email, with: bob}\n";
    const MergeResult result = merge_contact_files(had, ours, theirs, "contacts/ada.yaml");
    CHECK(result.conflicts == 0);
    CHECK(result.text == had + "  - {date: 2026-11-20, kind: email, note: by hand}\n  - {date: 2026-11-22, kind: email}\n"
                               "  # asked about the trip\n  - {date: 2026-11-22, kind: email, note: trip}\n"
                               "  - {date: 2026-11-22, kind: email, with: bob}\n");
}

TEST_CASE("merge: an entry removed on one side and untouched on the other is removed") {
    std::string theirs = base;
    theirs.replace(theirs.find("tags: [london, mentor]"), 22, "tags: [london, speaker]");
    std::string ours = base + "  - {date: 2026-11-20, kind: call}\n";
    ours.erase(ours.find("  - {date: 2026-10-11, kind: lunch}\n"), 36);
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 0);
    CHECK(result.text.find("tags: [london, speaker]") != std::string::npos);
    CHECK(result.text.find("2026-10-11") == std::string::npos);
    CHECK(result.text.find("{date: 2026-11-20, kind: call}") != std::string::npos);
    CHECK(result.text.find("# the log, oldest first") != std::string::npos);
    CHECK(result.text.find("log:\n  - {date: 2026-11-20, kind: call}\n") != std::string::npos);
}

TEST_CASE("merge: a follow-up done on one side stays done, with the other side's new entries") {
    std::string theirs = base;
    theirs.replace(theirs.find("what: send the paper}"), 21, "what: send the paper, done: 2026-11-27}");
    const std::string ours = base + "  - {date: 2026-11-20, kind: call}\n";
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 0);
    CHECK(result.text.find("{due: 2026-12-05, what: send the paper, done: 2026-11-27}") != std::string::npos);
    CHECK(result.text.find("send the paper") == result.text.rfind("send the paper"));
}

TEST_CASE("merge: a scalar changed on one side wins; changed differently on both is marked around that key only") {
    std::string ours = base, theirs = base;
    ours.replace(ours.find("tier: core"), 10, "tier: close");
    theirs.replace(theirs.find("tier: core"), 10, "tier: loose");
    theirs += "  - {date: 2026-11-20, kind: call}\n";
    theirs.insert(theirs.find("tags:"), "title: Countess\n");
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 1);
    CHECK(result.text.find("<<<<<<< ours\ntier: close   # since 2019\n=======\ntier: loose   # since 2019\n>>>>>>> theirs\n") !=
          std::string::npos);
    CHECK(result.text.find("title: Countess\n") != std::string::npos);
    CHECK(result.text.find("{date: 2026-11-20, kind: call}") != std::string::npos);
    CHECK(conflict_marker_line(result.text) == 2);
}

TEST_CASE("merge: an unknown key and a block scalar merge three-way, and comments of ours stay") {
    const std::string ours = base + "# mine\nfavourite: tea\n";
    const std::string theirs = base + "notes: |\n  Prefers mornings.\n  Ask about Bernoulli.\n";
    const MergeResult result = merge(ours, theirs);
    CHECK(result.conflicts == 0);
    CHECK(result.text.find("# mine\nfavourite: tea\n") != std::string::npos);
    CHECK(result.text.find("notes: |\n  Prefers mornings.\n  Ask about Bernoulli.\n") != std::string::npos);
    CHECK_NOTHROW(read_yaml(result.text, "x"));
}

TEST_CASE("merge: an input that does not parse falls back to lines, losing neither side") {
    const std::string ours = base + "broken: [\n";
    const std::string theirs = base + "  - {date: 2026-11-20, kind: call}\n";
    const MergeResult result = merge(ours, theirs);
    CHECK_FALSE(result.structured);
    CHECK(result.conflicts == 1);
    CHECK(result.text.find("broken: [") != std::string::npos);
    CHECK(result.text.find("{date: 2026-11-20, kind: call}") != std::string::npos);
}

TEST_CASE("merge_lines: one-sided changes merge clean, overlapping ones are marked") {
    CHECK(merge_lines("a\nb\nc\n", "a\nB\nc\n", "a\nb\nc\nd\n").text == "a\nB\nc\nd\n");
    const MergeResult marked = merge_lines("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n");
    CHECK(marked.conflicts == 1);
    CHECK(marked.text == "a\n<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\nc\n");
    CHECK(pick_conflict_side(marked.text, true) == "a\nX\nc\n");
    CHECK(pick_conflict_side(marked.text, false) == "a\nY\nc\n");
}

TEST_CASE("conflict markers: reported with the line, and the person read from one side") {
    const std::string text = "name: Ada Lovelace\n<<<<<<< ours\ntier: close\n=======\ntier: loose\n>>>>>>> theirs\n";
    try {
        read_yaml(text, "contacts/ada-lovelace.yaml");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.located().starts_with("contacts/ada-lovelace.yaml:2: unresolved merge conflict"));
        CHECK(e.message().find("kith edit ada-lovelace") != std::string::npos);
    }
    const auto contact = read_conflicted_contact(text, "contacts/ada-lovelace.yaml", default_config());
    REQUIRE(contact);
    CHECK(contact->name == "Ada Lovelace");
    CHECK(contact->tier == "close");
    CHECK(contact->slug == "ada-lovelace");
    CHECK(contact->conflict_line == 2);
    const auto stub = read_conflicted_contact("name: Ada\n<<<<<<< ours\n: [\n=======\n}\n>>>>>>> theirs\n",
                                              "contacts/ada.yaml", default_config());
    REQUIRE(stub);
    CHECK(stub->name == "Ada");
    CHECK_REFUSED(refuse_conflicted(*stub),
        ErrorKind::invalid, "unresolved merge conflict; keep what you want between");
    CHECK_FALSE(read_conflicted_contact("name: Ada\n", "contacts/ada.yaml", default_config()));
}

// Red team: dropping an entry leaves the blank line after it, which then follows the '|+' note
// of the entry before; that note keeps its final blank lines, so it reads "a\n\n", changed on
// neither side.
TEST_CASE("merge: dropping an entry keeps the text of a '|+' note of the entry before") {
    const std::string b = "name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: |+\n      a\n  - date: 2026-02-01\n    note: x\n\nnotes: end\n";
    const std::string ours = "name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: |+\n      a\n  - date: 2026-02-01\n    note: x\n\nnotes: changed\n";
    const std::string theirs = "name: Zed Test\nlog:\n  - date: 2026-01-01\n    note: |+\n      a\nnotes: end\n";
    REQUIRE(read_yaml(theirs, "t.yaml").find("log")->items[0].find("note")->text == "a\n");
    const MergeResult result = merge_contact_files(b, ours, theirs, "contacts/zed.yaml");
    CAPTURE(result.text);
    REQUIRE(result.conflicts == 0);
    const YamlValue root = read_yaml(result.text, "t.yaml");
    REQUIRE(root.find("log")->items.size() == 1);
    CHECK(root.find("log")->items[0].find("note")->text == "a\n");
    CHECK(root.find("notes")->text == "changed");
}

TEST_CASE("merge: a list one side removed and the other wrote anew in another style keeps the other's new entries") {
    // Found by a 15-minute fuzz_merge run (fuzz/corpus/fuzz_merge/restyled-list-vs-deleted): the
    // styles differed (flow in the base, block in theirs), the key fell to the line merge and was
    // marked, and picking ours' side lost theirs' entry.
    const std::string had = "name: Ada\ntags: [london, mentor]\n";
    const std::string removed = "name: Ada\n";
    const std::string restyled = "name: Ada\ntags:\n  - x\n";
    MergeResult result = merge_contact_files(had, removed, restyled, "contacts/ada.yaml");
    CHECK(result.conflicts == 0);
    CHECK(result.text == restyled);
    result = merge_contact_files(had, restyled, removed, "contacts/ada.yaml");
    CHECK(result.conflicts == 0);
    CHECK(result.text == restyled);
    // An old entry the restyled version kept changed its bytes with the style: it is marked, and the new one stays.
    result = merge_contact_files(had, removed, "name: Ada\ntags:\n  - london\n  - x\n", "contacts/ada.yaml");
    CHECK(result.conflicts == 1);
    CHECK(pick_conflict_side(result.text, true) == "name: Ada\ntags:\n  - x\n");
    CHECK(pick_conflict_side(result.text, false) == "name: Ada\ntags:\n  - london\n  - x\n");
}

}  // namespace unit_merge
