// HealthTally reads a network a chunk at a time, in file order: its figures must be those of
// the whole network in slug order, whatever order and grouping the contacts come in.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "generated.hpp"
#include "kith/views/health.hpp"
#include "kith/views/health_json.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_health_tally {

using namespace kith;

namespace {

// Every figure, the names of each heatmap day included.
std::string dump(const Health& h) {
    std::string out = health_json(h, 1 << 20);
    for (const auto& day : h.days)
        for (const auto& who : day.who) out += format_day(day.day) + " " + who + "\n";
    for (const auto& intro : h.intros) out += intro.from_name + " -> " + intro.with_name + "\n";
    for (const auto& p : h.overdue) out += p.slug + " " + p.name + " " + p.last + "\n";
    for (const auto& q : h.quiet) out += q.slug + " " + q.name + "\n";
    return out;
}

Health tally_of(const std::vector<Contact>& contacts, int months) {
    HealthTally tally(default_config(), *parse_iso_day("2026-11-28"), months);
    for (const auto& c : contacts) tally.add(c);
    return tally.finish();
}

}  // namespace

TEST_CASE("health tally: the same figures in slug order, file order, and shuffled") {
    for (unsigned seed : {1u, 2u, 3u}) {
        std::vector<Contact> contacts = test::generated_network(seed, 400);
        std::sort(contacts.begin(), contacts.end(), [](const Contact& a, const Contact& b) { return a.slug < b.slug; });
        for (int months : {1, 4, 12, 120}) {
            CAPTURE(seed);
            CAPTURE(months);
            const Health reference = tally_of(contacts, months);
            // The data exercises what depends on order: crowded days, unknown tiers, introductions.
            if (months >= 4) {
                CHECK(std::any_of(reference.days.begin(), reference.days.end(),
                                  [](const DayActivity& d) { return d.count > kDayNames; }));
                CHECK(reference.tiers.size() > default_config().tiers.size() + 1);
                CHECK(reference.intros.size() > 5);
                if (months <= 12) CHECK(!reference.quiet.empty());
            }
            const std::string expected = dump(reference);
            std::vector<Contact> by_file = contacts;  // "ab-c.yaml" sorts before "ab.yaml"
            std::sort(by_file.begin(), by_file.end(), [](const Contact& a, const Contact& b) { return a.path < b.path; });
            CHECK(by_file[0].slug != contacts[0].slug);
            CHECK(dump(tally_of(by_file, months)) == expected);
            std::vector<Contact> shuffled = contacts;
            std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
            CHECK(dump(tally_of(shuffled, months)) == expected);
            std::reverse(shuffled.begin(), shuffled.end());
            CHECK(dump(tally_of(shuffled, months)) == expected);
        }
    }
}

}  // namespace unit_health_tally
