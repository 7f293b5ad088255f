// kith check: validate every file and report each problem as path:line:col: message.
#include <iostream>

#include "commands.hpp"
#include "kith/error.hpp"
#include "kith/text.hpp"

namespace kith::cli {

void add_check(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("check", "Validate kith.yaml and every contact file");
    cmd->footer("Prints one 'path:line:col: message' line per problem on stdout; exit 3 when there is any.\n"
                "Example:\n  kith check && git commit -am 'contacts'");
    actions[cmd] = [&ctx] {
        const Store store = ctx.store();
        const Network network = store.load(true);
        for (const auto& problem : network.problems) std::cout << visible(problem.located()) << "\n";
        const size_t files = network.contacts.size() + network.problems.size();
        ctx.say("checked " + std::to_string(files) + (files == 1 ? " file: " : " files: ") +
                (network.problems.empty() ? "all fine" : std::to_string(network.problems.size()) + " with problems"));
        return network.problems.empty() ? 0 : 3;
    };
}

}  // namespace kith::cli
