#pragma once
// Calendar days, yearless days and durations (SPEC 3), on Howard Hinnant's date.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace kith {

// A calendar day.
using Day = date::sys_days;

// A keep-in-touch interval: N days, weeks, calendar months or years.
struct Duration {
    int count = 0;
    char unit = 'd';  // one of d w m y
    // Returns the duration as written, e.g. "2w".
    std::string text() const { return std::to_string(count) + unit; }
    bool operator==(const Duration&) const = default;
};

// A day of the year with an optional year, as birthdays are written.
struct MonthDay {
    unsigned month = 1;
    unsigned day = 1;
    std::optional<int> year;
    bool operator==(const MonthDay&) const = default;
};

// Which way a relative command-line date points.
enum class Direction { past, future };

// The first and last days kith reads, writes and computes with: years 1 to 9999 (SPEC 3).
inline constexpr Day first_day = Day{date::year{1} / 1 / 1};
inline constexpr Day last_day = Day{date::year{9999} / 12 / 31};

// Returns whether a day lies in years 1 to 9999.
inline bool in_range(Day day) { return day >= first_day && day <= last_day; }

// Parses "YYYY-MM-DD" strictly; nullopt when it is not a real day in years 1 to 9999.
std::optional<Day> parse_iso_day(std::string_view text);

// Formats a day as "YYYY-MM-DD".
std::string format_day(Day day);

// Parses "Nd", "Nw", "Nm" or "Ny" with N from 1 (0 with `allow_zero`) up to 9999 years'
// worth (3652059d, 521722w, 119988m, 9999y); nullopt otherwise.
std::optional<Duration> parse_duration(std::string_view text, bool allow_zero = false);

// Adds (or with a negative sign, subtracts) a duration; months and years clamp to the month's
// end. Never overflows for a day in range and a parsed duration; nullopt when the result
// leaves years 1 to 9999.
std::optional<Day> try_add_duration(Day day, Duration duration, int sign = 1);

// Adds a duration as try_add_duration does, but a result beyond the range stops at its
// edge (0001-01-01 or 9999-12-31): "due on" for a cadence of centuries is the last day.
Day add_duration(Day day, Duration duration, int sign = 1);

// Adds a duration given on the command line as `option`; throws a usage error when the
// result leaves years 1 to 9999.
Day add_cli_duration(Day day, Duration duration, const std::string& option);

// Parses a birthday: "YYYY-MM-DD", "--MM-DD" or "MM-DD"; 02-29 is allowed without a year.
std::optional<MonthDay> parse_month_day(std::string_view text);

// Formats a birthday as "YYYY-MM-DD" or "--MM-DD".
std::string format_month_day(const MonthDay& md);

// Returns the first occurrence of a yearly day on or after `from` (29 Feb falls on 28 Feb in other years).
Day next_yearly(const MonthDay& md, Day from);

// Parses a command-line DATE: an ISO day, today/yesterday/tomorrow, a weekday name, a
// signed duration from today, or words (date_words.hpp: "next friday", "in 2 weeks", "2 weeks
// ago", "end of month"). A bare duration or weekday points in `direction`: a past weekday may
// be today, a future one is always after today. Throws a usage error, with "did you mean"
// when the words were misspelt ("tomorow").
Day parse_cli_day(std::string_view text, Day today, Direction direction);

// Returns the number of days from `from` to `to` (negative when `to` is earlier).
inline long days_between(Day from, Day to) { return static_cast<long>((to - from).count()); }

}  // namespace kith
