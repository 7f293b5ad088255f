#pragma once
// What is due: stale contacts, open follow-ups, birthdays and yearly dates (SPEC 4).
#include <optional>
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/model/status.hpp"

namespace kith {

// The kinds of due item, in the order SPEC 6 sorts them.
enum class DueKind { contact, followup, birthday, date };

// Returns "contact", "followup", "birthday" or "date".
const char* to_string(DueKind kind);

// One line of `kith due`.
struct DueItem {
    DueKind what = DueKind::contact;
    const Contact* contact = nullptr;
    std::string tier;
    Day due;
    long overdue = 0;     // days; negative while still ahead
    std::string detail;   // the follow-up or date text, or the last interaction
    ContactStatus status; // the person's status, for every kind of item
};

// Which items to list.
struct DueQuery {
    Day today;
    std::optional<Duration> within;   // also list what falls due in the next D
    std::vector<std::string> tiers;   // only these tiers (all when empty)
    std::vector<std::string> tags;    // only people with one of these tags (all when empty)
    size_t limit = 0;                 // at most this many items (all when 0)
};

// Lists what is due, sorted by due day, tier rank, slug, kind, then detail.
// Archived contacts are never due.
std::vector<DueItem> due_items(const std::vector<Contact>& contacts, const Config& config, const DueQuery& query);

// Describes the last interaction, e.g. "lunch 2026-10-11: New role"; "no contact yet" when none.
std::string describe_last(const ContactStatus& status);

}  // namespace kith
