// The merge driver carries every byte either side changed, or marks it (issue 18, items 4 and 5).
#include <doctest/doctest.h>

#include <random>
#include <stdexcept>

#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge.hpp"
#include "kith/yaml/yaml_reader.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_merge_bytes {

using namespace kith;

namespace {

const std::string base =
    "name: Ada Lovelace\n"
    "tier: core\n"
    "title: \"Lead Analyst\"\n"
    "tags: [london, mentor]\n"
    "notes: |\n"
    "  Prefers mornings.\n"
    "followups:\n"
    "  - {due: 2026-12-05, what: send the paper}\n"
    "log:\n"
    "  - {date: 2026-10-11, kind: lunch}\n"
    "  - {date: 2026-11-02, kind: call}\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("no '" + from + "' in the text");
    return text.replace(at, from.size(), to);
}

MergeResult merge(const std::string& ours, const std::string& theirs) {
    return merge_contact_files(base, ours, theirs, "contacts/ada.yaml");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Ours logs a call and changes the tier: a change on other lines than theirs'.
const std::string ours_busy = std::string(base).replace(base.find("tier: core"), 10, "tier: close") +
                              "  - {date: 2026-11-20, kind: call, note: from ours}\n";

}  // namespace

TEST_CASE("merge: comments theirs added reach the result where they attach (own line, after a value, in a list)") {
    std::string theirs = replaced(base, "tier: core\n", "# never call before 10am\ntier: core   # my boss\n");
    theirs = replaced(theirs, "  - {date: 2026-10-11, kind: lunch}\n", "  - {date: 2026-10-11, kind: lunch}   # at the pub\n  # she paid\n");
    theirs = replaced(theirs, "tags: [london, mentor]", "tags: [london, mentor]  # from the conference");
    const MergeResult result = merge(ours_busy, theirs);
    CAPTURE(result.text);
    REQUIRE(result.conflicts == 1);  // tier: both changed that line
    CHECK(has(result.text, "# never call before 10am\n"));
    CHECK(has(result.text, "tier: core   # my boss\n"));
    CHECK(has(result.text, "  - {date: 2026-10-11, kind: lunch}   # at the pub\n  # she paid\n  - {date: 2026-11-02, kind: call}\n"));
    CHECK(has(result.text, "tags: [london, mentor]  # from the conference\n"));
    CHECK(has(result.text, "from ours"));
}

TEST_CASE("merge: a comment on a key ours did not touch merges clean with ours' other changes") {
    const std::string theirs = replaced(base, "tags: [london, mentor]", "tags: [london, mentor]   # my boss\n# never before 10am");
    const MergeResult result = merge(ours_busy, theirs);
    CAPTURE(result.text);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "tags: [london, mentor]   # my boss\n# never before 10am\n"));
    CHECK(has(result.text, "tier: close\n"));
    CHECK(has(result.text, "from ours"));
    CHECK_NOTHROW(read_yaml(result.text, "x"));
}

TEST_CASE("merge: quoting and blank lines the values cannot see are carried") {
    std::string theirs = replaced(base, "title: \"Lead Analyst\"", "title: 'Lead Analyst'");
    theirs = replaced(theirs, "  Prefers mornings.\n", "  Prefers mornings.\n\n");  // the same text: '|' clips it
    const MergeResult result = merge(ours_busy, theirs);
    CAPTURE(result.text);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "title: 'Lead Analyst'\n"));
    CHECK(has(result.text, "  Prefers mornings.\n\nfollowups:"));
}

TEST_CASE("merge: entries added on both sides keep their own bytes, comments and block form included") {
    const std::string ours = base + "  - {date: 2026-11-20, kind: call}\n";
    const std::string theirs = base + "  - date: 2026-11-25   # in Paris\n    kind: lunch\n    note: |\n      long talk\n";
    const MergeResult result = merge(ours, theirs);
    CAPTURE(result.text);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "  - {date: 2026-11-20, kind: call}\n  - date: 2026-11-25   # in Paris\n    kind: lunch\n"
                           "    note: |\n      long talk\n"));
}

TEST_CASE("merge: a flow list both sides added to keeps its comment, and the one theirs changed") {
    const std::string with_comment = replaced(base, "tags: [london, mentor]", "tags: [london, mentor]   # work");
    const std::string ours = replaced(with_comment, "mentor]", "mentor, speaker]");
    const std::string theirs = replaced(replaced(with_comment, "mentor]", "mentor, 'chess']"), "# work", "# work and play");
    const MergeResult result = merge_contact_files(with_comment, ours, theirs, "contacts/ada.yaml");
    CAPTURE(result.text);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "tags: [london, mentor, 'chess', speaker]   # work and play\n"));
}

