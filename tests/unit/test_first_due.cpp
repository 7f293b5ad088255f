#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "kith/interchange/first_due.hpp"
#include "kith/model/status.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_first_due {

using namespace kith;

static Day day(const char* text) { return *parse_iso_day(text); }

// The most first due days in any 7 days in a row.
static int busiest_week(const std::map<Day, int>& due) {
    int most = 0;
    for (const auto& [from, _] : due) {
        int in_week = 0;
        for (auto it = due.lower_bound(from); it != due.end() && it->first < from + date::days{7}; ++it) in_week += it->second;
        most = std::max(most, in_week);
    }
    return most;
}

static int bound(size_t waiting, long cadence_days) {
    const long weeks = std::max(1L, cadence_days / 7);
    return static_cast<int>((static_cast<long>(waiting) + weeks - 1) / weeks) + 1;
}

TEST_CASE("first due days: each within the first cadence, never over the bound in any 7 days, several imports together") {
    for (const long cadence : {30L, 90L, 180L}) {
        for (const size_t per_import : {1UL, 7UL, 20UL, 50UL, 301UL}) {
            CAPTURE(cadence);
            CAPTURE(per_import);
            const Day today = day("2026-12-07");
            FirstDueCalendar calendar(today);
            std::map<Day, int> due;
            for (int import = 0; import < 3; ++import) {  // a vCard folder, then Google, then LinkedIn, on one day
                for (size_t i = 0; i < per_import; ++i) {
                    const Day placed = calendar.place(today, Duration{static_cast<int>(cadence), 'd'});
                    CHECK(placed > today);
                    CHECK(placed <= today + date::days{cadence});
                    ++due[placed];
                }
                CHECK(busiest_week(due) <= bound(calendar.waiting(), cadence));
            }
        }
    }
}

TEST_CASE("first due days count those already waiting, not those in touch, due already or archived") {
    const Day today = day("2026-12-07");
    Config config;
    Contact waiting;
    waiting.since = day("2026-12-01");
    waiting.first_due = day("2026-12-09");
    Contact in_touch = waiting;
    in_touch.log = {LogEntry{day("2026-12-02"), "call", "", "", 0}};
    Contact due_already = waiting;
    due_already.first_due = day("2026-12-05");
    Contact archived = waiting;
    archived.archived = true;
    Contact never_since;  // due every day: not placed
    FirstDueCalendar calendar(today);
    for (const auto* c : {&waiting, &in_touch, &due_already, &archived, &never_since}) calendar.add(*c, config);
    CHECK(calendar.waiting() == 1);
    // A week of 7 days from today: the day after the one taken, in an empty week, is not chosen;
    // the first day whose weeks are all empty is.
    CHECK(calendar.place(today, Duration{30, 'd'}) == day("2026-12-16"));
}

TEST_CASE("first due days are the same for the same network, whatever else happened") {
    const Day today = day("2026-12-07");
    FirstDueCalendar a(today), b(today);
    for (int i = 0; i < 40; ++i) CHECK(a.place(today, Duration{90, 'd'}) == b.place(today, Duration{90, 'd'}));
}

}  // namespace unit_first_due
