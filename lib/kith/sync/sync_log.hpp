#pragma once
// What `kith sync mail` and `kith sync calendar` log, and how they stay idempotent (issue 22).
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// One log entry a sync plans for one person.
struct SyncEntry {
    std::string_view slug, path, name;  // the person, as read before the lock (views of the planner's people)
    LogEntry entry;  // what is written
    LogEntry match;  // what the log is checked against: the entry, with a meeting's summary as its
                     // note even when the entry leaves it out (it tells the day's events apart)
};

// Returns true when `log` already holds the contact `match` records (see logs_same_contact).
bool already_logged(const std::vector<LogEntry>& log, const LogEntry& match);

// Returns true when `log`, whole or as the index summarizes it (its latest entry that counts as
// contact), may hold a contact entry on `day` or later: else no email or meeting entry of those
// days is there, and the whole log need not be read to tell.
bool may_hold_contact_from(const std::vector<LogEntry>& log, Day day);

// Returns a contact file's text with those of `entries` (one person's) added that its log, parsed
// from `text` itself (under the lock), does not already hold; `added` counts the entries added.
std::string add_missing_entries(const std::string& text, const std::vector<const SyncEntry*>& entries,
                                const std::string& path, const Config& config, size_t& added);

// Returns text made one line for a note: runs of white space (as Python's str.split() sees it)
// made one space, the ends trimmed.
std::string one_line_note(std::string_view text);

}  // namespace kith
