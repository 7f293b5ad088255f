#include "kith/store/intent.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "kith/store/beneath_temp.hpp"
#include "kith/base/error.hpp"
#include "kith/store/folder.hpp"
#include "kith/base/hash.hpp"
#include "kith/model/layout.hpp"

namespace kith::intent {
namespace {

using beneath::Place;
using beneath::place;

constexpr const char* magic_v2 = "kith-intent-2";  // kind, from, to, before
constexpr const char* magic = "kith-intent-3";     // kind, from, to, before, after

bool present(const Place& at) {
    struct stat info {};
    return at.dir.ok() && ::fstatat(at.dir.get(), at.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
        fields.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
    fields.push_back(line.substr(start));
    return fields;
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// contacts/NAME.yaml or archive/NAME.yaml, as kith names a contact file.
bool is_contact_path(const std::string& path) {
    if (!layout::in_people_folder(path)) return false;
    const std::string name = path.substr(path.find('/') + 1);
    return name.size() > 5 && name.ends_with(".yaml") && !name.starts_with('.');
}

// A path as resolved that kith may write a contact to: a *.yaml file in no hidden folder (no
// .git/, no .kith/), and not the settings.
bool is_plain_place(const std::string& resolved) {
    for (size_t start = 0;;) {
        if (start >= resolved.size() || resolved[start] == '.') return false;
        const size_t slash = resolved.find('/', start);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return resolved != "kith.yaml" && resolved.ends_with(".yaml");
}

bool is_state(const std::string& state) {
    const size_t colon = state.find(':');
    const auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
    return colon != std::string::npos && digits(state.substr(0, colon)) && digits(state.substr(colon + 1));
}

std::string staged_name(const Step& step) { return layout::in_state(layout::staged_prefix + base_name(step.from)); }

// The staged file of a step that still holds what the record says it does: its first name
// while the step is pending, else its second one; nullopt when neither does.
std::optional<std::string> staged_file(const beneath::Root& root, const Step& step, bool pending) {
    const std::string path = pending ? step.from : staged_name(step);
    if (present(place(root, path, false, false)) && (step.after.empty() || state_of(root, path) == step.after))
        return path;
    return std::nullopt;
}

// Renames a staged file onto a place; `replace` or not. Returns false (errno set) on failure.
bool rename_onto(const beneath::Root& root, const std::string& staged, const Place& to, bool replace) {
    const Place from = place(root, staged, false, false);
    const int done = replace ? ::renameat(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str())
                             : ::renameat2(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str(), RENAME_NOREPLACE);
    if (done != 0) return false;
    beneath::sync_folder(to.dir.get());
    beneath::sync_folder(from.dir.get());
    return true;
}

// Moves a staged file to a visible name beside the contact file it was for,
// "<name>.kith-unfinished" (numbered when taken): kith never reads it as a contact, and check
// reports it. Returns the path it is kept at.
std::string keep_beside(const beneath::Root& root, const std::string& staged, const Step& step) {
    for (int n = 1; n < 1000; ++n) {
        const std::string kept = step.to + layout::unfinished_suffix + (n == 1 ? "" : "-" + std::to_string(n));
        if (rename_onto(root, staged, place(root, kept, false, false), false)) return kept;
        if (errno != EEXIST) break;
    }
    beneath::fail_io("cannot keep kith's unfinished version beside it", step.to);
}

Error lost(const Step& step) {
    return Error(ErrorKind::invalid,
                 "kith's change to this file is lost: a kith that was stopped had staged it, and the staged text is gone "
                 "(taken by 'git clean' or 'git stash -u'?); the file is as it was before, while the other files of "
                 "that change may hold theirs: make this change again", Location{step.to, 0, 0});
}

std::optional<Error> finish_move(const beneath::Root& root, const Step& step) {
    const Place from = place(root, step.from, false, false);
    const Place to = place(root, step.to, false, true);
    const bool moved = present(to);
    if (present(from) && !moved) {
        apply(root, step);
        return std::nullopt;
    }
    if (moved && !present(from)) return std::nullopt;  // done before
    if (!moved)  // in neither place: a `git clean` took the moved file, untracked where it went
        if (const auto staged = staged_file(root, step, false); staged && rename_onto(root, *staged, to, false))
            return std::nullopt;
    return Error(ErrorKind::invalid, "a kith that was stopped was moving it to " + step.to +
                                         (moved ? ", which was made since; both are kept as they are"
                                                : ", and it is in neither place now (taken by 'git clean'?)"),
                 Location{step.from, 0, 0});
}

// A removal is done when the file is gone; it is made when the file holds what it held when
// planned; a file changed since is kept.
std::optional<Error> finish_remove(const beneath::Root& root, const Step& step) {
    const std::string now = state_of(root, step.to);
    if (now == absent) return std::nullopt;
    if (now == step.before) {
        apply(root, step);
        return std::nullopt;
    }
    return Error(ErrorKind::invalid, "a kith that was stopped was removing it (kith merge), and it changed since; "
                                     "it is kept as it is: remove it yourself if it was merged",
                 Location{step.to, 0, 0});
}

}  // namespace

std::string state_of_bytes(std::string_view bytes) {
    return std::to_string(bytes.size()) + ":" + std::to_string(hash_bytes(bytes));
}

std::string state_of(const beneath::Root& root, const std::string& path) {
    if (!present(place(root, path, false, false))) return absent;
    try {
        return state_of_bytes(beneath::read_file(root, path, max_file_bytes));
    } catch (const Error&) {
        return "?";
    }
}

std::string encode(const std::vector<Step>& steps) {
    std::string text = std::string(magic) + "\n";
    for (const auto& step : steps) {
        for (const std::string* part : {&step.kind, &step.from, &step.to, &step.before}) (text += *part) += '\t';
        (text += step.after) += '\n';
    }
    const std::string sum = std::to_string(hash_bytes(text));
    text += "end\t" + sum + "\n";
    return text;
}

std::optional<std::vector<Step>> decode(const std::string& text) {
    const size_t end = text.rfind("end\t");
    const bool v2 = text.starts_with(std::string(magic_v2) + "\n");
    if (end == std::string::npos || !(v2 || text.starts_with(std::string(magic) + "\n"))) return std::nullopt;
    if (text.substr(end) != "end\t" + std::to_string(hash_bytes(text.substr(0, end))) + "\n") return std::nullopt;
    std::vector<Step> steps;
    size_t at = text.find('\n') + 1;
    while (at < end) {
        const size_t eol = text.find('\n', at);
        const std::vector<std::string> fields = split_tabs(text.substr(at, eol - at));
        if (fields.size() != (v2 ? 4U : 5U)) return std::nullopt;
        steps.push_back(Step{fields[0], fields[1], fields[2], fields[3], v2 ? "" : fields[4]});
        at = eol + 1;
    }
    return steps;
}

std::optional<std::string> refusal(const beneath::Root& root, const Step& step) {
    const auto no_contact = [](const std::string& what, const std::string& path) {
        return what + " '" + path + "' is no contact file in " + layout::contacts + "/ or " +
               layout::archive + "/";
    };
    if (step.kind != "replace" && step.kind != "new" && step.kind != "move" && step.kind != "remove")
        return "a step '" + step.kind + "'";
    if (!is_contact_path(step.to)) return no_contact("its target", step.to);
    if (!step.after.empty() && !is_state(step.after) && !(step.kind == "remove" && step.after == absent)) return "the step onto '" + step.to + "' says nothing it can check";
    if (step.kind == "replace" || step.kind == "remove" ? !is_state(step.before) : step.before != absent)
        return "the step onto '" + step.to + "' does not say what the file held before";
    try {
        if (step.kind == "remove") {
            if (step.from != step.to) return "a removal of '" + step.to + "' names another file, '" + step.from + "'";
            if (const std::string real = place(root, step.to, false, false).path; !is_plain_place(real))
                return "'" + step.to + "' lies in '" + real + "'";
            return std::nullopt;
        }
        if (step.kind == "move") {
            if (!is_contact_path(step.from)) return no_contact("what it moves,", step.from);
            for (const std::string* path : {&step.from, &step.to})
                if (const std::string real = place(root, *path, false, false).path; !is_plain_place(real))
                    return "'" + *path + "' lies in '" + real + "'";
            return std::nullopt;
        }
        const Place target = place(root, step.to, true, false);
        if (!is_plain_place(target.path)) return "its target '" + step.to + "' leads to '" + target.path + "'";
        const std::string folder = target.path.substr(0, target.path.size() - target.name.size());
        const std::string temp = step.from.starts_with(folder) ? step.from.substr(folder.size()) : "";
        if (temp.size() != target.name.size() + 8 || !temp.starts_with("." + target.name + ".") ||
            !beneath::is_temp_name(layout::contacts, temp))
            return "'" + step.from + "' is not the temp file kith writes for '" + step.to + "'";
    } catch (const Error& e) {  // a link that leads out of the folder
        return e.located();
    }
    return std::nullopt;
}

void write_record(const Folder& store, const beneath::Root& root, const std::vector<Step>& steps) {
    try {  // in .kith/, whose entries writing the record flushes
        for (const auto& step : steps) {
            const Place from = place(root, step.from, false, false);
            const Place staged = place(root, staged_name(step), false, true);
            if (from.dir.ok()) (void)::linkat(from.dir.get(), from.name.c_str(), staged.dir.get(), staged.name.c_str(), 0);
        }
    } catch (const Error&) {  // best effort: without second names, a temp file taken by `git clean` is said lost
    }
    const std::string text = encode(steps);
    store.write_state(record_path, text, max_record_bytes);
    const Place record = place(root, record_path, false, false);
    const Place copy = place(root, record_copy_path, false, false);
    if (::linkat(record.dir.get(), record.name.c_str(), copy.dir.get(), copy.name.c_str(), 0) == 0)
        beneath::sync_folder(copy.dir.get());
    else
        store.write_state(record_copy_path, text, max_record_bytes);
}

bool remove_record(const beneath::Root& root, const std::vector<Step>& steps) {
    bool removed = true;
    for (const char* name : {record_copy_path, record_path}) {  // should the copy come back, it finishes nothing twice
        const Place record = place(root, name, false, false);
        if (::unlinkat(record.dir.get(), record.name.c_str(), 0) != 0 && errno != ENOENT) removed = false;
        if (name == record_path) beneath::sync_folder(record.dir.get());
    }
    const int saved = errno;
    for (const auto& step : steps) beneath::remove_file(root, staged_name(step));
    errno = saved;
    return removed;
}

void apply(const beneath::Root& root, const Step& step, bool flush_folders) {
    if (step.kind == "remove") {
        const Place at = place(root, step.to, false, false);
        if (::unlinkat(at.dir.get(), at.name.c_str(), 0) != 0 && errno != ENOENT) beneath::fail_io("cannot remove", step.to);
        if (flush_folders) beneath::sync_folder(at.dir.get());
        return;
    }
    const Place from = place(root, step.from, false, false);
    const Place to = place(root, step.to, step.kind != "move", true);
    if (!present(from)) {
        if (present(to)) return;  // done before
        errno = ENOENT;
        beneath::fail_io("cannot find what to move or rename", step.from);
    }
    if (step.kind == "replace") {
        if (::renameat(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str()) != 0)
            beneath::fail_io("cannot replace", step.to);
    } else if (::renameat2(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST) {
            if (step.kind == "new") ::unlinkat(from.dir.get(), from.name.c_str(), 0);
            throw Error(ErrorKind::usage, "'" + step.to + "' exists already; kith will not replace it");
        }
        beneath::fail_io(step.kind == "new" ? "cannot create" : "cannot move to '" + step.to + "'", step.from);
    }
    if (!flush_folders) return;
    beneath::sync_folder(to.dir.get());
    if (step.kind == "move") beneath::sync_folder(from.dir.get());
}

std::optional<Error> finish(const beneath::Root& root, const Step& step) {
    if (step.kind == "move") return finish_move(root, step);
    if (step.kind == "remove") return finish_remove(root, step);
    const Place target = place(root, step.to, true, true);
    const std::string now = state_of(root, target.path);
    const bool pending = present(place(root, step.from, false, false));
    const std::optional<std::string> staged = staged_file(root, step, pending);
    if (now == step.before) {
        if (!staged) return lost(step);
        if (!rename_onto(root, *staged, target, step.kind == "replace"))
            beneath::fail_io(step.kind == "new" ? "cannot create" : "cannot replace", step.to);
        return std::nullopt;
    }
    // Done before (its temp file was renamed, and the file may have changed since), unless a
    // staged copy says the step never happened and the file changed in between.
    if (now == step.after || !staged || (!pending && step.after.empty())) return std::nullopt;
    const std::string said = step.before == absent ? "was made" : now == absent ? "was removed" : "changed";
    const std::string kept = keep_beside(root, *staged, step);
    return Error(ErrorKind::invalid, said + " since a kith that was stopped began to write it, so it is kept as it is; " +
                                         "that kith's version is in " + kept + ": merge what you want into " +
                                         step.to + ", then delete " + kept,
                 Location{step.to, 0, 0});
}

}  // namespace kith::intent
