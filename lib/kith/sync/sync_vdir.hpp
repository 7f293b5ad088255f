#pragma once
// `kith sync vdir`: deciding, from a vdir's cards, the network and the base (what both agreed on
// after the last sync), what each side gets. The command reads the folder and the people, and
// writes what the plan says (contact files in one transaction, then cards, then the base). No
// more than a chunk of people is held in full at once: a first pass learns who is who (path,
// slug, uid), the planner decides what needs no more, and the people it wants are read again,
// a chunk at a time, and planned and staged one by one; a card is read for its UID and read
// again when its pair is merged; card texts to write go to a scratch file.
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kith/base/dates.hpp"
#include "kith/interchange/import_plan.hpp"
#include "kith/store/scratch.hpp"
#include "kith/sync/sync_vdir_base.hpp"
#include "kith/sync/sync_vdir_card.hpp"
#include "kith/sync/sync_vdir_view.hpp"

namespace kith {

// The largest card file the sync reads (as large as a contact file may be).
inline constexpr size_t sync_max_card_bytes = size_t{1} << 20;

// A person of the network as the first pass keeps them: who they are, not what they hold.
struct SyncPerson {
    std::string path, slug, name, uid;
    bool archived = false;
    std::optional<FileStamp> stamp;  // their file's, taken before it was read
};

// What the sync starts from.
struct SyncInput {
    std::vector<std::string> names;  // every .vcf name in the vdir, readable or not, sorted
    // Reads a card's bytes, again each time it is needed (no card is held while others are
    // read); nullopt for the card of a quiet UID (not read), or when it cannot be read (the
    // reader says why) or is gone.
    std::function<std::optional<std::string>(const std::string& name)> read_card;
    std::vector<SyncPerson> people;  // active and archived, in network order, but the people of quiet UIDs
    std::optional<SyncBase> base;    // nullopt when there is none (first sync, or lost)
    std::set<std::string> quiet;     // UIDs whose card and person are as the base recorded: not read
    std::vector<std::optional<FileStamp>> card_stamps;  // by names: each one's stamp, taken before reading (none: not a file)
    std::uint64_t settled_ns = 0;    // a file changed since may change again unseen (trusted_stamp)
    Day today;
    int version = 3;                            // of new cards
    std::function<std::string()> new_uid;       // a fresh bare lowercase UUID
};

// Returns the stamp of the vdir's file `name` as listed (SyncInput::card_stamps), or nullopt when
// it is not listed or had none.
std::optional<FileStamp> listed_card_stamp(const SyncInput& input, const std::string& name);

// A change to a person's file: their synced fields from `have` to `want`, and a new `uid:`.
struct SyncEdit {
    std::string path, slug, uid;  // uid: theirs, or the new one
    const Contact* contact;     // as read: valid until the next chunk of people is read
    SyncView have, want;
    std::string new_uid;        // set when the person gets their first uid
    std::vector<std::string> keys;  // the keys that change
    std::optional<SyncBaseEntry> before;  // the pair's last base entry, kept again when the edit is refused
};

// A card to write into the vdir.
struct SyncCardWrite {
    std::string file, slug, uid, text;
    bool created = false;
    std::vector<std::string> keys;  // what changed in it (empty for a new card)
    std::optional<SyncBaseEntry> before;  // the pair's last base entry, kept again when it cannot be written
};

// A property both sides changed, with the person.
struct SyncPersonConflict {
    std::string slug, name, file;
    SyncConflict conflict;
};

// Everything one run does.
struct SyncPlan {
    std::vector<SyncEdit> edits;           // the edits of the people planned since they were last staged
    ImportRecords records;                 // new people from new cards (import's planner adds or merges them)
    ImportPlan imports;
    std::vector<std::pair<std::string, SyncBaseEntry>> record_bases;  // each record's UID and base entry
    std::deque<SyncCardWrite> cards;       // held in memory (a dry run); a deque: never copied to grow
    std::deque<ScratchFile::Span> kept_cards;  // kept in the scratch file, each with its base entry (keep_card_write)
    std::set<std::string> held;            // UIDs held back: their kept cards are not written
    std::vector<SyncPersonConflict> conflicts;
    std::vector<Error> problems;           // cards not synced (bad file, duplicate UID): exit 3
    std::vector<std::string> gone;         // messages: cards deleted from the vdir
    SyncBase base;                         // the next base, the new people's entries left to add_imported; a
                                           // merged pair's entry is moved here from the input's base
};

// Keeps a card to write in the scratch file, with the base entry to record once it is written.
ScratchFile::Span keep_card_write(ScratchFile& texts, const SyncCardWrite& card, const std::optional<SyncBaseEntry>& entry);
// Reads a card kept by keep_card_write; its base entry, when it has one, into `entry`.
SyncCardWrite read_card_write(const ScratchFile& texts, ScratchFile::Span span, SyncBase& entry);

// Plans a sync in steps: who is who (the constructor), the people new cards merge into (the
// import's decisions), then each person read in full, then the rest of the base.
class SyncPlanner {
public:
    // Reads the cards and matches them with the people by UID; two cards or two people with
    // one UID are problems, and new cards are the plan's records. Card texts go to `texts`
    // when given. Throws an invalid Error when the vdir holds no card at all while the base
    // holds some (an emptied vdir is refused, as vdirsyncer refuses an emptied storage).
    SyncPlanner(SyncInput& input, std::string vdir, ScratchFile* texts);
    // The plan so far.
    SyncPlan& plan() { return plan_; }
    // Returns true when the file is of a person with no uid yet: new cards may be matched with them.
    bool unsynced(const std::string& path) const;
    // Holds in the network new cards are matched with the slugs of the people with a uid.
    void hold_slugs(ImportNetwork& network) const;
    // Takes the import's decisions (plan().imports): whom the people with no card get one for.
    void imported();
    // Returns true when the person of the file is to be read in full: their pair is merged, or
    // they get a card.
    bool wants(const std::string& path) const {
        const auto at = by_path_.find(path);
        return at != by_path_.end() && wanted_[at->second];
    }
    // Plans one person read in full: their card, their base entry, and their edit (in
    // plan().edits, which stage_sync_edits stages before the person is let go).
    void plan_person(const Contact& person);
    // Ends the plan: the base entries of the UIDs left as they were; the quiet ones are moved
    // from the input's base.
    void finish();

private:
    struct ReadCard {  // a card read for its UID: its file (read again when merged), one of input.names
        const std::string* name;
        const std::string& file() const { return *name; }
    };
    void merge_pair(const Contact& p, const SyncPerson& first, const std::string& uid, const ReadCard& read);
    void new_card(const Contact& p, const SyncPerson& first, const std::string& uid);
    void keep_card(SyncCardWrite card, std::optional<SyncBaseEntry> entry);
    std::optional<SyncCard> card_again(const std::string& file, const std::string& uid);
    bool in_vdir(const std::string& name) const;  // a name listed, or given to a new card
    std::optional<FileStamp> card_stamp(const std::string& file, bool written) const;
    std::optional<FileStamp> person_stamp(const SyncPerson& p, bool written) const;

    SyncInput& input_;
    const SyncBase& old_;
    std::string vdir_;
    ScratchFile* texts_;
    SyncPlan plan_;
    std::set<std::string> blocked_, names_;  // names_: those given to new cards (SyncInput::names has the rest)
    std::unordered_map<std::string, ReadCard> cards_;       // by UID
    std::unordered_map<std::string_view, size_t> people_by_uid_;  // into input.people (their uids), quiet ones marked
    std::unordered_map<std::string_view, size_t> by_path_;   // into input.people
    std::vector<bool> wanted_;                               // by input.people: merged, or given a card
};

}  // namespace kith
