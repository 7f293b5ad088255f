#include <doctest/doctest.h>

#include "kith/config_file.hpp"
#include "kith/contact_file.hpp"
#include "kith/index.hpp"
#include "kith/status.hpp"

using namespace kith;

static const char* ada_text =
    "name: Ada\naka: [Ada King]\ntier: core\ncadence: 2w\nbirthday: --12-10\nsince: 2019-03-02\nnotes: long story\n"
    "dates:\n  - {date: 2020-06-01, what: started}\nfollowups:\n  - {due: 2026-12-05, what: paper, done: 2026-12-06}\n"
    "log:\n  - {date: 2026-10-11, kind: lunch, note: New role, with: grace}\n"
    "  - {date: 2026-10-12, kind: note, note: not contact}\n  - {date: 2026-09-01, kind: call}\n";

static NetworkIndex sample() {
    NetworkIndex index;
    index.settings_key = 42;
    Contact c = parse_contact(ada_text, "contacts/ada.yaml", default_config());
    c.slug = "ada";
    index.entries["contacts/ada.yaml"] = summarize(c, FileStamp{1, 2, 3, 4, 5});
    index.entries["contacts/bob.yaml"] = IndexEntry{FileStamp{6, 7, 8, 9, 10}, Contact{}, std::nullopt};
    return index;
}

TEST_CASE("the index round-trips every field it keeps") {
    const auto back = decode_index(encode_index(sample()));
    REQUIRE(back);
    CHECK(back->settings_key == 42);
    REQUIRE(back->entries.size() == 2);
    const IndexEntry& ada = back->entries.at("contacts/ada.yaml");
    CHECK(ada.stamp == FileStamp{1, 2, 3, 4, 5});
    CHECK(format_day(*ada.newest_entry) == "2026-10-12");
    CHECK(ada.summary.name == "Ada");
    CHECK(ada.summary.slug == "ada");
    CHECK(ada.summary.aka == std::vector<std::string>{"Ada King"});
    CHECK(ada.summary.cadence == Duration{2, 'w'});
    CHECK(ada.summary.birthday == MonthDay{12, 10, std::nullopt});
    CHECK(format_day(*ada.summary.since) == "2019-03-02");
    CHECK(ada.summary.dates[0].what == "started");
    CHECK(format_day(*ada.summary.followups[0].done) == "2026-12-06");
    CHECK(ada.summary.notes.empty());
    REQUIRE(ada.summary.log.size() == 1);  // only the latest entry that counts as contact
    CHECK(ada.summary.log[0].with == "grace");
    CHECK(ada.summary.log[0].line == 13);
}

TEST_CASE("a summary gives the same status as the full contact on any day after its newest entry") {
    const Config config = default_config();
    Contact full = parse_contact(ada_text, "contacts/ada.yaml", config);
    const IndexEntry entry = summarize(full, FileStamp{});
    for (const char* day : {"2026-10-12", "2026-11-28", "2027-06-01"}) {
        const Day today = *parse_iso_day(day);
        const ContactStatus a = contact_status(full, config, today), b = contact_status(entry.summary, config, today);
        CHECK(a.last_contact == b.last_contact);
        CHECK(a.due_on == b.due_on);
        CHECK(a.last_entry->note == b.last_entry->note);
    }
}

TEST_CASE("the settings key follows the parsed settings, not the bytes of kith.yaml") {
    const Config plain = parse_config("tiers:\n  - {name: core, cadence: 2w}\n", "kith.yaml");
    const Config commented = parse_config("# a comment\ntiers:\n  - {name: core, cadence: 2w}  # two weeks\n", "kith.yaml");
    const Config other = parse_config("tiers:\n  - {name: core, cadence: 3w}\n", "kith.yaml");
    CHECK(settings_key(plain) == settings_key(commented));
    CHECK(settings_key(plain) != settings_key(other));
    CHECK(settings_key(plain) != settings_key(default_config()));
}

TEST_CASE("a truncated, foreign or corrupted index is refused, never trusted") {
    const std::string bytes = encode_index(sample());
    for (size_t cut = 0; cut < bytes.size(); cut += 7) CHECK_FALSE(decode_index(bytes.substr(0, cut)));
    CHECK_FALSE(decode_index("kith-cache-3\n"));
    CHECK_FALSE(decode_index(bytes + "x"));
}

TEST_CASE("a flipped byte anywhere in the index is detected: the index is refused, never shown") {
    const std::string bytes = encode_index(sample());
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string flipped = bytes;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x04);
        CAPTURE(i);
        CHECK_FALSE(decode_index(flipped));
    }
}
