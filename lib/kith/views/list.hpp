#pragma once
// The records of `kith list`.
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/base/table.hpp"

namespace kith {

// Which people to list.
struct ListQuery {
    std::vector<std::string> tiers;  // only these tiers (all when empty)
    std::vector<std::string> tags;   // only people with one of these tags
    std::string org;                 // only people whose org contains this, ignoring case and accents
    bool archived = false;           // list the archived people instead of the active ones
};

// Returns true when the contact passes the query's filters.
bool matches(const Contact& contact, const Config& config, const ListQuery& query);

// Builds the table: slug, name, tier, cadence (as written), last contact, next due day;
// sorted by tier rank, then slug.
Table list_table(const std::vector<Contact>& contacts, const Config& config, const ListQuery& query, Day today);

}  // namespace kith
