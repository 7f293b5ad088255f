#include "kith/query/duplicates.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "kith/model/person_keys.hpp"

namespace kith {
namespace {

// Each key a person is found by, as "kind value": their e-mails, phones and URLs, name and akas.
std::vector<std::string> keys_of(const Contact& c, bool with_phone_and_url) {
    std::vector<std::string> keys;
    const auto note = [&keys](const char* kind, const std::string& key) {
        if (key.empty()) return;
        std::string full = std::string(kind) + " " + key;
        if (std::find(keys.begin(), keys.end(), full) == keys.end()) keys.push_back(std::move(full));
    };
    for (const auto& e : c.email) note("email", email_key(e));
    if (with_phone_and_url) {
        for (const auto& p : c.phone) note("phone", phone_key(p));
        for (const auto& u : c.url) note("url", url_key(u));
    }
    note("name", name_key(c.name));
    for (const auto& a : c.aka) note("name", name_key(a));
    return keys;
}

// Reasons in the order e-mail, phone, URL, name: the strongest first.
int rank(const std::string& reason) {
    static const std::vector<std::string> kinds = {"email ", "phone ", "url ", "name "};
    for (size_t i = 0; i < kinds.size(); ++i)
        if (reason.starts_with(kinds[i])) return static_cast<int>(i);
    return static_cast<int>(kinds.size());
}

DuplicatePair pair_of(const Contact& x, const Contact& y) {
    const bool x_first = x.slug < y.slug;
    const Contact& a = x_first ? x : y;
    const Contact& b = x_first ? y : x;
    return DuplicatePair{a.slug, b.slug, a.name, b.name, {}};
}

}  // namespace

Contact duplicate_digest(const Contact& contact) {
    Contact d;
    d.slug = contact.slug;
    d.path = contact.path;
    d.name = contact.name;
    d.aka = contact.aka;
    d.email = contact.email;
    d.phone = contact.phone;
    d.url = contact.url;
    return d;
}

std::vector<DuplicatePair> find_duplicates(const std::vector<Contact>& people) {
    std::unordered_map<std::string, std::vector<size_t>> holders;  // key -> people, in network order
    std::vector<std::string> order;                                // keys in the order first met
    for (size_t i = 0; i < people.size(); ++i)
        for (auto& key : keys_of(people[i], true)) {
            auto [it, added] = holders.try_emplace(key);
            if (added) order.push_back(key);
            it->second.push_back(i);
        }
    std::map<std::pair<std::string, std::string>, DuplicatePair> pairs;  // by slugs: ordered output
    for (const auto& key : order) {
        const auto& who = holders[key];
        for (size_t i = 0; i < who.size(); ++i)
            for (size_t j = i + 1; j < who.size(); ++j) {
                DuplicatePair found = pair_of(people[who[i]], people[who[j]]);
                auto [it, added] = pairs.try_emplace({found.a, found.b}, std::move(found));
                it->second.reasons.push_back(key);
            }
    }
    std::vector<DuplicatePair> out;
    out.reserve(pairs.size());
    for (auto& [slugs, pair] : pairs) {
        std::stable_sort(pair.reasons.begin(), pair.reasons.end(),
                         [](const std::string& x, const std::string& y) { return rank(x) < rank(y); });
        out.push_back(std::move(pair));
    }
    return out;
}

std::vector<DuplicatePair> holders_of(const Contact& candidate, const std::vector<Contact>& people) {
    const std::vector<std::string> wanted = keys_of(candidate, false);
    std::vector<DuplicatePair> out;
    for (const auto& person : people) {
        DuplicatePair found{person.slug, "", person.name, candidate.name, {}};
        for (const auto& key : keys_of(person, false))
            if (std::find(wanted.begin(), wanted.end(), key) != wanted.end()) found.reasons.push_back(key);
        if (!found.reasons.empty()) out.push_back(std::move(found));
    }
    return out;
}

Table duplicates_table(const std::vector<DuplicatePair>& pairs) {
    Table table;
    table.columns = {{"a", "A"},          {"name_a", "NAME A", false, true}, {"b", "B"},
                     {"name_b", "NAME B", false, true}, {"reasons", "WHY", false, false, true}};
    for (const auto& p : pairs) table.add({p.a, p.name_a, p.b, p.name_b, join_list(p.reasons)});
    return table;
}

}  // namespace kith
