#include <doctest/doctest.h>

#include "kith/base/date_words.hpp"
#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_date_words {

using namespace kith;

namespace {

Day day(const char* text) { return *parse_iso_day(text); }

// The message of the usage error parse_cli_day throws for `text`, or "" when it reads.
std::string refusal(const char* text, Day today) {
    try {
        parse_cli_day(text, today, Direction::future);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        return e.message();
    }
    return "";
}

}  // namespace

TEST_CASE("dates in words: next, last and this weekday") {
    const Day today = day("2026-11-28");  // a Saturday
    for (const auto direction : {Direction::past, Direction::future}) {
        CHECK(parse_cli_day("next friday", today, direction) == day("2026-12-04"));
        CHECK(parse_cli_day("Next Fri", today, direction) == day("2026-12-04"));
        CHECK(parse_cli_day("next saturday", today, direction) == day("2026-12-05"));
        CHECK(parse_cli_day("last friday", today, direction) == day("2026-11-27"));
        CHECK(parse_cli_day("last saturday", today, direction) == day("2026-11-21"));
        CHECK(parse_cli_day("this saturday", today, direction) == today);
        CHECK(parse_cli_day("this monday", today, direction) == day("2026-11-30"));
    }
}

TEST_CASE("dates in words: in N units, N units ago, next and last periods") {
    const Day today = day("2026-11-28");
    CHECK(parse_cli_day("in 2 weeks", today, Direction::past) == day("2026-12-12"));
    CHECK(parse_cli_day("in  3   days", today, Direction::past) == day("2026-12-01"));
    CHECK(parse_cli_day("in a month", today, Direction::past) == day("2026-12-28"));
    CHECK(parse_cli_day("in one year", today, Direction::past) == day("2027-11-28"));
    CHECK(parse_cli_day("in 1 day", today, Direction::past) == day("2026-11-29"));
    CHECK(parse_cli_day("in 2w", today, Direction::past) == day("2026-12-12"));
    CHECK(parse_cli_day("2 weeks ago", today, Direction::future) == day("2026-11-14"));
    CHECK(parse_cli_day("3 DAYS AGO", today, Direction::future) == day("2026-11-25"));
    CHECK(parse_cli_day("a year ago", today, Direction::future) == day("2025-11-28"));
    CHECK(parse_cli_day("1m ago", today, Direction::future) == day("2026-10-28"));
    CHECK(parse_cli_day("next week", today, Direction::past) == day("2026-12-05"));
    CHECK(parse_cli_day("next month", today, Direction::past) == day("2026-12-28"));
    CHECK(parse_cli_day("next year", today, Direction::past) == day("2027-11-28"));
    CHECK(parse_cli_day("last month", today, Direction::future) == day("2026-10-28"));
    // Months clamp to the month's last day, as durations do.
    CHECK(parse_cli_day("next month", day("2026-01-31"), Direction::past) == day("2026-02-28"));
    CHECK(parse_cli_day("in 1 month", day("2028-01-31"), Direction::past) == day("2028-02-29"));
}

TEST_CASE("dates in words: the end of a week, month or year") {
    const Day today = day("2026-11-28");
    CHECK(parse_cli_day("end of month", today, Direction::past) == day("2026-11-30"));
    CHECK(parse_cli_day("End of the month", today, Direction::past) == day("2026-11-30"));
    CHECK(parse_cli_day("end of this month", today, Direction::past) == day("2026-11-30"));
    CHECK(parse_cli_day("end of next month", today, Direction::past) == day("2026-12-31"));
    CHECK(parse_cli_day("end of next month", day("2026-01-31"), Direction::past) == day("2026-02-28"));
    CHECK(parse_cli_day("end of month", day("2028-02-01"), Direction::past) == day("2028-02-29"));
    CHECK(parse_cli_day("end of year", today, Direction::past) == day("2026-12-31"));
    CHECK(parse_cli_day("end of next year", today, Direction::past) == day("2027-12-31"));
    CHECK(parse_cli_day("end of week", today, Direction::past) == day("2026-11-29"));  // Sunday
    CHECK(parse_cli_day("end of week", day("2026-11-29"), Direction::past) == day("2026-11-29"));
    CHECK(parse_cli_day("end of next week", today, Direction::past) == day("2026-12-06"));
}

TEST_CASE("dates in words that are not one are refused, never guessed") {
    const Day today = day("2026-11-28");
    for (const char* text : {"next", "in", "ago", "in weeks", "2 weeks", "next weeks", "end of", "end of days",
                             "this week", "next day", "in 2 weeks ago", "in -2 weeks", "aw ago", "in 2x"}) {
        CAPTURE(text);
        CHECK_FALSE(read_date_phrase(text));
        CHECK(refusal(text, today).find("cannot read") != std::string::npos);
    }
}

TEST_CASE("dates in words leading outside years 1 to 9999 are a usage error") {
    const Day today = day("2026-11-28");
    for (const char* text : {"in 99999 years", "in 999999999999 days", "8000 years ago", "end of 9999 years"}) {
        CAPTURE(text);
        CHECK_FALSE(refusal(text, today).empty());
    }
    CHECK(refusal("in 99999 years", today).find("outside years 1 to 9999") != std::string::npos);
    CHECK(refusal("end of year", last_day).empty());
    CHECK(refusal("end of next year", day("9999-01-01")).find("outside years 1 to 9999") != std::string::npos);
    CHECK(refusal("next friday", last_day).find("outside years 1 to 9999") != std::string::npos);
}

TEST_CASE("a misspelt date gets a did-you-mean from the one spelling suggester") {
    const Day today = day("2026-11-28");
    CHECK(refusal("tomorow", today).find("did you mean 'tomorrow'?") != std::string::npos);
    CHECK(refusal("yesteday", today).find("did you mean 'yesterday'?") != std::string::npos);
    CHECK(refusal("next fridy", today).find("did you mean 'next friday'?") != std::string::npos);
    CHECK(refusal("in 2 weks", today).find("did you mean 'in 2 weeks'?") != std::string::npos);
    CHECK(refusal("2 weeks agoo", today).find("did you mean '2 weeks ago'?") != std::string::npos);
    CHECK(refusal("end of mnth", today).find("did you mean 'end of month'?") != std::string::npos);
    CHECK(refusal("wendesday", today).find("did you mean 'wednesday'?") != std::string::npos);
    // Nothing close, or a correction that is still no date: the list of forms instead.
    CHECK(refusal("qqqqqq", today).find("did you mean") == std::string::npos);
    CHECK(refusal("qqqqqq", today).find("next friday") != std::string::npos);
    CHECK(refusal("tomorow weeks", today).find("did you mean") == std::string::npos);
    CHECK(corrected_date_words("next friday").empty());
}

}  // namespace unit_date_words
