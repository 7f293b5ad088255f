// What fuzz/fuzz_dates found: each input is a regression test.
#include <doctest/doctest.h>

#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_fuzz_dates {

using namespace kith;

namespace {

// A command-line day is refused or is a day that formats and parses back to itself.
void refused_or_round_trips(const char* text) {
    const Day today = *parse_iso_day("2026-11-28");
    for (const auto direction : {Direction::past, Direction::future}) {
        try {
            const Day day = parse_cli_day(text, today, direction);
            CHECK(parse_iso_day(format_day(day)) == day);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::usage);
        }
    }
}

}  // namespace

TEST_CASE("a relative day beyond the calendar is refused, never wrapped (found by fuzzing)") {
    for (const char* text : {"33833m", "9999y", "-32015y", "2284Y", "76306M", "099932m"}) {
        CAPTURE(text);
        refused_or_round_trips(text);
    }
}

}  // namespace unit_fuzz_dates
