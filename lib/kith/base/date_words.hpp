#pragma once
// Dates people type in words ("next friday", "in 2 weeks", "2 weeks ago", "end of month"): what
// they say, before anything is counted from a day, and the words they meant when misspelt.
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// What a date written in words says.
struct DatePhrase {
    enum class Kind {
        shift,       // `count` units from today: "in 2 weeks" (+2 w), "3 days ago" (-3 d), "next month" (+1 m)
        weekday,     // a weekday: "next friday" (after today), "last friday" (before today), "this friday" (today or after)
        period_end,  // the last day of a week (Sunday), month or year, `count` periods from today's: "end of next month"
    };
    Kind kind = Kind::shift;
    long count = 0;      // shift: signed units; period_end: periods ahead (0 = this one)
    char unit = 'd';     // shift: d, w, m or y; period_end: w, m or y
    unsigned weekday = 0;  // weekday: 0 Sunday to 6 Saturday
    int which = 0;       // weekday: +1 next, -1 last, 0 this
};

// Reads a date in words, in any case, words separated by blanks; nullopt when it is not one.
// The count of a shift is digits, "a", "an" or "one", or a duration ("in 2w", "3d ago").
std::optional<DatePhrase> read_date_phrase(std::string_view text);

// Returns the weekday named by a lower-case word (full or three-letter English name), 0 Sunday.
std::optional<unsigned> weekday_named(std::string_view word);

// Returns `text` (lower-cased) with each word that is no date word replaced by the date word
// spelled closest to it ("tomorow" -> "tomorrow", "next fridy" -> "next friday"), by the one
// spelling suggester; "" when no word needed or found a replacement.
std::string corrected_date_words(std::string_view text);

}  // namespace kith