TEST_CASE("merge: one entry both sides changed differently is marked alone; the rest merges") {
    const std::string ours = replaced(base, "what: send the paper}", "what: send the paper, done: 2026-11-27}") +
                             "  - {date: 2026-11-20, kind: call}\n";
    const std::string theirs = replaced(base, "what: send the paper}", "what: send the paper, done: 2026-11-28}") +
                               "  - {date: 2026-11-22, kind: video}\n";
    const MergeResult result = merge(ours, theirs);
    CAPTURE(result.text);
    CHECK(result.conflicts == 1);
    CHECK(has(result.text, "<<<<<<< ours\n  - {due: 2026-12-05, what: send the paper, done: 2026-11-27}\n=======\n"
                           "  - {due: 2026-12-05, what: send the paper, done: 2026-11-28}\n>>>>>>> theirs\n"));
    CHECK(has(result.text, "  - {date: 2026-11-20, kind: call}\n  - {date: 2026-11-22, kind: video}\n"));
    CHECK_NOTHROW(read_yaml(pick_conflict_side(result.text, false), "x"));
}

TEST_CASE("merge: a key only theirs added goes after the key it follows there") {
    const std::string theirs = replaced(base, "tier: core\n", "tier: core\n# hers\ncadence: 2w\n");
    const MergeResult result = merge(ours_busy, theirs);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "tier: close\n# hers\ncadence: 2w\ntitle:"));
}

TEST_CASE("merge: with no common version, two files that differ are marked where they differ") {
    const std::string acme = "name: John Smith\nemail: [john@acme.example]\norg: Acme\nsince: 2026-11-01\n";
    const std::string plumber = "name: John Smith\nphone: [\"+1 555 0100\"]\ntitle: Plumber\nsince: 2026-11-01\n";
    for (const std::string empty_base : {"", "\n", "# nothing yet\n"}) {
        const MergeResult result = merge_contact_files(empty_base, acme, plumber, "contacts/john-smith.yaml");
        CAPTURE(result.text);
        CHECK(result.without_base);
        CHECK(result.conflicts >= 1);
        CHECK(has(result.text, "john@acme.example"));
        CHECK(has(result.text, "+1 555 0100"));
        CHECK(pick_conflict_side(result.text, true) == acme);
        CHECK(pick_conflict_side(result.text, false) == plumber);
    }
    CHECK(merge_contact_files("", acme, "", "p").text == acme);
    CHECK(merge_contact_files("", "", plumber, "p").text == plumber);
    CHECK(merge_contact_files("", acme, acme, "p").conflicts == 0);
}

// Property: a comment either side adds anywhere is in the result (clean or marked), and a
// clean result reads.
TEST_CASE("merge: random comments added on one side are never dropped") {
    std::mt19937 random(18);
    const std::string ours_base = ours_busy;
    int clean = 0;
    for (int round = 0; round < 400; ++round) {
        const bool on_theirs = round % 2 == 0;
        std::vector<std::string> lines;
        const std::string& start = on_theirs ? base : ours_base;
        for (size_t at = 0; at < start.size();) {
            const size_t end = start.find('\n', at);
            lines.push_back(start.substr(at, end - at));
            at = end + 1;
        }
        std::vector<std::string> comments;
        for (int n = 1 + static_cast<int>(random() % 3); n > 0; --n) {
            const std::string comment = "# note " + std::to_string(round) + "-" + std::to_string(n);
            const size_t at = random() % (lines.size() + 1);
            if (random() % 2 && at < lines.size()) lines[at] += "   " + comment;
            else lines.insert(lines.begin() + static_cast<long>(at), std::string(random() % 5, ' ') + comment);
            comments.push_back(comment);
        }
        std::string changed;
        for (const auto& line : lines) changed += line + "\n";
        try {
            read_yaml(changed, "x");
        } catch (const Error&) {
            continue;  // a comment that ended a plain value's line too early, and the like
        }
        const MergeResult result = on_theirs ? merge_contact_files(base, ours_base, changed, "c.yaml")
                                             : merge_contact_files(base, changed, base + "  - {date: 2026-11-21, kind: coffee}\n", "c.yaml");
        CAPTURE(changed);
        CAPTURE(result.text);
        for (const auto& comment : comments) CHECK(has(result.text, comment));
        if (result.conflicts == 0) {
            ++clean;
            CHECK_NOTHROW(read_yaml(result.text, "x"));
            CHECK(has(result.text, on_theirs ? "from ours" : "2026-11-21"));
        }
    }
    CHECK(clean > 100);  // most merge clean
}

// Found by fuzzing: ours removed a list key, theirs put a comment on its line; the key went
// with the comment, exit 0.
TEST_CASE("merge: a list key one side removed and the other commented keeps the comment, without the entries") {
    const std::string ours = replaced(base, "tags: [london, mentor]\n", "");
    const std::string theirs = replaced(base, "tags: [london, mentor]", "tags: [london, mentor]   # fz65526");
    const MergeResult result = merge(ours, theirs);
    CAPTURE(result.text);
    CHECK(result.conflicts == 0);
    CHECK(has(result.text, "tags: []   # fz65526\n"));
    const std::string block = replaced(base, "tags: [london, mentor]", "tags:\n  - london\n  - mentor");
    const MergeResult from_block = merge_contact_files(block, replaced(block, "tags:\n  - london\n  - mentor\n", ""),
                                                       replaced(block, "tags:\n", "tags:   # mine\n"), "c.yaml");
    CAPTURE(from_block.text);
    CHECK(from_block.conflicts == 0);
    CHECK(has(from_block.text, "title: \"Lead Analyst\"\ntags:   # mine\nnotes:"));
}

}  // namespace unit_merge_bytes
