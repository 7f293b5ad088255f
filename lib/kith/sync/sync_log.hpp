#pragma once
// What `kith sync mail` and `kith sync calendar` log, and how they stay idempotent (issue 22).
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// One log entry a sync plans for one person.
struct SyncEntry {
    std::string slug, path, name;  // the person, as read before the lock
    LogEntry entry;
};

// Returns true when `log` already holds what `entry` would add: for `email`, any email entry
// that day (at most one per person per day); for other kinds, an entry of that day, kind and note.
bool already_logged(const std::vector<LogEntry>& log, const LogEntry& entry);

// Returns a contact file's text with those of `entries` added that its log (parsed from `text`
// itself, under the lock) does not already hold; `added` gets the entries added.
std::string add_missing_entries(const std::string& text, const std::vector<LogEntry>& entries, const std::string& path,
                                const Config& config, std::vector<LogEntry>& added);

// Returns text made one line for a note: runs of white space (as Python's str.split() sees it)
// made one space, the ends trimmed.
std::string one_line_note(std::string_view text);

}  // namespace kith
