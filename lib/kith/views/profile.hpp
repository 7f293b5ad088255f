#pragma once
// The text of `kith show`: one person's profile, computed status and recent log.
#include <map>
#include <string>

#include "kith/model/model.hpp"

namespace kith {

// How many log entries a profile shows, newest last.
inline constexpr size_t profile_log_entries = 10;

// Renders a contact's profile on `today`: fields that are set, the status, open
// follow-ups and the last entries of the log.
// How a profile is laid out for people: the width long values wrap at (between words; 0
// for no limit), and the names of the others, by slug, for introduced_by and `with`.
struct ProfileView {
    int width = 0;
    std::map<std::string, std::string> names;
};
std::string render_profile(const Contact& contact, const Config& config, Day today, const ProfileView& view = {});
// A day of the year for people: "10 Dec", or "10 Dec 1815" when the year is known.
std::string month_day_for_people(const MonthDay& day);

// Describes how far a day is from today: "today", "in 3 days", "5 days ago".
std::string relative_days(long days_ahead);

// Formats a staleness ratio as "1.4×".
std::string format_staleness(double ratio);

}  // namespace kith
