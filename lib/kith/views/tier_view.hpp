#pragma once
// The records of `kith tier`.
#include <vector>

#include "kith/model/model.hpp"
#include "kith/base/table.hpp"

namespace kith {

// One row per tier, closest first: tier, cadence, members, due (members due today).
Table tier_summary(const std::vector<Contact>& contacts, const Config& config, Day today);

// One row for one person: slug, name, tier, cadence (as written; theirs or the tier's).
Table person_tier_table(const Contact& contact, const Config& config);

}  // namespace kith
