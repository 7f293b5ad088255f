#include "kith/query/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "kith/base/text.hpp"
#include "kith/model/fields.hpp"

namespace kith {
namespace {

// A key shared by more people than this is too common to say anything about a pair.
constexpr size_t max_bucket = 1000;

// Points, in units of 1/(2 × number of tiers) so that every score is an exact integer:
// a shared interest 3, a shared tag 1, a why that matches 4 (each way), different
// organisations 0.5, and (tiers − rank) / tiers for each person's tier.
struct Points {
    std::int64_t unit, interest, tag, why, other_org;
    explicit Points(size_t tiers)
        : unit(2 * static_cast<std::int64_t>(std::max<size_t>(tiers, 1))),
          interest(3 * unit), tag(unit), why(4 * unit), other_org(unit / 2) {}
    std::int64_t tier(size_t rank, size_t tiers) const {
        return rank >= tiers ? 0 : 2 * static_cast<std::int64_t>(tiers - rank);
    }
};

using PairKey = std::uint64_t;

PairKey key_of(size_t a, size_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<PairKey>(a) << 32) | static_cast<PairKey>(b);
}

bool is_stop_word(const std::string& word) {
    static const std::unordered_set<std::string> stop = {
        "about", "after", "also", "from", "have", "into", "just", "know", "learn", "like", "maybe", "more",
        "need", "needs", "over", "some", "that", "their", "them", "they", "this", "want", "wants", "what",
        "when", "where", "which", "while", "with", "work", "would", "could", "should", "people", "contact",
        "contacts", "good", "great", "help"};
    return stop.count(word) > 0;
}

// Folded words of four letters or more, without the commonest ones.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    const std::string folded = fold(text) + " ";
    for (char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word += c;
            continue;
        }
        if (word.size() >= 4 && !is_stop_word(word) && std::find(out.begin(), out.end(), word) == out.end())
            out.push_back(word);
        word.clear();
    }
    return out;
}

// What one person offers for matching, folded once.
struct Profile {
    std::vector<std::string> interests, tags, why_words, about_words;
    size_t org = 0;  // an id; 0 when unknown
    size_t rank = 0;
};

Profile profile_of(const Contact& c, const Config& config, std::unordered_map<std::string, size_t>& org_ids) {
    Profile p;
    for (const auto& i : c.interests)
        if (const std::string f = fold(i); std::find(p.interests.begin(), p.interests.end(), f) == p.interests.end())
            p.interests.push_back(f);
    for (const auto& t : c.tags)
        if (const std::string f = fold(t); std::find(p.tags.begin(), p.tags.end(), f) == p.tags.end()) p.tags.push_back(f);
    p.why_words = words_of(c.why);
    std::string about = c.title + " " + c.org + " " + c.role;
    for (const auto& i : c.interests) about += " " + i;
    p.about_words = words_of(about);
    if (!c.org.empty()) p.org = org_ids.emplace(fold(c.org), org_ids.size() + 1).first->second;
    p.rank = config.rank(tier_of(c, config));
    return p;
}

// The index: people by interest, tag, the words of their title, org, role and interests
// ("about"), and the words of their why.
struct Index {
    std::unordered_map<std::string, std::vector<size_t>> interest, tag, about, why;
};

// Points one person's row of pairs has gathered so far, in a dense array reused per row.
struct Row {
    std::vector<std::int64_t> points;
    std::vector<std::uint8_t> why_seen;  // 1: i wants what j has; 2: j wants what i has
    std::vector<size_t> touched;

    explicit Row(size_t n) : points(n, 0), why_seen(n, 0) {}
    void add(size_t j, std::int64_t p) {
        if (points[j] == 0 && why_seen[j] == 0) touched.push_back(j);
        points[j] += p;
    }
    void add_why(size_t j, std::uint8_t direction, std::int64_t p) {
        if (why_seen[j] & direction) return;
        if (points[j] == 0 && why_seen[j] == 0) touched.push_back(j);
        why_seen[j] |= direction;
        points[j] += p;
    }
    void clear() {
        for (size_t j : touched) points[j] = 0, why_seen[j] = 0;
        touched.clear();
    }
};

// A pair being ranked: exact points and the two people, a before b in slug order.
struct Candidate {
    std::int64_t points;
    std::uint32_t a, b;  // indices into the people sorted by slug
};

std::vector<std::string> shared_of(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& x : a)
        if (std::find(b.begin(), b.end(), x) != b.end()) out.push_back(x);
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Says in words why a pair scored, from the same rules as the score.
std::vector<std::string> reasons_for(const Contact& a, const Profile& pa, const Contact& b, const Profile& pb,
                                     const Config& config) {
    std::vector<std::string> reasons;
    if (const auto both = shared_of(pa.interests, pb.interests); !both.empty()) reasons.push_back("both into " + joined(both));
    if (const auto both = shared_of(pa.tags, pb.tags); !both.empty()) reasons.push_back("both tagged " + joined(both));
    for (const auto& [x, px, y, py] : {std::tuple{&a, &pa, &b, &pb}, std::tuple{&b, &pb, &a, &pa}}) {
        const auto hits = shared_of(px->why_words, py->about_words);
        if (!hits.empty()) reasons.push_back(x->name + " wants '" + x->why + "': " + y->name + " has " + joined(hits));
    }
    if (pa.org != 0 && pb.org != 0 && pa.org != pb.org) reasons.push_back(a.org + " / " + b.org);
    reasons.push_back("tiers " + tier_of(a, config) + " + " + tier_of(b, config));
    return reasons;
}

}  // namespace

