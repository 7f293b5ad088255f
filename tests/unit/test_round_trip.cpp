// Property test (issue 8, item 5): any text the user types reads back as exactly that text,
// through every text field that add, log, follow, introduce and why write. Fixed seed, bounded.
#include <doctest/doctest.h>

#include <chrono>
#include <random>

#include "kith/model/contact_file.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/interaction.hpp"
#include "kith/yaml/yaml_emit.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_round_trip {

using namespace kith;

namespace {

// Pieces random texts are made of: every YAML indicator, words YAML reads as other types,
// blanks, line breaks, and Unicode that some readers take for breaks or marks.
const std::vector<std::string>& pieces() {
    static const std::vector<std::string> all = {
        "?", ":", "-", "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
        "\\", "~", "=", "<<", ".", "+", " ", "  ", "\t", "\n", "\r\n", ": ", " #", "- ", "? ", "---", "...",
        "no", "No", "yes", "null", "Null", "NULL", "true", "off", "y", "007", "0x1F", "1e3", ".inf", "2026-11-28",
        "10:30", "12:30:00", "a", "Ada", "job", "the", "x", "é", "Núñez", "山田", "😀", "\u00a0", "\u0085",
        "\u2028", "\u2029", "\ufeff", "\u200b", "\x01", "\x1b[31m", "\x7f", "%YAML", "&a", "*a", "!!str",
        "{a: b}", "[a, b]", "\"q\"", "'s'", "\\n", "\\\"",
    };
    return all;
}

std::string random_text(std::mt19937& rng) {
    std::uniform_int_distribution<size_t> count(1, 6), pick(0, pieces().size() - 1);
    std::string out;
    for (size_t n = count(rng); n > 0; --n) out += pieces()[pick(rng)];
    return out;
}

Config config_with(const std::string& tier) {
    Config config = default_config();
    config.tiers.push_back(Tier{tier, Duration{1, 'w'}, std::nullopt});
    return config;
}

}  // namespace

TEST_CASE("any text round-trips through every field kith writes (fixed seed, bounded time)") {
    std::mt19937 rng(20261128);  // fixed: a failure reproduces
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    const Day day = *parse_iso_day("2026-11-28");
    int runs = 0;
    for (; runs < 3000 && std::chrono::steady_clock::now() < deadline; ++runs) {
        std::vector<std::string> t;
        for (int i = 0; i < 20; ++i) t.push_back(random_text(rng));
        CAPTURE(t);
        Contact c;
        c.name = t[0];
        c.aka = {t[1], t[2]};
        c.tier = t[3];
        c.title = t[4];
        c.org = t[5];
        c.role = t[6];
        c.email = {t[7]};
        c.phone = {t[8], t[9]};
        c.address = t[10];
        c.prefer = t[11];
        c.assistant = t[12];
        c.interests = {t[13]};
        c.tags = {t[14], t[15]};
        c.met = t[16];
        c.introduced_by = t[17];
        c.why = t[18];
        c.notes = t[19];
        c.since = day;
        const Config config = config_with(c.tier);
        std::string file = render_new_contact(c);  // add
        Contact back = parse_contact(file, "x.yaml", config);
        CHECK(back.name == c.name);
        CHECK(back.aka == c.aka);
        CHECK(back.tier == c.tier);
        CHECK(back.title == c.title);
        CHECK(back.org == c.org);
        CHECK(back.role == c.role);
        CHECK(back.email == c.email);
        CHECK(back.phone == c.phone);
        CHECK(back.address == c.address);
        CHECK(back.prefer == c.prefer);
        CHECK(back.assistant == c.assistant);
        CHECK(back.interests == c.interests);
        CHECK(back.tags == c.tags);
        CHECK(back.met == c.met);
        CHECK(back.introduced_by == c.introduced_by);
        CHECK(back.why == c.why);
        CHECK(back.notes == c.notes);
        // log -k -m, introduce -m (the why of an introduction is the note of an intro entry), follow.
        const std::string kind = random_text(rng), note = random_text(rng), with = random_text(rng);
        const std::string what = random_text(rng);
        file = add_log_entry(file, LogEntry{day, kind, note, with, 0}, "x.yaml");
        file = add_followup(file, FollowUp{day, what, std::nullopt, 0}, "x.yaml");
        back = parse_contact(file, "x.yaml", config);
        REQUIRE(back.log.size() == 1);
        CHECK(back.log[0].kind == kind);
        CHECK(back.log[0].note == note);
        CHECK(back.log[0].with == with);
        REQUIRE(back.followups.size() == 1);
        CHECK(back.followups[0].what == what);
        CHECK(back.name == c.name);
    }
    MESSAGE("round-trip runs: " << runs);
    CHECK(runs >= 100);
}

TEST_CASE("texts that broke a flow value or a flow list read back (issue 8)") {
    for (const char* text : {"Did she get the job?", "Who?", "a?b", "wait!", "R&D", "x*y", "a|b", "a>b", "50%",
                             "me@example.org", "use `kith`", "line\u2028sep", "bom\ufeff", "nel\u0085"}) {
        CAPTURE(text);
        const std::string file = "name: " + yaml_scalar(text) + "\naka: " + yaml_flow_list({text}) +
                                 "\nlog:\n  - " + log_entry_line(LogEntry{*parse_iso_day("2026-11-28"), "", text, "", 0}) + "\n";
        const Contact c = parse_contact(file, "x.yaml", default_config());
        CHECK(c.name == text);
        REQUIRE(c.aka.size() == 1);
        CHECK(c.aka[0] == text);
        REQUIRE(c.log.size() == 1);
        CHECK(c.log[0].note == text);
    }
}

}  // namespace unit_round_trip
