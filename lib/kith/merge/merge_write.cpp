#include "kith/merge/merge_write.hpp"

#include "kith/base/error.hpp"
#include "kith/store/transaction.hpp"

namespace kith {

FoldResult fold_conflict_copy(const Store& store, const Config& config, const std::string& copy,
                              const std::string& original, const std::string& base) {
    const auto merged = [&](const std::string& ours) {
        MergeResult result = merge_contact_files(base, ours, store.read(copy), original);
        if (result.text.size() > max_file_bytes)
            throw Error(ErrorKind::invalid, "folding '" + copy + "' in would make it larger than 1 MiB, the most kith reads; "
                                            "nothing was changed", Location{original, 0, 0});
        return result;
    };
    FoldResult folded;
    {
        Transaction change(store, config);  // decided from what is read under its lock
        const std::string ours = change.read(original);
        const MergeResult result = merged(ours);
        if (result.conflicts == 0 && result.parses) {
            if (result.text != ours) change.replace(original, result.text);
            folded.changed = change.commit();
            store.remove(copy);  // under the same lock, once the merge is written
            folded.clean = true;
            folded.nothing_new = result.text == ours;
            return folded;
        }
    }
    // Conflicts: marked in the original (a text that does not read, so not through a Transaction).
    const WriteLock lock(store.root());
    const MergeResult result = merged(store.read(original));
    store.write(original, result.text);
    folded.conflicts = result.conflicts;
    return folded;
}

void write_merge_result(const Store& store, const std::string& path, const std::string& text) {
    const WriteLock lock(store.root());
    store.write(path, text);
}

}  // namespace kith
