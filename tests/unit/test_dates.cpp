#include <doctest/doctest.h>

#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_dates {

using namespace kith;

static Day day(const char* text) { return *parse_iso_day(text); }

TEST_CASE("ISO days are parsed strictly") {
    CHECK(format_day(day("2026-11-28")) == "2026-11-28");
    CHECK(parse_iso_day("2024-02-29"));
    CHECK_FALSE(parse_iso_day("2023-02-29"));
    CHECK_FALSE(parse_iso_day("2026-13-01"));
    CHECK_FALSE(parse_iso_day("2026-1-01"));
    CHECK_FALSE(parse_iso_day("26-11-28"));
    CHECK_FALSE(parse_iso_day("2026-11-28x"));
    CHECK_FALSE(parse_iso_day(""));
}

TEST_CASE("durations: days, weeks, months clamped to the month's end, years") {
    CHECK(parse_duration("30d") == Duration{30, 'd'});
    CHECK(parse_duration("2w") == Duration{2, 'w'});
    CHECK_FALSE(parse_duration("0d"));
    CHECK_FALSE(parse_duration("2x"));
    CHECK_FALSE(parse_duration("d"));
    CHECK_FALSE(parse_duration("-2d"));
    CHECK_FALSE(parse_duration("9999999d"));
    CHECK(add_duration(day("2026-11-28"), {3, 'd'}) == day("2026-12-01"));
    CHECK(add_duration(day("2026-11-28"), {2, 'w'}) == day("2026-12-12"));
    CHECK(add_duration(day("2026-01-31"), {1, 'm'}) == day("2026-02-28"));
    CHECK(add_duration(day("2024-01-31"), {1, 'm'}) == day("2024-02-29"));
    CHECK(add_duration(day("2026-03-31"), {1, 'm'}, -1) == day("2026-02-28"));
    CHECK(add_duration(day("2026-08-31"), {3, 'm'}) == day("2026-11-30"));
    CHECK(add_duration(day("2024-02-29"), {1, 'y'}) == day("2025-02-28"));
    CHECK(add_duration(day("2024-02-29"), {4, 'y'}) == day("2028-02-29"));
    CHECK(add_duration(day("2026-12-15"), {1, 'm'}) == day("2027-01-15"));
}

TEST_CASE("birthdays with and without a year") {
    CHECK(parse_month_day("1815-12-10") == MonthDay{12, 10, 1815});
    CHECK(parse_month_day("--12-10") == MonthDay{12, 10, std::nullopt});
    CHECK(parse_month_day("12-10") == MonthDay{12, 10, std::nullopt});
    CHECK(parse_month_day("--02-29") == MonthDay{2, 29, std::nullopt});
    CHECK_FALSE(parse_month_day("--02-30"));
    CHECK_FALSE(parse_month_day("13-01"));
    CHECK(format_month_day({12, 10, std::nullopt}) == "--12-10");
    CHECK(format_month_day({12, 10, 1815}) == "1815-12-10");
}

TEST_CASE("yearly days come back every year, 29 February on 28 February") {
    CHECK(next_yearly({12, 10, std::nullopt}, day("2026-11-28")) == day("2026-12-10"));
    CHECK(next_yearly({12, 10, std::nullopt}, day("2026-12-10")) == day("2026-12-10"));
    CHECK(next_yearly({12, 10, std::nullopt}, day("2026-12-11")) == day("2027-12-10"));
    CHECK(next_yearly({2, 29, std::nullopt}, day("2026-01-01")) == day("2026-02-28"));
    CHECK(next_yearly({2, 29, std::nullopt}, day("2028-01-01")) == day("2028-02-29"));
    CHECK(next_yearly({2, 29, 2000}, day("2026-03-01")) == day("2027-02-28"));
}

