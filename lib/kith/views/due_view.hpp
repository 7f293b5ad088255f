#pragma once
// Rendering what is due: records for scripts, grouped text for people.
#include <string>
#include <vector>

#include "kith/model/due.hpp"
#include "kith/base/table.hpp"

namespace kith {

// The records of SPEC 6: what, slug, name, tier, due, overdue, detail; then the person's
// staleness, prefer, email, phone (lists), last_date, last_kind and last_note.
Table due_table(const std::vector<DueItem>& items);

// Renders the items for people, grouped (people, follow-ups, birthdays and dates), with
// days overdue, staleness, the preferred channel and the last interaction. "" when empty.
std::string render_due_text(const std::vector<DueItem>& items, const TextStyle& style);

// The colour of lateness: ahead soft, on the day plain, then late (under a week), alert
// (under a month) and overdue (a month or more).
Tone lateness_tone(long overdue);

// Describes an overdue count: "3 days overdue", "due today", "in 2 days".
std::string describe_overdue(long overdue);

}  // namespace kith
