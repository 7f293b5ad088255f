#pragma once
// The text of `kith show`: one person's profile, computed status and recent log.
#include <string>

#include "kith/model.hpp"

namespace kith {

// How many log entries a profile shows, newest last.
inline constexpr size_t profile_log_entries = 10;

// Renders a contact's profile on `today`: fields that are set, the status, open
// follow-ups and the last entries of the log.
std::string render_profile(const Contact& contact, const Config& config, Day today);

// Describes how far a day is from today: "today", "in 3 days", "5 days ago".
std::string relative_days(long days_ahead);

// Formats a staleness ratio as "1.4×".
std::string format_staleness(double ratio);

}  // namespace kith
