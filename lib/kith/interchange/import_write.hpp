#pragma once
// Writing an import plan: each new person created and each person merged into edited once,
// in one transaction (or checked the same way in a dry run), a record that cannot be written
// left out and reported while the rest go in.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/interchange/import_plan.hpp"
#include "kith/store/transaction.hpp"

namespace kith {

// Writes facts into a contact file's text, surgically: each scalar once, and the new items of
// each list together, in one edit, so that a thousand values cost one reading of the file.
std::string write_facts(std::string_view text, const std::vector<const ImportFact*>& facts, const std::string& path);

// Stages the plan in `change` (a dry run checks each file the same way): a new file for each
// add, in record order, then one edit of each person merged into, with the facts of all their
// records. `each` is given every decision with its record before the record is let go (the
// records shrink from the front). A decision whose file cannot be written (a new file over
// 1 MiB, a person's file that does not parse or is in conflict, an edit that would not read
// back) is marked failed and left out, and its error returned, located at its record; the
// counts of the plan then count only what is staged. I/O errors are thrown.
std::vector<Error> stage_import(Transaction& change, ImportPlan& plan, ImportRecords& records,
                                const std::function<void(const ImportDecision&, const ImportRecord&)>& each);

}  // namespace kith
