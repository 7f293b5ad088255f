#pragma once
// Planning an import: for each record read from a file, add a new person, merge new facts
// into one already there, or skip it. Pure: the store applies the plan later, all or nothing.
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/interchange/interchange.hpp"

namespace kith {

// What becomes of one imported record.
enum class ImportAction { add, merge, skip };

// Returns "add", "merge" or "skip".
const char* to_string(ImportAction action);

// A fact to write into an existing person: set an empty scalar, or append a list item.
struct ImportFact {
    std::string key;    // the contact file key, e.g. "title", "email", "birthday", "dates"
    std::string value;  // as written in the file ("--12-10" for a yearless day); for dates "DATE WHAT"
    bool list_item = false;
};

// The decision for one record. A record that adds a person is that person: the planner sets its
// contact's slug, path and tier, and merges into it the records of the same person after it.
struct ImportDecision {
    ImportAction action = ImportAction::add;
    size_t record = 0;            // index into the records
    std::string slug;             // of the new person (add) or the one matched (merge, skip)
    std::string path;             // of their file, e.g. contacts/ada.yaml
    std::string matched_by;       // "email", "url" or "name"; empty for an add
    std::vector<ImportFact> facts;              // merge: what is new
    std::vector<std::string> disagreements;     // values kept because the user set them
    bool failed = false;          // its file could not be written (stage_import)
};

// Every decision, in record order, with the counts of the summary line.
struct ImportPlan {
    std::vector<ImportDecision> decisions;
    size_t added = 0, merged = 0, skipped = 0;
};

// A person already there whom a record can be matched with: where to read them in full.
struct KnownPerson {
    std::string slug, path;
    size_t position = 0;  // how many people ImportNetwork::add had been given before them
};

// Reads people already there in full, in the order given, when records are matched with them.
using LoadPeople = std::function<std::vector<Contact>(const std::vector<KnownPerson>& people)>;

// The people already there as the planner needs them, gathered one at a time (a chunk of files
// at a time): every slug (a new person's must be free), and of those a record could be matched
// with (an email, URL, name or aka in common with a record's) where they are and which keys they
// hold. Nobody is kept in full: the planner reads each matched person again, a batch at a time.
class ImportNetwork {
public:
    explicit ImportNetwork(const ImportRecords& records);
    // Takes one person already there (in network order: the first one with a key wins).
    void add(const Contact& contact);
    // Takes the slug of a contact file that does not read (contacts/SLUG.yaml): a new person's must differ.
    void hold_slug_of(const std::string& path);
    // Returns the people a record can be matched with, in the order they were added.
    const std::vector<KnownPerson>& known() const { return known_; }

private:
    friend ImportPlan plan_import(ImportNetwork&& existing, ImportRecords& records, const std::string& tier,
                                  const LoadPeople& load);
    static constexpr size_t nobody = static_cast<size_t>(-1);
    // Every key a record is looked up by, with who holds it first: a known person, then a
    // person added (known_.size() + their place among the people added); nobody yet.
    std::unordered_map<std::string, size_t> by_email_, by_url_, by_name_;
    std::vector<KnownPerson> known_;
    std::unordered_set<std::string> slugs_;
    size_t count_ = 0;
};

// Decides each record against the people already there (active and archived) and the records
// before it: matched by email, then URL, then normalised name. A value already set is never
// overwritten; a different one is a disagreement. New people get `tier` (may be empty) and a
// free slug made from their name. `load` reads each matched person in full, once, a few hundred
// people at a time.
ImportPlan plan_import(ImportNetwork&& existing, ImportRecords& records, const std::string& tier,
                       const LoadPeople& load);

// As above, with every person already there in memory (`existing`, in network order).
ImportPlan plan_import(const std::vector<Contact>& existing, ImportRecords& records, const std::string& tier);

}  // namespace kith
