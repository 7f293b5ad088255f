// kith git ARGS...: run git in the network folder, as `pass git` does.
#include "git.hpp"
#include "kith/base/error.hpp"
#include "process.hpp"

namespace kith::cli {
namespace {

// git's arguments, set aside before CLI11 parses the rest: they are git's, options included.
std::vector<std::string>& git_arguments() {
    static std::vector<std::string> args;
    return args;
}

}  // namespace

int split_git_arguments(int argc, char** argv) {
    static const std::vector<std::string> with_value = {"--dir", "-d", "--today", "--color"};
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (std::find(with_value.begin(), with_value.end(), word) != with_value.end()) {
            ++i;
            continue;
        }
        if (word.starts_with("-")) continue;
        if (word != "git") return argc;
        // 'kith git --help' is kith's help for this command; 'kith git help' is git's.
        if (i + 1 < argc && (std::string(argv[i + 1]) == "--help" || std::string(argv[i + 1]) == "-h")) return argc;
        git_arguments().assign(argv + i + 1, argv + argc);
        return i + 1;
    }
    return argc;
}

void add_git(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("git", "Run git in the network folder (e.g. 'kith git pull', 'kith git log -p')");
    cmd->footer("Everything after 'git' goes to git, which runs in the network folder; its exit code is kith's.\n"
                "Examples:\n  kith git pull\n  kith git log -p contacts/ada-lovelace.yaml\n  kith git help log");
    actions[cmd] = [&ctx] {
        std::vector<std::string> command = {"git", "-C", ctx.root()};
        command.insert(command.end(), git_arguments().begin(), git_arguments().end());
        const int status = run_program(command);
        if (status < 0) throw Error(ErrorKind::io, "cannot run git; is it installed?");
        return Outcome::of_program(status);
    };
}

}  // namespace kith::cli
