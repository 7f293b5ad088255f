#include "autocommit.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "kith/store/input_file.hpp"
#include "kith/store/intent.hpp"
#include "git_merge.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

std::string first_line(const std::string& text) {
    const size_t start = text.find_first_not_of(" \n");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find('\n', start) - start);
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

}  // namespace

std::string operation_in_progress(const std::string& git_dir) {
    if (exists(git_dir + "/MERGE_HEAD")) return "a merge";
    if (exists(git_dir + "/rebase-merge") || exists(git_dir + "/rebase-apply")) return "a rebase";
    if (exists(git_dir + "/CHERRY_PICK_HEAD")) return "a cherry-pick";
    if (exists(git_dir + "/REVERT_HEAD")) return "a revert";
    return "";
}

namespace {

// git's view of one file: its blob in HEAD (id and what it holds) and its entry in the index.
struct InGit {
    std::string head_id, head_state = intent::absent, index_id;
    bool unmerged = false;
};

// Asks git what HEAD and the index hold of each path: two programs, however many paths.
std::map<std::string, InGit> git_view(const std::string& root, const std::vector<std::string>& paths, bool has_head) {
    std::map<std::string, InGit> view;
    for (const auto& path : paths) view[path];
    if (has_head && !paths.empty()) {
        std::string input;  // "./": from the network folder, which may lie inside the repository
        for (const auto& path : paths) input += "HEAD:./" + path + "\n";
        const std::string out = run_captured({"git", "-C", root, "cat-file", "--batch"}, false, {}, input).output;
        size_t at = 0;  // each answer: "ID TYPE SIZE\nBYTES\n", or "NAME missing\n"
        for (const auto& path : paths) {
            const size_t eol = out.find('\n', at);
            if (eol == std::string::npos) break;
            const std::string header = out.substr(at, eol - at);
            at = eol + 1;
            const size_t space = header.find(' '), last = header.rfind(' ');
            if (header.ends_with(" missing") || space == last) continue;
            const size_t size = std::stoull(header.substr(last + 1));
            view[path].head_id = header.substr(0, space);
            view[path].head_state = intent::state_of_bytes(std::string_view(out).substr(at, size));
            at += size + 1;
        }
    }
    std::vector<std::string> list = {"git", "-C", root, "ls-files", "-s", "-z", "--"};
    list.insert(list.end(), paths.begin(), paths.end());
    const std::string out = run_captured(list, false, {"GIT_LITERAL_PATHSPECS=1"}).output;
    for (size_t at = 0; at < out.size();) {  // each entry: "MODE ID STAGE\tPATH\0"
        const size_t end = std::min(out.find('\0', at), out.size()), tab = out.find('\t', at);
        if (tab < end) {
            const std::string entry = out.substr(at, tab - at), path = out.substr(tab + 1, end - tab - 1);
            const size_t first = entry.find(' '), second = entry.rfind(' ');
            if (auto it = view.find(path); it != view.end() && first != second) {
                if (entry.substr(second + 1) == "0") it->second.index_id = entry.substr(first + 1, second - first - 1);
                else it->second.unmerged = true;
            }
        }
        at = end + 1;
    }
    return view;
}

// Returns the paths whose change is kith's alone, leaving out (and saying so) each file that
// holds a change of the user's that is not committed (staged or not), or that changed since
// kith wrote it, so that a commit is HEAD with kith's change and nothing else. A move goes whole
// or not at all. Paths this run did not commit through the store (init's) are kept.
std::vector<std::string> kiths_own(const Context& ctx, const Folder& network, const std::vector<std::string>& paths,
                                   bool has_head) {
    std::map<std::string, FileChange> did;  // each file: what it held before this run's first change, and after its last
    for (const FileChange& change : *ctx.committed) {
        auto [it, fresh] = did.try_emplace(change.path, change);
        if (fresh) continue;
        it->second.after = change.after;
        if (!change.from.empty()) it->second.from = change.from;
    }
    std::vector<std::string> known;
    for (const auto& path : paths)
        if (did.count(path)) known.push_back(path);
    const auto view = git_view(network.path(), known, has_head);
    std::set<std::string> left_out;
    for (const auto& path : known) {
        const FileChange& change = did.at(path);
        const InGit& git = view.at(path);
        if (git.head_state != change.before || git.index_id != git.head_id || git.unmerged) {
            ctx.warn(path + " holds a change of yours that is not committed (staged or not), so kith's change to it is "
                            "written but not committed: kith commits only its own; commit both when you are ready");
            left_out.insert(path);
        } else if (intent::state_of(network.root(), path) != change.after) {
            ctx.warn(path + " changed since kith wrote it, so kith's change to it is written but not committed");
            left_out.insert(path);
        }
    }
    for (const auto& path : known)
        if (const std::string& from = did.at(path).from; !from.empty() && (left_out.count(from) || left_out.count(path)))
            left_out.insert({from, path});
    std::vector<std::string> ours;
    for (const auto& path : paths)
        if (!left_out.count(path)) ours.push_back(path);
    return ours;
}

}  // namespace

