#pragma once
// A contact's log entries and follow-ups as the one flow line each is written as, and the log
// kinds that have meaning.
#include <string>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// The log kinds that have meaning (SPEC 3); every kind but "note" counts as contact.
const std::vector<std::string>& known_kinds();

// Returns the log entry as one flow line: {date: ..., kind: ..., with: ..., note: ...}.
std::string log_entry_line(const LogEntry& entry);

// Returns the follow-up as one flow line: {due: ..., what: ..., done: ...} (done when set).
std::string followup_line(const FollowUp& followup);

}  // namespace kith
