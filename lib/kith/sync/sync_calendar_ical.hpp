#pragma once
// iCalendar files read through libical (issue 22, items 6 and 8): the adapter of sync_calendar.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kith/sync/sync_calendar.hpp"

struct icalcomponent_impl;

namespace kith {

// Reads .ics files one after another, sharing the time zones they define alike: libical works
// out a zone's changes (each year since its first) once per zone object, which over thousands
// of files that each carry the same VTIMEZONE cost more than all the rest.
class CalendarReader {
public:
    CalendarReader();
    ~CalendarReader();
    CalendarReader(const CalendarReader&) = delete;
    CalendarReader& operator=(const CalendarReader&) = delete;

    // Returns the instances of the VEVENTs in an .ics file's bytes whose day may fall in
    // since..until: RRULE, RDATE and EXDATE expanded, RECURRENCE-ID overrides applied; a timed
    // instance's day is `local_day` of its start (a POSIX time), an all-day or floating one's the
    // day written. A TZID names the file's own VTIMEZONE (one written alike in an earlier file
    // stands for it), else one an earlier file defined, else the system's zone of that name. Throws an invalid-file Error at `path`
    // (with the line when it can be found) when libical finds any error in the file: nothing is
    // taken from it.
    std::vector<EventInstance> read(std::string_view bytes, const std::string& path, Day since, Day until,
                                    const std::function<Day(std::int64_t)>& local_day);

private:
    icalcomponent_impl* zones_;                     // the shared VTIMEZONEs, parent of the file being read
    std::map<std::string, std::string> zone_texts_;  // TZID -> the text of the shared VTIMEZONE
};

}  // namespace kith