void check_merge_driver(const Context& ctx, const Folder& network) {
    static bool said = false;
    if (said) return;
    const std::string& root = network.path();
    try {
        if (!network.exists(".gitattributes") || network.read(".gitattributes").find("merge=kith") == std::string::npos)
            return;
    } catch (const Error&) {
        return;
    }
    if (run_captured({"git", "-C", root, "rev-parse", "--git-dir"}).status != 0) return;
    const Captured driver = run_captured({"git", "-C", root, "config", "--get", "merge.kith.driver"});
    if (driver.status == 0) refresh_merge_driver(ctx, root, driver.output);
    if (driver.status != 1) return;
    said = true;
    ctx.warn(".gitattributes names the 'kith' merge driver, but git's config here lacks it (a clone does not copy "
             "it), so git merges contact files line by line; run 'kith init --git' in '" + root + "' to set it up");
}

bool commit_paths(const Context& ctx, const Folder& network, const std::vector<std::string>& paths,
                  const std::string& message) {
    const std::string& root = network.path();
    const std::string not_committed = "; the change is written but not committed";
    const Captured git_dir = run_captured({"git", "-C", root, "rev-parse", "--absolute-git-dir"});
    if (git_dir.status != 0) {
        ctx.warn("'" + root + "' is not in a git repository" + not_committed + " (run 'kith init --git')");
        return false;
    }
    const std::string dir = first_line(git_dir.output);
    if (const std::string busy = operation_in_progress(dir); !busy.empty()) {
        ctx.warn("git is in the middle of " + busy + not_committed + "; commit it with the rest once that is done");
        return false;
    }
    const bool has_head = run_captured({"git", "-C", root, "rev-parse", "-q", "--verify", "HEAD"}).status == 0;
    const std::vector<std::string> ours = kiths_own(ctx, network, paths, has_head);
    if (ours.empty()) return false;
    const std::string index = dir + "/kith-index-" + std::to_string(::getpid());
    const std::vector<std::string> env = {"GIT_INDEX_FILE=" + index};
    std::vector<std::string> update = {"git", "-C", root, "update-index", "--add", "--remove", "--"};
    update.insert(update.end(), ours.begin(), ours.end());
    const auto cleanup = [&] { remove_outside_file(index); };
    Captured step;
    if (has_head) step = run_captured({"git", "-C", root, "read-tree", "HEAD"}, true, env);
    if (!has_head || step.status == 0) step = run_captured(update, true, env);
    if (step.status == 0 && run_captured({"git", "-C", root, "diff", "--cached", "--quiet"}, false, env).status == 0) {
        cleanup();
        return false;  // the files are as committed already
    }
    if (step.status == 0) step = run_captured({"git", "-C", root, "commit", "--quiet", "-m", message}, true, env);
    cleanup();
    if (step.status != 0) {
        const std::string why = first_line(step.output);
        ctx.warn("git could not commit" + (why.empty() ? std::string() : " ('" + why + "')") + not_committed +
                 ", and nothing of it is staged");
        return false;
    }
    // The real index takes the committed paths only; whatever else the user staged stays staged.
    if (run_captured(update, true).status != 0)
        ctx.warn("committed, but git's index could not be updated for " + ours.front() + "; 'git status' may show it");
    // HEAD holds these changes now: a later change in this run (review's next key, its undo) starts from there.
    std::erase_if(*ctx.committed, [&](const FileChange& change) {
        return std::find(ours.begin(), ours.end(), change.path) != ours.end();
    });
    return true;
}

StoreHost git_host(const Context& ctx, const std::string& root) {
    StoreHost host;
    host.tracked = [root](const std::vector<std::string>& paths) {
        std::vector<std::string> list = {"git", "-C", root, "ls-files", "-z", "--"};
        list.insert(list.end(), paths.begin(), paths.end());
        const Captured listed = run_captured(list, false, {"GIT_LITERAL_PATHSPECS=1"});
        return listed.status == 0 && !listed.output.empty();
    };
    host.committed = [changes = ctx.committed](const std::vector<FileChange>& made) {
        changes->insert(changes->end(), made.begin(), made.end());
    };
    return host;
}

void autocommit(const Context& ctx, const Config& config, const Folder& network,
                const std::vector<std::string>& paths, const std::string& message) {
    check_merge_driver(ctx, network);
    if (config.autocommit) commit_paths(ctx, network, paths, message);
}

}  // namespace kith::cli
