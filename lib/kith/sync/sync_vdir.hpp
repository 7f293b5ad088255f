#pragma once
// `kith sync vdir`: deciding, from a vdir's cards, the network and the base (what both agreed on
// after the last sync), what each side gets. Pure: the command reads the folder and the network,
// and writes what the plan says (contact files in one transaction, then cards, then the base).
#include <functional>
#include <map>
#include <optional>
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
    std::vector<VdirFile> files;     // every readable .vcf of the vdir
    std::vector<std::string> names;  // every .vcf name in the vdir, readable or not
    std::vector<Contact> people;     // active and archived
    std::optional<SyncBase> base;    // nullopt when there is none (first sync, or lost)
    Day today;
    int version = 3;                            // of new cards
    std::function<std::string()> new_uid;       // a fresh bare lowercase UUID
};

// A change to a person's file: their synced fields from `have` to `want`, and a new `uid:`.
struct SyncEdit {
    std::string path, slug;
    Contact contact;            // as read
    SyncView have, want;
    std::string new_uid;        // set when the person gets their first uid
    std::vector<std::string> keys;  // the keys that change
};

// A card to write into the vdir.
struct SyncCardWrite {
    std::string file, slug, text;
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

// Plans a sync. Throws an invalid Error when the vdir holds no card at all while the base holds
// some (an emptied vdir is refused, as vdirsyncer refuses an emptied storage).
SyncPlan plan_sync(SyncInput& input, const std::string& vdir);

// Records in the base the people the import added from new cards (a merge is left to the next
// run, which compares the person and the card with no base).
void add_imported(SyncPlan& plan);

}  // namespace kith
