#pragma once
// Recording interactions and follow-ups in a contact file's text, and renaming the references to a person.
#include <string>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// Adds a log entry to a contact file's text, in date order.
std::string add_log_entry(const std::string& text, const LogEntry& entry, const std::string& path);

// Adds log entries to a contact file's text in one edit, each placed as add_log_entry would
// place it after the ones before: the same text as adding them one by one, for one reading.
std::string add_log_entries(const std::string& text, const std::vector<LogEntry>& entries, const std::string& path);

// Returns true when a log entry `had` already records the contact `entry` would, so that a sync
// (or a merge of two syncs) adds nothing: an `email` entry that day, whatever either note (one
// per person and day); a `meeting` entry that day with the same note, or either without one (a
// summary left out names no event, so it stands for any); another kind, the same day, kind and note.
bool logs_same_contact(const LogEntry& had, const LogEntry& entry);

// Adds a follow-up to a contact file's text, in order of due day.
std::string add_followup(const std::string& text, const FollowUp& followup, const std::string& path);

// Returns the index (in file order) of the open follow-up that `text` picks: the only open
// one when `text` is empty, else the one whose `what` contains it (ignoring case and
// accents). Throws a usage Error when none or several match, listing them.
size_t pick_open_followup(const Contact& contact, const std::string& text);

// `kith done` as an edit under the lock: parses `text` (the file as it is now), picks the open
// follow-up that `which` names as pick_open_followup does, and marks it done on `today`. It
// decides from `text` alone, never from an earlier read, so a follow-up added or closed in
// between cannot make it close another. Throws a usage Error when none or several match now,
// an invalid-file Error when the item cannot be edited. `closed` receives the follow-up closed.
std::string close_followup(const std::string& text, const std::string& which, Day today, const std::string& path,
                           const Config& config, FollowUp& closed);

// Refuses a log day after today: a plan is a follow-up.
void check_not_future(Day day, Day today);

// Returns the index of the newest log entry: the latest day, and of those the last written.
// Throws a usage Error when the log is empty.
size_t newest_log_index(const Contact& contact);

// Rewrites every reference to `old_slug` in a contact's text (introduced_by, and `with:` in
// its log) to `new_slug`, touching only those values. Returns the text unchanged when there
// is none. Throws an invalid-file Error when a reference cannot be rewritten safely.
std::string rename_references(const std::string& text, const std::string& old_slug, const std::string& new_slug,
                              const std::string& path, const Config& config);

}  // namespace kith
