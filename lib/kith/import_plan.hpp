#pragma once
// Planning an import: for each record read from a file, add a new person, merge new facts
// into one already there, or skip it. Pure: the store applies the plan later, all or nothing.
#include <set>
#include <string>
#include <vector>

#include "kith/interchange.hpp"

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

// The decision for one record.
struct ImportDecision {
    ImportAction action = ImportAction::add;
    size_t record = 0;            // index into the records
    std::string slug;             // of the new person (add) or the one matched (merge, skip)
    std::string matched_by;       // "email", "url" or "name"; empty for an add
    Contact contact;              // add: the new person, slug and tier set
    std::vector<ImportFact> facts;              // merge: what is new
    std::vector<std::string> disagreements;     // values kept because the user set them
};

// Every decision, in record order, with the counts of the summary line.
struct ImportPlan {
    std::vector<ImportDecision> decisions;
    size_t added = 0, merged = 0, skipped = 0;
};

// Decides each record against `existing` people (active and archived) and the records
// before it: matched by email, then URL, then normalised name. A value already set is never
// overwritten; a different one is a disagreement. New people get `tier` (may be empty) and a
// free slug made from their name.
ImportPlan plan_import(const std::vector<Contact>& existing, const std::vector<ImportRecord>& records,
                       const std::string& tier);

// The people already there as the planner needs them, gathered one at a time (a chunk of files
// at a time): in full but for their history (log, follow-ups) only those a record could be
// matched with (an email, URL, name or aka in common with a record's); of the rest, the slug.
class ImportNetwork {
public:
    explicit ImportNetwork(const std::vector<ImportRecord>& records);
    // Takes one person already there (in network order: the first one with a key wins).
    void add(Contact&& contact);
    // Returns the people kept in full, in the order they were added.
    const std::vector<Contact>& kept() const { return kept_; }

private:
    friend ImportPlan plan_import(ImportNetwork&& existing, std::vector<ImportRecord>& records, const std::string& tier);
    std::set<std::string> emails_, urls_, names_;  // every key a record is looked up by
    std::vector<Contact> kept_;
    std::vector<std::string> slugs_;  // of the people not kept
};

// As plan_import above, with the people gathered by ImportNetwork: the same plan as with every
// person in full. A record that adds a person is moved into its decision (its contact is left
// empty); the other records stay as they are.
ImportPlan plan_import(ImportNetwork&& existing, std::vector<ImportRecord>& records, const std::string& tier);

}  // namespace kith
