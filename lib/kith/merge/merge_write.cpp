#include "kith/merge/merge_write.hpp"

#include "kith/base/error.hpp"
#include "kith/store/transaction.hpp"

namespace kith {

FoldResult fold_conflict_copy(const Store& store, const Config& config, const std::string& copy,
                              const std::string& original, const std::string& base) {
    FoldResult folded;
    {
        Transaction change(store, config);  // decided from what is read under its lock
        const std::string ours = change.read(original);
        const MergeResult result = merge_contact_files(base, ours, change.read(copy), original);
        if (result.text.size() > max_file_bytes)
            throw Error(ErrorKind::invalid, "folding '" + copy + "' in would make it larger than 1 MiB, the most kith reads; "
                                            "nothing was changed", Location{original, 0, 0});
        if (result.conflicts > 0 || !result.parses) {
            change.write_as_is(original, result.text);  // conflicts marked: a text that does not read until resolved
            change.commit();
            folded.conflicts = result.conflicts;
            return folded;
        }
        if (result.text != ours) change.replace(original, result.text);
        folded.changed = change.commit();
        folded.nothing_new = result.text == ours;
    }
    // The copy goes once the merge is written, in a change of its own: its name need not be a
    // contact file's (NAME.yaml.orig), which a record of intent names alone. Should kith stop
    // between the two, folding the copy again finds nothing new in it.
    Transaction removal(store, config);
    removal.remove(copy);
    removal.commit();
    folded.clean = true;
    return folded;
}

void write_merge_result(const Store& store, const std::string& path, const std::string& text) {
    static const Config no_settings;  // nothing is parsed as a contact here
    Transaction change(store, no_settings);
    change.write_as_is(path, text);
    change.commit();
}

}  // namespace kith
