#include "kith/intent.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include <cerrno>

#include "kith/beneath.hpp"
#include "kith/error.hpp"
#include "kith/hash.hpp"
#include "kith/store.hpp"

namespace kith::intent {
namespace {

using beneath::Place;
using beneath::place;

constexpr const char* magic_v1 = "kith-intent-1";  // kind, from, to
constexpr const char* magic = "kith-intent-2";     // kind, from, to, before

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

// Moves the staged temp file to a visible name beside its target, "<name>.kith-unfinished"
// (numbered when taken): kith never reads it as a contact, and check reports it. Returns
// the path it is kept at.
std::string keep_beside(const std::string& root, const Step& step) {
    const Place from = place(root, step.from, false, false);
    for (int n = 1; n < 1000; ++n) {
        const std::string kept = step.to + ".kith-unfinished" + (n == 1 ? "" : "-" + std::to_string(n));
        const Place to = place(root, kept, false, false);
        if (::renameat2(from.dir.get(), from.name.c_str(), to.dir.get(), to.name.c_str(), RENAME_NOREPLACE) == 0) {
            beneath::sync_folder(to.dir.get());
            return kept;
        }
        if (errno != EEXIST) break;
    }
    beneath::fail_io("cannot keep kith's unfinished version beside it", step.to);
}

}  // namespace

std::string state_of(const std::string& root, const std::string& path) {
    if (!present(place(root, path, false, false))) return absent;
    try {
        const std::string bytes = beneath::read_file(root, path, max_file_bytes);
        return std::to_string(bytes.size()) + ":" + std::to_string(hash_bytes(bytes));
    } catch (const Error&) {
        return "?";
    }
}

std::string encode(const std::vector<Step>& steps) {
    std::string text = std::string(magic) + "\n";
    for (const auto& step : steps) {
        for (const std::string* part : {&step.kind, &step.from, &step.to}) (text += *part) += '\t';
        (text += step.before) += '\n';
    }
    const std::string sum = std::to_string(hash_bytes(text));
    text += "end\t" + sum + "\n";
    return text;
}

std::optional<std::vector<Step>> decode(const std::string& text) {
    const size_t end = text.rfind("end\t");
    const bool v1 = text.starts_with(std::string(magic_v1) + "\n");
    if (end == std::string::npos || !(v1 || text.starts_with(std::string(magic) + "\n"))) return std::nullopt;
    if (text.substr(end) != "end\t" + std::to_string(hash_bytes(text.substr(0, end))) + "\n") return std::nullopt;
    std::vector<Step> steps;
    size_t at = text.find('\n') + 1;
    while (at < end) {
        const size_t eol = text.find('\n', at);
        const std::vector<std::string> fields = split_tabs(text.substr(at, eol - at));
        if (fields.size() != (v1 ? 3U : 4U)) return std::nullopt;
        steps.push_back(Step{fields[0], fields[1], fields[2], v1 ? "" : fields[3]});
        at = eol + 1;
    }
    return steps;
}

void apply(const std::string& root, const Step& step) {
    const Place from = place(root, step.from, false, false);
    const Place to = place(root, step.to, false, true);
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
    beneath::sync_folder(to.dir.get());
    if (step.kind == "move") beneath::sync_folder(from.dir.get());
}

std::optional<Error> finish(const std::string& root, const Step& step) {
    const bool pending = present(place(root, step.from, false, false));
    const std::string now = pending && !step.before.empty() ? state_of(root, step.to) : step.before;
    if (now == step.before) {
        apply(root, step);
        return std::nullopt;
    }
    const std::string said = step.before == absent ? "was made" : now == absent ? "was removed" : "changed";
    if (step.kind == "move")
        return Error(ErrorKind::invalid, "a kith that was stopped was moving it to " + step.to + ", which " + said +
                                             " since; both are kept as they are", Location{step.from, 0, 0});
    const std::string kept = keep_beside(root, step);
    return Error(ErrorKind::invalid, said + " since a kith that was stopped began to write it, so it is kept as it is; " +
                                         "that kith's version is in " + kept + ": merge what you want into " +
                                         step.to + ", then delete " + kept,
                 Location{step.to, 0, 0});
}

}  // namespace kith::intent
