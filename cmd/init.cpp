// kith init [DIR] [--git]: make a network folder; with --git, a repository with kith's merge driver.
#include <filesystem>

#include "autocommit.hpp"
#include "init.hpp"
#include "git_merge.hpp"
#include "kith/model/config_file.hpp"
#include "kith/base/error.hpp"
#include "kith/store/new_network.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

// git init when the folder is no repository yet, and the merge driver in its config when missing.
void set_up_git(const Context& ctx, const Store& store) {
    const std::string& dir = store.path();
    if (!store.exists(".git") && run_captured({"git", "init", "--quiet", dir}, true).status != 0)
        throw Error(ErrorKind::io, "'git init' failed", Location{dir, 0, 0});
    const auto missing = [&](const std::string& key) {
        return run_captured({"git", "-C", dir, "config", "--local", "--get", key}).status != 0;
    };
    const auto set = [&](const std::string& key, const std::string& value) {
        if (run_captured({"git", "-C", dir, "config", "--local", key, value}, true).status != 0)
            throw Error(ErrorKind::io, "'git config " + key + "' failed", Location{dir, 0, 0});
    };
    if (missing("merge.kith.name")) set("merge.kith.name", "kith: contact files merge entry by entry");
    if (missing("merge.kith.driver")) {
        set("merge.kith.driver", driver_command(ctx));
        ctx.say("git: contact files now merge with 'kith merge-file' (merge.kith.driver in .git/config)");
    } else {
        refresh_merge_driver(ctx, dir, run_captured({"git", "-C", dir, "config", "--local", "--get", "merge.kith.driver"}).output);
    }
}

// The settings init writes: `me` from git's user.name and user.email when git knows them
// (global or, in a clone, the repository's), else the commented example and how to set it.
std::string first_config(const Context& ctx, const std::string& dir) {
    const auto git_value = [&](const std::string& key) {
        Captured got = run_captured({"git", "-C", dir, "config", "--get", key});
        if (got.status != 0) return std::string();
        while (!got.output.empty() && (got.output.back() == '\n' || got.output.back() == '\r')) got.output.pop_back();
        return got.output;
    };
    const std::string name = git_value("user.name"), email = git_value("user.email");
    std::optional<std::string> text = default_config_text_signed(name, email);
    if (!text) {
        ctx.say("introductions are signed with 'me': set it in kith.yaml, as 'me: {name: Your Name, email: you@example.org}' "
                "(init takes it from 'git config user.name' and 'user.email' when they are set)");
        return default_config_text();
    }
    ctx.say("introductions are signed as " + name + (email.empty() ? "" : " <" + email + ">") + " ('me' in kith.yaml)");
    return *text;
}

// Refuses to make a network in the working folder when that is the home folder or one holding
// it: every command run anywhere below would find it (SPEC 1), an empty network hiding the one
// the user meant. --here makes it there all the same.
void refuse_folder_above_everything(const Context& ctx, const std::string& dir) {
    if (ctx.home.empty()) return;
    std::error_code ec;
    const std::filesystem::path home = std::filesystem::weakly_canonical(ctx.home, ec);
    const std::filesystem::path here = std::filesystem::weakly_canonical(dir, ec);
    const std::filesystem::path below = home.lexically_relative(here);  // "." for the home folder itself
    if (ec || below.empty() || *below.begin() == "..") return;
    fail_usage("'" + here.string() + "' is " + (home == here ? "your home folder" : "a folder holding your home folder") +
               ": kith would find a network here from every folder below it; make it in its own folder ('kith init "
               "~/network', then cd there or set KITH_DIR), or add --here to make it here all the same");
}

Outcome init(Context& ctx, const std::string& dir_arg, bool git, bool here) {
    std::string dir = dir_arg;
    if (here && !dir.empty()) fail_usage("--here makes the network in the working folder; give DIR or --here, not both");
    if (dir.empty() && ctx.where.dir_option) dir = *ctx.where.dir_option;
    if (dir.empty() && ctx.where.kith_dir) dir = *ctx.where.kith_dir;
    if (dir.empty()) {
        dir = ctx.where.working_dir;
        if (!here) refuse_folder_above_everything(ctx, dir);
    }
    const NewNetwork made = make_network(dir, [&] { return first_config(ctx, dir); });
    const bool existed = made.existed;
    std::vector<std::string> written = made.written;
    const Store store(dir);
    ctx.say(std::string(existed ? "kith network already in " : "made a kith network in ") + dir +
            (existed ? "; added what was missing" : "; add people with 'kith add NAME'"));
    if (git) {
        set_up_git(ctx, store);
        // The first commit holds the three files; later runs commit only what they added.
        if (run_captured({"git", "-C", dir, "rev-parse", "-q", "--verify", "HEAD"}).status != 0)
            written = {"kith.yaml", ".gitignore", ".gitattributes"};
        if (!written.empty()) commit_paths(ctx, store, written, existed ? "kith: init: add what was missing" : "kith: init");
    } else if (!written.empty()) {
        try {
            autocommit(ctx, store.load_config(), store, written, "kith: init: add what was missing");
        } catch (const Error& problem) {
            ctx.warn(problem.located() + "; nothing was committed");
        }
    }
    return Outcome::done;
}

}  // namespace

void add_init(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("init", "Make a network folder: kith.yaml, contacts/, .gitignore, .gitattributes");
    auto dir = std::make_shared<std::string>();
    auto git = std::make_shared<bool>(false);
    auto here = std::make_shared<bool>(false);
    cmd->add_option("DIR", *dir, "The folder (else --dir, $KITH_DIR or the working folder)");
    cmd->add_flag("--git", *git,
                  "Also make it a git repository (or set up a clone): kith's merge driver, and a first commit");
    cmd->add_flag("--here", *here, "Make it in the working folder even when that is your home folder");
    cmd->footer("Without DIR, init refuses the home folder and the folders holding it (every\n"
                "folder below would find that network), unless --here.\n"
                "Examples:\n  kith init ~/network --git\n  kith init\n"
                "  git clone HOST:network && kith init --git network   # a clone: sets up the merge driver");
    actions[cmd] = [&ctx, dir, git, here] { return init(ctx, *dir, *git, *here); };
}

}  // namespace kith::cli