TEST_CASE("command-line dates") {
    const Day today = day("2026-11-28");  // a Saturday
    CHECK(parse_cli_day("today", today, Direction::past) == today);
    CHECK(parse_cli_day("Yesterday", today, Direction::past) == day("2026-11-27"));
    CHECK(parse_cli_day("tomorrow", today, Direction::future) == day("2026-11-29"));
    CHECK(parse_cli_day("2026-01-02", today, Direction::future) == day("2026-01-02"));
    CHECK(parse_cli_day("-3d", today, Direction::future) == day("2026-11-25"));
    CHECK(parse_cli_day("+2w", today, Direction::past) == day("2026-12-12"));
    CHECK(parse_cli_day("2w", today, Direction::future) == day("2026-12-12"));
    CHECK(parse_cli_day("3d", today, Direction::past) == day("2026-11-25"));
    CHECK(parse_cli_day("1m", today, Direction::future) == day("2026-12-28"));
    SUBCASE("weekdays: the last one for the past (today included), the next one for the future") {
        CHECK(parse_cli_day("monday", today, Direction::past) == day("2026-11-23"));
        CHECK(parse_cli_day("mon", today, Direction::future) == day("2026-11-30"));
        CHECK(parse_cli_day("saturday", today, Direction::past) == today);
        CHECK(parse_cli_day("saturday", today, Direction::future) == day("2026-12-05"));
        CHECK(parse_cli_day("friday", today, Direction::future) == day("2026-12-04"));
        CHECK(parse_cli_day("Friday", today, Direction::past) == day("2026-11-27"));
    }
    CHECK_REFUSED(parse_cli_day("someday", today, Direction::past),
        ErrorKind::usage, "cannot read 'someday' as a date (try YYYY-MM-DD, today,");
    CHECK_REFUSED(parse_cli_day("2026-02-30", today, Direction::past),
        ErrorKind::usage, "cannot read '2026-02-30' as a date (try YYYY-MM-DD, today,");
}

TEST_CASE("dates run from year 1 to 9999: nothing outside is read") {
    CHECK(parse_iso_day("0001-01-01") == first_day);
    CHECK(parse_iso_day("9999-12-31") == last_day);
    CHECK_FALSE(parse_iso_day("0000-01-01"));
    CHECK_FALSE(parse_iso_day("0000-02-29"));
    CHECK_FALSE(parse_month_day("0000-12-10"));
}

TEST_CASE("durations are bounded by the range, never wrapped") {
    CHECK(parse_duration("9999y") == Duration{9999, 'y'});
    CHECK(parse_duration("119988m") == Duration{119988, 'm'});
    CHECK(parse_duration("521722w") == Duration{521722, 'w'});
    CHECK(parse_duration("3652059d") == Duration{3652059, 'd'});
    for (const char* too_long : {"10000y", "65536y", "32768y", "119989m", "521723w", "3652060d", "2147483647d"})
        CHECK_FALSE(parse_duration(too_long));
    CHECK(parse_duration("0d", true) == Duration{0, 'd'});
    CHECK_FALSE(parse_duration("0d"));
}

TEST_CASE("adding a duration never wraps: try_ refuses, add_ stops at the edge") {
    const Day today = day("2026-11-28");
    // 65536 years once wrapped date::year (a short) back to the same year: "due today".
    CHECK_FALSE(try_add_duration(today, {9999, 'y'}));
    CHECK_FALSE(try_add_duration(today, {119988, 'm'}));
    CHECK_FALSE(try_add_duration(today, {3652059, 'd'}));
    CHECK_FALSE(try_add_duration(today, {2027, 'y'}, -1));
    CHECK(try_add_duration(today, {7973, 'y'}) == day("9999-11-28"));
    CHECK(try_add_duration(today, {2025, 'y'}, -1) == day("0001-11-28"));
    CHECK(add_duration(today, {9999, 'y'}) == last_day);
    CHECK(add_duration(last_day, {3652059, 'd'}) == last_day);
    CHECK(add_duration(first_day, {9999, 'y'}, -1) == first_day);
    CHECK(add_duration(today, {0, 'd'}) == today);
    CHECK_REFUSED((add_cli_duration(today, {8000, 'y'}, "--within")),
        ErrorKind::usage, "--within: '8000y' from 2026-11-28 leads past 9999-12-31");
    CHECK(add_cli_duration(today, {0, 'd'}, "--within") == today);
}

TEST_CASE("a command-line date leading outside years 1 to 9999 is a usage error") {
    const Day today = day("2026-11-28");
    for (const char* text : {"65536y", "+65536y", "9999y", "-2027y", "32768y", "99999999d", "10000-01-01", "0000-01-01"}) {
        CAPTURE(text);
        try {
            parse_cli_day(text, today, Direction::future);
            FAIL("accepted");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
        }
    }
    CHECK_REFUSED(parse_cli_day("tomorrow", last_day, Direction::future),
        ErrorKind::usage, "'tomorrow' leads outside years 1 to 9999 (from 9999-12-31)");
    CHECK_REFUSED(parse_cli_day("yesterday", first_day, Direction::past),
        ErrorKind::usage, "'yesterday' leads outside years 1 to 9999 (from 0001-01-01)");
    CHECK_REFUSED(parse_cli_day("friday", last_day, Direction::future),
        ErrorKind::usage, "'friday' leads outside years 1 to 9999 (from 9999-12-31)");
    CHECK(parse_cli_day("7973y", today, Direction::future) == day("9999-11-28"));
    CHECK(parse_cli_day("+0d", today, Direction::future) == today);
}

}  // namespace unit_dates
