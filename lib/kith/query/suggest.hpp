#pragma once
// Who should meet whom: pairs worth introducing, ranked, with their reasons (`kith introduce --suggest`).
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/base/table.hpp"

namespace kith {

// A suggested pair with its score and reasons.
struct Suggestion {
    const Contact* a = nullptr;
    const Contact* b = nullptr;
    double score = 0;
    std::vector<std::string> reasons;
};

// What to suggest.
struct SuggestQuery {
    const Contact* only = nullptr;  // pairs with this person only
    size_t limit = 10;
    bool same_org = false;          // also pairs at the same organisation
};

// Ranks pairs worth introducing: shared interests and tags, one's `why` matching the other's
// title, organisation, role or interests, and how close both are. Pairs already introduced
// (or where one introduced the other), at the same organisation (unless asked) or archived
// are left out. Candidates come from an
// index by interest, tag and word, never from every pair. The order is deterministic.
std::vector<Suggestion> suggest_introductions(const std::vector<Contact>& contacts, const Config& config,
                                              const SuggestQuery& query);

// Returns what suggest_introductions and resolve read of a contact: names, tier, what they do
// and want, who introduced them, and of the log only the introductions (without notes). The
// suggestions from digests are those from the full contacts: a network is read a chunk of
// files at a time, and only its digests kept.
Contact suggest_digest(const Contact& contact);

// Builds the table of suggestions: a, b, score, reasons.
Table suggestion_table(const std::vector<Suggestion>& suggestions);

}  // namespace kith
