#pragma once
// A seeded network of made-up contacts with long logs, for the tests that read a network a chunk
// at a time: slugs whose file order is not their slug order ("ab-c" files before "ab"), shared
// interests and tags, introductions (also to archived and unknown people), days with many entries.
#include <random>
#include <string>
#include <vector>

#include "kith/model/model.hpp"

namespace kith::test {

inline std::vector<Contact> generated_network(unsigned seed, size_t people) {
    std::mt19937 rng(seed);
    const auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    const std::vector<std::string> topics = {"robotics", "hardware", "chess", "databases", "music", "climbing"};
    const std::vector<std::string> kinds = {"call", "lunch", "note", "intro", "email", "", "coffee"};
    const std::vector<std::string> tiers = {"core", "close", "loose", "", "vip", "acquaintance"};
    const std::vector<std::string> orgs = {"", "Acme", "Globex", "Initech", "acme"};
    std::vector<std::string> slugs;
    for (size_t i = 0; i < people; ++i)
        slugs.push_back(i % 3 == 1 ? slugs.back() + "-" + std::to_string(i) : "p" + std::to_string(i % 50) + "x" + std::to_string(i));
    std::vector<Contact> out;
    for (size_t i = 0; i < people; ++i) {
        Contact c;
        c.slug = slugs[i];
        c.path = "contacts/" + c.slug + ".yaml";
        c.name = "Person " + std::to_string(pick(people / 2 + 1)) + (i % 7 == 0 ? " Núñez" : "");
        c.tier = tiers[pick(tiers.size())];
        c.archived = pick(10) == 0;
        c.org = orgs[pick(orgs.size())];
        c.title = pick(2) ? "Engineer of " + topics[pick(topics.size())] : "";
        c.role = pick(4) == 0 ? "buys " + topics[pick(topics.size())] : "";
        if (pick(5) == 0) c.aka.push_back("Nick " + std::to_string(i));
        c.why = pick(3) == 0 ? "wants to learn " + topics[pick(topics.size())] : "";
        c.notes = pick(4) == 0 ? "likes " + topics[pick(topics.size())] : "";
        for (size_t k = pick(3); k > 0; --k) c.interests.push_back(topics[pick(topics.size())]);
        for (size_t k = pick(3); k > 0; --k) c.tags.push_back("group-" + std::to_string(pick(5)));
        if (pick(3) == 0) c.since = *parse_iso_day("2024-01-01") + date::days{pick(1000)};
        if (c.since && i % 4 == 0) c.first_due = *c.since + date::days{1 + i % 90};  // no draw: the sequence stays
        if (pick(5) == 0) c.snooze = *parse_iso_day("2026-11-01") + date::days{pick(60)};
        if (pick(4) == 0) c.birthday = MonthDay{static_cast<unsigned>(1 + pick(12)), static_cast<unsigned>(1 + pick(28)), 1990};
        if (pick(6) == 0) c.introduced_by = slugs[pick(people)];
        if (pick(5) == 0) c.dates.push_back(YearlyDate{MonthDay{static_cast<unsigned>(1 + pick(12)), 1, std::nullopt}, "anniversary"});
        if (pick(4) == 0) c.prefer = "email";
        if (pick(2) == 0) c.email.push_back("p" + std::to_string(i) + "@example.org");
        // Most have a few entries, some many; dates cluster on a few days so that a day has many names.
        const size_t entries = pick(5) == 0 ? 40 + pick(80) : pick(8);
        for (size_t k = 0; k < entries; ++k) {
            LogEntry e;
            e.date = pick(4) == 0 ? *parse_iso_day("2026-10-05") : *parse_iso_day("2023-06-01") + date::days{pick(1300)};
            e.kind = kinds[pick(kinds.size())];
            e.note = pick(3) ? "talked about " + topics[pick(topics.size())] + " #" + std::to_string(k) : "";
            if (e.kind == "intro") e.with = pick(8) == 0 ? "nobody-" + std::to_string(k) : slugs[pick(people)];
            e.line = static_cast<int>(10 + k);
            c.log.push_back(e);
        }
        for (size_t k = pick(4); k > 0; --k) {
            FollowUp f{*parse_iso_day("2026-01-01") + date::days{pick(400)}, "promise " + std::to_string(k), std::nullopt, 0};
            if (pick(2)) f.done = f.due + date::days{pick(20)} - date::days{10};
            c.followups.push_back(f);
        }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace kith::test
