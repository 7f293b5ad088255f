#pragma once
// The verbs commands ask of a person's file: each takes the file's text (as it is under the
// writers' lock, in a Transaction's edit), decides from it alone, and returns the new text with
// what changed, for the command's message. They spell the file's keys so that no command does.
#include <optional>
#include <string>

#include "kith/base/dates.hpp"
#include "kith/model/model.hpp"

namespace kith {

// A file's new text, and the log entry a verb took back or corrected (before and after).
struct EntryChange {
    std::string text;
    LogEntry was, now;
};

// What `log --amend` corrects in the newest log entry; what is not given is kept.
struct EntryFix {
    std::optional<Day> date;
    std::optional<std::string> kind, note;
};

// Adds a log entry (in date order) and, when given, a follow-up (in order of due day).
std::string log_interaction(const std::string& text, const LogEntry& entry, const std::optional<FollowUp>& followup,
                            const std::string& path);

// Removes the newest log entry (newest_log_index); `was` and `now` are the entry removed.
// Throws a usage Error when the log is empty.
EntryChange undo_last_entry(const std::string& text, const std::string& path, const Config& config);

// Rewrites the newest log entry with what `fix` gives, moving it to its place by date.
// Throws a usage Error when the log is empty.
EntryChange amend_last_entry(const std::string& text, const EntryFix& fix, const std::string& path, const Config& config);

// A person's tier and the cadence that applies to them (as written, e.g. "2w").
struct Placement {
    std::string tier, cadence;
};

// A file's new text, and the person's placement before and after.
struct TierChange {
    std::string text;
    Placement was, now;
};

// Sets the person's tier, and their own cadence when one is given. The tier is not checked
// against the settings here (Config::require_tier does).
TierChange set_tier(const std::string& text, const std::string& tier, const std::optional<Duration>& cadence,
                    const std::string& path, const Config& config);

// A file's new text, and whether it differs from the old.
struct TextChange {
    std::string text;
    bool changed = false;
};

// Snoozes the person until `until`; unchanged when they are snoozed until that day already.
TextChange snooze(const std::string& text, Day until, const std::string& path, const Config& config);

// Ends the person's snooze; unchanged when they are not snoozed.
TextChange clear_snooze(const std::string& text, const std::string& path, const Config& config);

// A file's new text, and the follow-up a verb removed (interaction's close_followup closes one).
struct FollowUpChange {
    std::string text;
    FollowUp followup;
};

// Removes the open follow-up that `which` names (pick_open_followup): a cancelled promise leaves
// nothing to be due or merged.
FollowUpChange cancel_followup(const std::string& text, const std::string& which, const std::string& path,
                               const Config& config);

// Gives `person` (read from this file) the name `new_name`, keeping the old one as an aka unless
// `keep_old_as_aka` is false or it is one already, and, when `new_slug` differs from theirs,
// rewrites the references to them in their own file (rename_references).
std::string rename_person(const std::string& text, const Contact& person, const std::string& new_name,
                          const std::string& new_slug, bool keep_old_as_aka, const Config& config);

}  // namespace kith
