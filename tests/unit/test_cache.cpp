#include <doctest/doctest.h>

#include "kith/cache.hpp"
#include "kith/contact_file.hpp"

using namespace kith;

static ContactCache sample() {
    ContactCache cache;
    cache.config_hash = 42;
    Contact c = parse_contact(
        "name: Ada\naka: [Ada King]\ntier: core\ncadence: 2w\nbirthday: --12-10\nsince: 2019-03-02\n"
        "dates:\n  - {date: 2020-06-01, what: started}\nfollowups:\n  - {due: 2026-12-05, what: paper, done: 2026-12-06}\n"
        "log:\n  - {date: 2026-10-11, kind: lunch, note: New role, with: grace}\n",
        "contacts/ada.yaml", default_config());
    c.slug = "ada";
    cache.entries["contacts/ada.yaml"] = CachedContact{FileStamp{1, 2, 3, 4, 5}, c};
    cache.entries["contacts/bob.yaml"] = CachedContact{FileStamp{6, 7, 8, 9, 10}, Contact{}};
    return cache;
}

TEST_CASE("the cache round-trips every field") {
    const ContactCache cache = sample();
    const auto back = decode_cache(encode_cache(cache));
    REQUIRE(back);
    CHECK(back->config_hash == 42);
    REQUIRE(back->entries.size() == 2);
    const CachedContact& ada = back->entries.at("contacts/ada.yaml");
    CHECK(ada.stamp == FileStamp{1, 2, 3, 4, 5});
    CHECK(ada.contact.name == "Ada");
    CHECK(ada.contact.slug == "ada");
    CHECK(ada.contact.aka == std::vector<std::string>{"Ada King"});
    CHECK(ada.contact.cadence == Duration{2, 'w'});
    CHECK(ada.contact.birthday == MonthDay{12, 10, std::nullopt});
    CHECK(format_day(*ada.contact.since) == "2019-03-02");
    CHECK(ada.contact.dates[0].what == "started");
    CHECK(format_day(*ada.contact.followups[0].done) == "2026-12-06");
    CHECK(ada.contact.log[0].with == "grace");
    CHECK(ada.contact.log[0].line == 12);
}

TEST_CASE("a truncated, foreign or corrupted cache is refused, never trusted") {
    const std::string bytes = encode_cache(sample());
    for (size_t cut = 0; cut < bytes.size(); cut += 7) CHECK_FALSE(decode_cache(bytes.substr(0, cut)));
    CHECK_FALSE(decode_cache("kith-cache-0\n"));
    CHECK_FALSE(decode_cache(bytes + "x"));
    std::string corrupt = bytes;
    for (size_t i = 13; i < corrupt.size(); i += 13) {
        std::string flipped = corrupt;
        flipped[i] = static_cast<char>(~flipped[i]);
        (void)decode_cache(flipped);  // must not crash or hang, whatever it decides
    }
}

TEST_CASE("a flipped byte anywhere in the cache is detected: the cache is refused, never shown") {
    const std::string bytes = encode_cache(sample());
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::string flipped = bytes;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x04);
        CAPTURE(i);
        CHECK_FALSE(decode_cache(flipped));
    }
}
