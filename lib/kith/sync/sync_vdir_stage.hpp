#pragma once
// `kith sync vdir`'s plan applied: each person's edit staged (the editor's surgical edits), a
// pair held back when a side cannot be written, the people the import adds recorded in the
// base; and the pairs a run need not read (SyncQuiet).
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kith/store/transaction.hpp"
#include "kith/sync/sync_vdir.hpp"

namespace kith {

// Stages the edits of plan.edits (and empties it): one the editor refuses is reported, and its
// pair held back. Appends a line (with its line break) to `lines` for each edit from the vdir:
// one text, not a string per line, for the thousands of lines of a large sync.
void stage_sync_edits(Transaction& change, SyncPlan& plan, const std::string& would, std::string& lines,
                      std::vector<Error>& problems);

// Which UIDs a run need not read: those whose card and person's file have the stamps the base
// recorded when both sides last agreed (a card deleted since counts as unchanged while it is gone).
class SyncQuiet {
public:
    // Takes the pairs whose card is as the base recorded, by their person's file (`card_stamps`:
    // the vdir's files that have a stamp).
    SyncQuiet(const SyncBase& base, const std::map<std::string, FileStamp>& card_stamps);
    // Takes them as `input` lists the vdir.
    SyncQuiet(const SyncBase& base, const SyncInput& input);
    // Returns true when the person's file is as the base recorded too: their UID is then quiet.
    bool person_quiet(const std::string& path, const std::optional<FileStamp>& stamp);
    // Returns true when the vdir file is the card of a quiet UID (found so far).
    bool card_quiet(const std::string& name) const { return quiet_files_.count(name) > 0; }
    // The UIDs found quiet.
    const std::set<std::string>& uids() const { return quiet_; }

private:
    void take(const SyncBase& base, const std::function<std::optional<FileStamp>(const std::string&)>& card_stamp);

    std::map<std::string, const std::pair<const std::string, SyncBaseEntry>*> by_person_;
    std::set<std::string> quiet_, quiet_files_;
};

// Records in the base the people the import added from new cards (a merge is left to the next
// run, which compares the person and the card with no base).
void add_imported(SyncPlan& plan);

// Leaves a UID as the last sync left it, for a side that could not be written: its card is not
// written and its base entry is `before`, the last one (none when it had none), so that the next
// run merges it again and loses no side's change.
void hold_back(SyncPlan& plan, const std::string& uid, const std::optional<SyncBaseEntry>& before);

}  // namespace kith
