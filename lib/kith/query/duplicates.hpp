#pragma once
// Likely duplicates: pairs of people who share an e-mail, a phone, a web address or a name.
#include <string>
#include <vector>

#include "kith/base/table.hpp"
#include "kith/model/model.hpp"

namespace kith {

// Two people who may be one, with why: each reason as "email ada@example.org", "phone
// +442079460000", "url linkedin.com/in/ada" or "name ada lovelace" (the shared key).
struct DuplicatePair {
    std::string a, b;            // slugs, a before b
    std::string name_a, name_b;
    std::vector<std::string> reasons;
};

// Keeps of a contact only what duplicates are found by (slug, name, aka, email, phone, url).
Contact duplicate_digest(const Contact& contact);

// Returns every pair of people who share a key (a name or aka with a name or aka), ordered by
// slugs; each key is looked up, never compared with every other, so a network of thousands
// costs linear time plus the pairs found.
std::vector<DuplicatePair> find_duplicates(const std::vector<Contact>& people);

// Returns the people among `people` who hold one of `candidate`'s e-mails or its name (or an
// aka as a name), each with the reason: what `kith add` refuses.
std::vector<DuplicatePair> holders_of(const Contact& candidate, const std::vector<Contact>& people);

// Returns the pairs as a table: a, name_a, b, name_b, reasons.
Table duplicates_table(const std::vector<DuplicatePair>& pairs);

}  // namespace kith
