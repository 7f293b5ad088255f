#pragma once
// iCalendar (RFC 5545) for `due --format ics`.
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/due.hpp"

namespace kith {

// Escapes a TEXT value (RFC 5545 3.3.11, and vCard's, RFC 6350 3.4): backslash, ';', ','
// and line breaks (LF, CRLF or CR, each as \n); every other control character but the tab,
// which neither format can carry, becomes U+FFFD.
std::string ics_escape(std::string_view text);

// Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 sequence,
// and ends it with CRLF (RFC 5545 3.1).
std::string ics_fold(std::string_view line);

// How follow-ups and stale contacts are written.
enum class IcsTodos {
    todos,   // VTODO with DUE (to-do lists: calcurse, Thunderbird, Apple Reminders)
    events,  // all-day VEVENT on the due day, or on today while overdue (khal and other
             // calendars that ignore VTODO)
};

// Renders due items as a VCALENDAR: follow-ups and contacts as `todos` says, a yearly
// all-day VEVENT (RRULE:FREQ=YEARLY) for each birthday and date, whose text holds nothing
// that is wrong in another year (no age: "born 1990" instead). UIDs depend only on the
// item, so they are stable across runs and years; DTSTAMP is `today` at midnight UTC.
// With no items it is an empty calendar (its properties only), which calendars accept.
std::string render_ics(const std::vector<DueItem>& items, Day today, IcsTodos todos = IcsTodos::todos);

// Renders the component (VEVENT or VTODO) of one item, as render_ics writes it between the
// calendar's own lines: a calendar can be written one item at a time.
std::string render_ics_item(const DueItem& item, Day today, IcsTodos todos = IcsTodos::todos);

}  // namespace kith