std::vector<Suggestion> suggest_introductions(const std::vector<Contact>& contacts, const Config& config,
                                              const SuggestQuery& query) {
    // People in slug order, so that pairs and ties compare as integers.
    std::vector<const Contact*> people;
    for (const auto& c : contacts)
        if (!c.archived) people.push_back(&c);
    std::sort(people.begin(), people.end(), [](const Contact* x, const Contact* y) { return x->slug < y->slug; });
    const size_t n = people.size();
    std::vector<Profile> profiles;
    profiles.reserve(n);
    std::unordered_map<std::string, size_t> org_ids, by_slug;
    Index index;
    for (size_t i = 0; i < n; ++i) {
        profiles.push_back(profile_of(*people[i], config, org_ids));
        by_slug[people[i]->slug] = i;
        for (const auto& k : profiles[i].interests) index.interest[k].push_back(i);
        for (const auto& k : profiles[i].tags) index.tag[k].push_back(i);
        for (const auto& k : profiles[i].about_words) index.about[k].push_back(i);
        for (const auto& k : profiles[i].why_words) index.why[k].push_back(i);
    }
    // People who were introduced, or one of whom introduced the other, know each other already.
    std::unordered_set<PairKey> introduced;
    for (size_t i = 0; i < n; ++i) {
        for (const auto& entry : people[i]->log)
            if (entry.kind == "intro" && by_slug.count(entry.with)) introduced.insert(key_of(i, by_slug[entry.with]));
        if (const auto by = by_slug.find(people[i]->introduced_by); by != by_slug.end())
            introduced.insert(key_of(i, by->second));
    }

    const auto better = [](const Candidate& x, const Candidate& y) {
        if (x.points != y.points) return x.points > y.points;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    };
    // The best pairs so far, as a heap whose top is the worst kept one.
    std::vector<Candidate> kept;
    const auto keep = [&](const Candidate& c) {
        if (query.limit == 0 || kept.size() < query.limit) {
            kept.push_back(c);
            std::push_heap(kept.begin(), kept.end(), better);
        } else if (better(c, kept.front())) {
            std::pop_heap(kept.begin(), kept.end(), better);
            kept.back() = c;
            std::push_heap(kept.begin(), kept.end(), better);
        }
    };

    size_t only = SIZE_MAX;
    if (query.only && by_slug.count(query.only->slug)) only = by_slug[query.only->slug];
    if (query.only && only == SIZE_MAX) return {};  // an archived person is suggested to no one
    const size_t tiers = config.tiers.size();
    const Points points(tiers);
    Row row(n);
    // Each row i gathers points for every j it shares a key with (j > i, or every j for
    // --suggest NAME); keys shared by too many are skipped unless the row is the one asked about.
    for (size_t i = 0; i < n; ++i) {
        if (only != SIZE_MAX && i != only) continue;
        const auto visit = [&](const std::unordered_map<std::string, std::vector<size_t>>& map, const std::string& key,
                               const auto& action) {
            const auto found = map.find(key);
            if (found == map.end() || (found->second.size() > max_bucket && only == SIZE_MAX)) return;
            for (size_t j : found->second)
                if (j != i && (only != SIZE_MAX || j > i)) action(j);
        };
        for (const auto& k : profiles[i].interests) visit(index.interest, k, [&](size_t j) { row.add(j, points.interest); });
        for (const auto& k : profiles[i].tags) visit(index.tag, k, [&](size_t j) { row.add(j, points.tag); });
        for (const auto& k : profiles[i].why_words) visit(index.about, k, [&](size_t j) { row.add_why(j, 1, points.why); });
        for (const auto& k : profiles[i].about_words) visit(index.why, k, [&](size_t j) { row.add_why(j, 2, points.why); });
        for (size_t j : row.touched) {
            const Profile &pi = profiles[i], &pj = profiles[j];
            const bool same_org = pi.org != 0 && pi.org == pj.org;
            if ((same_org && !query.same_org) || introduced.count(key_of(i, j))) continue;
            std::int64_t total = row.points[j] + points.tier(pi.rank, tiers) + points.tier(pj.rank, tiers);
            if (pi.org != 0 && pj.org != 0 && !same_org) total += points.other_org;
            keep({total, static_cast<std::uint32_t>(std::min(i, j)), static_cast<std::uint32_t>(std::max(i, j))});
        }
        row.clear();
    }
    std::sort(kept.begin(), kept.end(), better);
    std::vector<Suggestion> out;
    for (const Candidate& c : kept) {
        const double score = std::round(static_cast<double>(c.points) * 100 / static_cast<double>(points.unit)) / 100;
        out.push_back({people[c.a], people[c.b], score,
                       reasons_for(*people[c.a], profiles[c.a], *people[c.b], profiles[c.b], config)});
    }
    return out;
}

Contact suggest_digest(const Contact& c) {
    Contact d = project(c, in_suggest);
    for (const auto& entry : c.log)
        if (entry.kind == "intro" && !entry.with.empty()) d.log.push_back(LogEntry{entry.date, entry.kind, "", entry.with, entry.line});
    return d;
}

Table suggestion_table(const std::vector<Suggestion>& suggestions) {
    Table table;
    table.columns = {{.key = "a", .heading = "A", .shrink = true}, {.key = "b", .heading = "B", .shrink = true},
                     {"score", "SCORE", true},
                     // the reasons wrap in their column, or on the lines below when the slugs leave too little room
                     {.key = "reasons", .heading = "REASONS", .shrink = true, .keep_words = 1}};
    for (const auto& s : suggestions) {
        char score[32];
        std::snprintf(score, sizeof score, "%g", s.score);
        std::string reasons;
        for (const auto& r : s.reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        table.add({s.a->slug, s.b->slug, score, reasons});
    }
    return table;
}

}  // namespace kith
