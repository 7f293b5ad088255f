#pragma once
// iCalendar (RFC 5545) for `due --format ics`.
#include <string>
#include <string_view>
#include <vector>

#include "kith/due.hpp"

namespace kith {

// Escapes a TEXT value: backslash, ';', ',' and line breaks (RFC 5545 3.3.11).
std::string ics_escape(std::string_view text);

// Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 sequence,
// and ends it with CRLF (RFC 5545 3.1).
std::string ics_fold(std::string_view line);

// Renders due items as a VCALENDAR: a VTODO for each contact and follow-up, a yearly
// VEVENT (RRULE:FREQ=YEARLY) for each birthday and date. UIDs depend only on the item,
// so they are stable across runs; DTSTAMP is `today` at midnight UTC.
std::string render_ics(const std::vector<DueItem>& items, Day today);

}  // namespace kith
