#include "autocommit.hpp"

#include <unistd.h>

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

void check_merge_driver(const Context& ctx, const std::string& root) {
    static bool said = false;
    if (said) return;
    const Store store(root);
    try {
        if (!store.exists(".gitattributes") || store.read(".gitattributes").find("merge=kith") == std::string::npos)
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

bool commit_paths(const Context& ctx, const std::string& root, const std::vector<std::string>& paths,
                  const std::string& message) {
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
    const std::string index = dir + "/kith-index-" + std::to_string(::getpid());
    const std::vector<std::string> env = {"GIT_INDEX_FILE=" + index};
    std::vector<std::string> update = {"git", "-C", root, "update-index", "--add", "--remove", "--"};
    update.insert(update.end(), paths.begin(), paths.end());
    const auto cleanup = [&] { ::unlink(index.c_str()); };
    const bool has_head = run_captured({"git", "-C", root, "rev-parse", "-q", "--verify", "HEAD"}).status == 0;
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
        ctx.warn("committed, but git's index could not be updated for " + paths.front() + "; 'git status' may show it");
    return true;
}

void autocommit(const Context& ctx, const Config& config, const std::string& root,
                const std::vector<std::string>& paths, const std::string& message) {
    check_merge_driver(ctx, root);
    if (config.autocommit) commit_paths(ctx, root, paths, message);
}

}  // namespace kith::cli
