#include "git_merge.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "autocommit.hpp"
#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/input_file.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

namespace fs = std::filesystem;

const std::string driver_arguments = " merge-file %O %A %B -p %P";

std::string shell_quoted(const std::string& word) {
    if (word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-") == std::string::npos)
        return word;
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// The program of a command driver_command wrote: its one word, unquoted.
std::string unquoted(const std::string& word) {
    if (word.size() < 2 || word.front() != '\'' || word.back() != '\'') return word;
    std::string out;
    const std::string inside = word.substr(1, word.size() - 2);
    for (size_t i = 0; i < inside.size(); ++i) {
        if (inside.compare(i, 4, "'\\''") == 0) {
            out += '\'';
            i += 3;
        } else {
            out += inside[i];
        }
    }
    return out;
}

// The first line of a small file of git's ("" when it cannot be read).
std::string first_line_of(const std::string& path) {
    try {
        const std::string bytes = read_input_file(path, 4096).bytes;
        return bytes.substr(0, bytes.find('\n'));
    } catch (const Error&) {
        return "";
    }
}

// The git folder of the repository the network is in, found without running git; "" when none.
std::string git_dir_of(const std::string& root) {
    std::error_code ec;
    for (fs::path dir = fs::absolute(root, ec); !ec && !dir.empty(); dir = dir.parent_path()) {
        const fs::path dot = dir / ".git";
        struct stat info {};
        if (::stat(dot.c_str(), &info) == 0) {
            if (S_ISDIR(info.st_mode)) return dot.string();
            // A worktree's or submodule's: "gitdir: PATH".
            const std::string line = S_ISREG(info.st_mode) ? first_line_of(dot.string()) : "";
            if (line.starts_with("gitdir: ")) {
                const fs::path target = line.substr(8);
                return (target.is_absolute() ? target : dir / target).string();
            }
            return "";
        }
        if (dir == dir.parent_path()) break;
    }
    return "";
}

}  // namespace

std::string driver_command(const Context& ctx) {
    std::string self = "kith";
    if (ctx.self.find('/') != std::string::npos) {
        std::error_code ec;
        const auto full = fs::canonical(ctx.self, ec);
        if (!ec) self = full.string();
    }
    return shell_quoted(self) + driver_arguments;
}

void refresh_merge_driver(const Context& ctx, const std::string& root, const std::string& configured) {
    std::string command = configured;
    while (!command.empty() && (command.back() == '\n' || command.back() == '\r')) command.pop_back();
    if (!command.ends_with(driver_arguments)) return;  // not kith's: the user's own
    const std::string program = unquoted(command.substr(0, command.size() - driver_arguments.size()));
    const bool bare = program.find('/') == std::string::npos;
    if (!bare && ::access(program.c_str(), X_OK) == 0) return;
    const std::string fresh = driver_command(ctx);
    if (fresh == command || fresh.starts_with("kith ")) return;  // this kith does not know where it is either
    if (run_captured({"git", "-C", root, "config", "--local", "merge.kith.driver", fresh}).status != 0) return;
    ctx.say("git's merge driver ran '" + program + "', " +
            (bare ? "which git finds only where PATH has it (not from cron, a GUI or an IDE)" : "which is not there any more") +
            "; it now runs " + fresh.substr(0, fresh.size() - driver_arguments.size()) + " (merge.kith.driver in .git/config)");
}

std::vector<std::string> unmerged_contact_files(const std::string& root) {
    const std::string git_dir = git_dir_of(root);
    if (git_dir.empty() || (operation_in_progress(git_dir).empty() && ::access((git_dir + "/AUTO_MERGE").c_str(), F_OK) != 0))
        return {};
    const Captured listed = run_captured({"git", "-C", root, "ls-files", "-u", "-z", "--", layout::contacts,
                                              layout::archive});
    std::vector<std::string> paths;
    if (listed.status != 0) return paths;
    // Each record is "MODE OBJECT STAGE<tab>PATH", ended by a NUL; a file's stages come together.
    for (size_t start = 0; start < listed.output.size();) {
        const size_t end = std::min(listed.output.find('\0', start), listed.output.size());
        const std::string record = listed.output.substr(start, end - start);
        start = end + 1;
        const size_t tab = record.find('\t');
        if (tab == std::string::npos) continue;
        const std::string path = record.substr(tab + 1);
        if (path.ends_with(".yaml") && (paths.empty() || paths.back() != path)) paths.push_back(path);
    }
    return paths;
}

std::vector<Error> unmerged_without_markers(const Store& store) {
    std::vector<Error> found;
    for (const auto& path : unmerged_contact_files(store.path())) {
        try {
            const std::string text = store.read(path);
            if (conflict_marker_line(text) != 0) continue;  // the store reports it
            // Resolved by hand, but not added yet: everything of theirs is in it.
            const auto theirs = staged_version(store.path(), path, 3);
            if (!theirs || !staged_version(store.path(), path, 2)) continue;  // deleted on one side: git says so
            const MergeResult again = merge_contact_files(staged_version(store.path(), path, 1).value_or(""), text, *theirs, path);
            if (again.conflicts == 0 && again.text == text) continue;
        } catch (const Error&) {
            // unreadable: unmerged all the same
        }
        found.emplace_back(ErrorKind::invalid,
                           "git holds it unmerged, and the other side's changes are not all in it, yet it has no conflict "
                           "markers: git's merge driver did not run (or a conflict was resolved for our side); run 'kith "
                           "merge-file --redo " + path + "' to merge it again, or 'git add " + path + "' to keep it as it is",
                           Location{path, 0, 0});
    }
    return found;
}

namespace {

// The blob git names `object` ("HEAD:./contacts/x.yaml", ":2:./contacts/x.yaml"), at most max_file_bytes.
std::optional<std::string> git_blob(const std::string& root, const std::string& object, const std::string& path,
                                    const std::string& which) {
    const Captured size = run_captured({"git", "-C", root, "cat-file", "-s", object});
    if (size.status != 0) return std::nullopt;
    if (size.output.size() > 12 || std::stoull("0" + size.output) > max_file_bytes)
        throw Error(ErrorKind::invalid, which + " is larger than 1 MiB, the most kith reads", Location{path, 0, 0});
    const Captured blob = run_captured({"git", "-C", root, "cat-file", "blob", object});
    if (blob.status != 0) throw Error(ErrorKind::io, "git could not give " + which, Location{path, 0, 0});
    return blob.output;
}

}  // namespace

std::optional<std::string> staged_version(const std::string& root, const std::string& path, int stage) {
    return git_blob(root, ":" + std::to_string(stage) + ":./" + path, path, "git's version " + std::to_string(stage) + " of it");
}

std::optional<std::string> committed_version(const std::string& root, const std::string& path) {
    return git_blob(root, "HEAD:./" + path, path, "its version in git's HEAD");
}

std::string path_in_network(const Context& ctx, const std::string& root, const std::string& file) {
    std::error_code ec;
    const fs::path top = fs::weakly_canonical(root, ec);
    const fs::path given(file);
    const fs::path full = fs::weakly_canonical(given.is_absolute() ? given : fs::path(ctx.where.working_dir) / given, ec);
    fs::path inside = full.lexically_relative(top);
    if (inside.empty() || *inside.begin() == ".." || !fs::exists(full, ec)) inside = given.lexically_normal();
    const std::string path = inside.generic_string();
    if (!layout::in_people_folder(path) || path.ends_with("/") || path.ends_with("/.") || path.ends_with("/.."))
        fail_usage("'" + file + "' is no file of contacts/ or archive/ in the network '" + root +
                   "'; give it from there, e.g. " + layout::person_path("ada-lovelace"));
    return path;
}

}  // namespace kith::cli
