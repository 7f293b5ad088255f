#include "kith/store/recovery.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "kith/store/beneath_temp.hpp"
#include "kith/base/error.hpp"
#include "kith/store/intent.hpp"
#include "kith/model/layout.hpp"

namespace kith {
namespace {

using intent::max_record_bytes;
using intent::Step;

// Removes temp files left by writes killed before their rename, and the second names of staged
// files. Only what write_temp makes (see is_temp_name: a user's own hidden file such as
// ".notes.backup" or ".bashrc.Ab12Cd" is never one) and only here, with the lock held and after
// any record is finished: no record names what is removed, and no other kith is writing in
// contacts/ or archive/ (every writer there holds the lock). There is no age test, since the
// library reads no clock.
void clean_stale(const beneath::Root& root) {
    for (const std::string folder : {layout::contacts, layout::archive, layout::state}) {
        const auto entries = beneath::list_folder(root, folder);
        for (const auto& entry : entries)
            if (!entry.folder && beneath::is_temp_name(folder, entry.name)) beneath::remove_file(root, layout::in_folder(folder, entry.name));
        if (folder == layout::state) continue;
        for (const auto& temp : beneath::temps_beside_link_targets(root, folder, entries))  // a write through a link
            beneath::remove_file(root, temp);                                                           // puts its temp beside the target
    }
    for (const auto& entry : beneath::list_folder(root, layout::state))
        if (!entry.folder && entry.name.starts_with(layout::staged_prefix)) beneath::remove_file(root, layout::in_state(entry.name));
}

[[noreturn]] void refuse(const std::string& record, const std::string& why, const std::string& fix) {
    throw Error(ErrorKind::invalid, "a record of intent " + why + "; kith follows no instructions from files it did not "
                                        "write, and did nothing of it: " + fix,
                Location{record, 0, 0});
}

// Reads the record under the names it has (both when it has two); refuses one git tracks, or
// two names that differ. Returns its steps, or nullopt when it does not read as a record.
std::optional<std::vector<Step>> read_record(const Folder& store, const std::vector<std::string>& names) {
    if (store.tracked_by_git(names)) {  // where they lead too: a .kith that is a link git tracks is asked through
        std::string both;
        for (const auto& name : names) both += (both.empty() ? "" : " ") + name;
        refuse(names.front(), "that git tracks (it came with the repository, or was added with 'git add -f')",
               "remove it from git and delete it ('git rm --cached " + both + "', then 'rm " + both + "')");
    }
    std::vector<std::string> texts;
    try {
        for (const auto& name : names) texts.push_back(store.read(name, max_record_bytes));
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::invalid) throw;
        return std::nullopt;  // not a file kith reads (a folder, a link that leads out)
    }
    if (texts.front() != texts.back())
        refuse(names.back(), "that differs from " + names.front(), "keep the one you want, and delete the other");
    return intent::decode(texts.front());
}

}  // namespace

bool finish_pending(const Folder& store) {
    const beneath::Root root = store.root();
    std::vector<std::string> names;
    for (const char* name : {intent::record_path, intent::record_copy_path})
        if (store.exists(name)) names.push_back(name);
    std::vector<Error> kept;  // targets changed since, and steps lost: reported below
    if (!names.empty()) {
        const std::optional<std::vector<Step>> steps = read_record(store, names);
        const std::string fix = "delete it ('rm " + names.front() + (names.size() > 1 ? " " + names.back() : "") + "')";
        // kith writes its record whole (a temp file renamed): one that does not read is none of kith's.
        if (!steps) refuse(names.front(), "that kith cannot read (damaged, or written by another program)", fix);
        for (const auto& step : *steps)
            if (const auto why = intent::refusal(root, step)) refuse(names.front(), "that kith did not write (" + *why + ")", fix);
        try {
            for (const auto& step : *steps)
                if (auto said = intent::finish(root, step)) kept.push_back(std::move(*said));
        } catch (const Error& e) {
            throw Error(e.kind(), "cannot finish a change an earlier kith left half-done (" + e.message() + "; see " +
                                      names.front() + ")", e.where());
        }
        if (!intent::remove_record(root, *steps)) beneath::fail_io("cannot remove", names.front());
    }
    clean_stale(root);
    if (!kept.empty()) {
        std::string message = kept.front().message();
        for (size_t i = 1; i < kept.size(); ++i) message += "; and " + kept[i].located();
        throw Error(ErrorKind::invalid, message, kept.front().where());
    }
    return !names.empty();
}

}  // namespace kith
