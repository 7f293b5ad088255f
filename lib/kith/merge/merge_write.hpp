#pragma once
// Merges written into the network through Transactions: a sync program's conflict copy folded
// into its original (`kith fold`), and a merge git's driver redoes (`kith merge-file --redo`),
// whose result may hold conflict markers (written as is, for its owner to resolve).
#include <string>
#include <vector>

#include "kith/merge/merge.hpp"
#include "kith/model/model.hpp"
#include "kith/store/store.hpp"

namespace kith {

// What folding a conflict copy into its original came to.
struct FoldResult {
    bool clean = false;                // merged without conflicts: the original holds the merge, the copy is removed
    bool nothing_new = false;          // clean, and the copy held nothing the original lacked
    size_t conflicts = 0;              // not clean: the conflicts marked in the original; the copy is kept
    std::vector<std::string> changed;  // the paths the commit changed (clean only), for git
};

// Folds the conflict copy at `copy` into the contact file `original` with the merge driver, `base`
// the common version ("" when none: where they differ is marked), in one Transaction decided from
// what is read under its lock. Clean, the original takes the merge, and then the copy is removed;
// otherwise the conflicts are marked in the original and the copy stays. Throws an invalid Error,
// changing nothing, when the result would be larger than kith reads.
FoldResult fold_conflict_copy(const Store& store, const Config& config, const std::string& copy,
                              const std::string& original, const std::string& base);

// Writes a merge's result over the contact file at `path`, in one Transaction: conflicts marked
// in it, or clean.
void write_merge_result(const Store& store, const std::string& path, const std::string& text);

}  // namespace kith
