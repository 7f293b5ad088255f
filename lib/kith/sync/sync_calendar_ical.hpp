#pragma once
// iCalendar files read through libical (issue 22, items 6 and 8): the adapter of sync_calendar.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/sync/sync_calendar.hpp"

namespace kith {

// Returns the instances of the VEVENTs in an .ics file's bytes whose day may fall in
// since..until: RRULE, RDATE and EXDATE expanded, RECURRENCE-ID overrides applied; a timed
// instance's day is `local_day` of its start (a POSIX time), an all-day or floating one's the day
// written. Throws an invalid-file Error at `path` (with the line when it can be found) when
// libical finds any error in the file: nothing is taken from it.
std::vector<EventInstance> read_calendar(std::string_view bytes, const std::string& path, Day since, Day until,
                                         const std::function<Day(std::int64_t)>& local_day);

}  // namespace kith
