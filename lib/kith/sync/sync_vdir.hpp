#pragma once
// `kith sync vdir`: deciding, from a vdir's cards, the network and the base (what both agreed on
// after the last sync), what each side gets. Pure: the command reads the folder and the network,
// and writes what the plan says (contact files in one transaction, then cards, then the base).
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kith/base/dates.hpp"
#include "kith/interchange/import_plan.hpp"
#include "kith/sync/sync_vdir_base.hpp"
#include "kith/sync/sync_vdir_view.hpp"

namespace kith {

// The largest card file the sync reads (as large as a contact file may be).
inline constexpr size_t sync_max_card_bytes = size_t{1} << 20;

// One `.vcf` file of the vdir, as read.
struct VdirFile {
    std::string name;   // its name in the vdir
    std::string bytes;
};

// What the sync starts from.
struct SyncInput {
    std::vector<VdirFile> files;     // every readable .vcf of the vdir but the cards of quiet UIDs
    std::vector<std::string> names;  // every .vcf name in the vdir, readable or not
    std::vector<Contact> people;     // active and archived, but the people of quiet UIDs
    std::optional<SyncBase> base;    // nullopt when there is none (first sync, or lost)
    std::set<std::string> quiet;     // UIDs whose card and person are as the base recorded: not read
    std::map<std::string, FileStamp> card_stamps;    // each .vcf name's stamp, taken before reading
    std::map<std::string, FileStamp> person_stamps;  // each person read: their file's stamp, taken before reading
    std::uint64_t settled_ns = 0;    // a file changed since may change again unseen (trusted_stamp)
    Day today;
    int version = 3;                            // of new cards
    std::function<std::string()> new_uid;       // a fresh bare lowercase UUID
};

// A change to a person's file: their synced fields from `have` to `want`, and a new `uid:`.
struct SyncEdit {
    std::string path, slug, uid;  // uid: theirs, or the new one
    const Contact* contact;     // as read: one of SyncInput::people, kept until the edit is staged
    SyncView have, want;
    std::string new_uid;        // set when the person gets their first uid
    std::vector<std::string> keys;  // the keys that change
};

// A card to write into the vdir.
struct SyncCardWrite {
    std::string file, slug, uid, text;
    bool created = false;
    std::vector<std::string> keys;  // what changed in it (empty for a new card)
};

// A property both sides changed, with the person.
struct SyncPersonConflict {
    std::string slug, name, file;
    SyncConflict conflict;
};

// Everything one run does.
struct SyncPlan {
    std::vector<SyncEdit> edits;
    ImportRecords records;                 // new people from new cards (import's planner adds or merges them)
    ImportPlan imports;
    std::vector<std::pair<std::string, SyncBaseEntry>> record_bases;  // each record's UID and base entry
    std::vector<SyncCardWrite> cards;
    std::vector<SyncPersonConflict> conflicts;
    std::vector<Error> problems;           // cards not synced (bad file, duplicate UID): exit 3
    std::vector<std::string> gone;         // messages: cards deleted from the vdir
    SyncBase base;                         // the next base, the new people's entries left to add_imported
};

// Which UIDs a run need not read: those whose card and person's file have the stamps the base
// recorded when both sides last agreed (a card deleted since counts as unchanged while it is gone).
class SyncQuiet {
public:
    // Takes the pairs whose card is as the base recorded, by their person's file.
    SyncQuiet(const SyncBase& base, const std::map<std::string, FileStamp>& card_stamps);
    // Returns true when the person's file is as the base recorded too: their UID is then quiet.
    bool person_quiet(const std::string& path, const std::optional<FileStamp>& stamp);
    // Returns true when the vdir file is the card of a quiet UID (found so far).
    bool card_quiet(const std::string& name) const { return quiet_files_.count(name) > 0; }
    // The UIDs found quiet.
    const std::set<std::string>& uids() const { return quiet_; }

private:
    std::map<std::string, const std::pair<const std::string, SyncBaseEntry>*> by_person_;
    std::set<std::string> quiet_, quiet_files_;
};

// Plans a sync; the base entries of quiet UIDs are moved from `input.base` into the plan's.
// Throws an invalid Error when the vdir holds no card at all while the base holds some (an
// emptied vdir is refused, as vdirsyncer refuses an emptied storage).
SyncPlan plan_sync(SyncInput& input, const std::string& vdir);

// Records in the base the people the import added from new cards (a merge is left to the next
// run, which compares the person and the card with no base).
void add_imported(SyncPlan& plan);

// Leaves a UID as the last sync left it, for a side that could not be written: its card is not
// written and its base entry is the one of `old` (none when it had none), so that the next run
// merges it again and loses no side's change.
void hold_back(SyncPlan& plan, const std::optional<SyncBase>& old, const std::string& uid);

}  // namespace kith
