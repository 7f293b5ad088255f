// kith where: the network folder in use, and how it was found.
#include <iostream>

#include "where.hpp"

namespace kith::cli {
namespace {

std::string how(const Context& ctx, FoundBy by) {
    const std::string working = "the working folder '" + ctx.where.working_dir + "'";
    switch (by) {
        case FoundBy::dir_option: return "from --dir";
        case FoundBy::kith_dir: return "from $KITH_DIR";
        case FoundBy::at_or_above: return "found at or above " + working + " (the nearest kith.yaml)";
        case FoundBy::data_home: return "the default data folder: no kith.yaml at or above " + working;
    }
    return "";
}

}  // namespace

void add_where(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("where", "Print the network folder in use, and how it was found");
    cmd->footer(
        "The folder goes to stdout, how it was found to stderr: --dir, else $KITH_DIR,\n"
        "else the nearest kith.yaml at or above the working folder, else the default\n"
        "data folder, ${XDG_DATA_HOME:-~/.local/share}/kith.\n"
        "Examples:\n  kith where\n  cd \"$(kith where)\"");
    actions[cmd] = [&ctx] {
        const FoundNetwork found = locate_network(ctx.where);
        std::cout << found.path << "\n";
        ctx.say(how(ctx, found.by));
        return Outcome::done;
    };
}

}  // namespace kith::cli
