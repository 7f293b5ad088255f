// kith check: validate every file and report each problem as path:line:col: message.
#include <iostream>

#include "autocommit.hpp"
#include "check.hpp"
#include "git_merge.hpp"
#include "kith/base/error.hpp"
#include "kith/base/table.hpp"
#include "kith/base/text.hpp"

namespace kith::cli {

void add_check(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("check", "Validate kith.yaml and every contact file");
    cmd->footer("Prints one 'path:line:col: message' line per problem on stdout; exit 3 when there is any.\n"
                "Reads every file afresh (not from the cache), and also reports what contacts/ and archive/\n"
                "hold that kith does not read, a slug in both, temp files left by interrupted writes, copies a sync program\n"
                "made of a file in conflict (see 'kith fold'), and files git holds unmerged without conflict\n"
                "markers (see 'kith merge-file --redo'); sets git's merge driver to this kith when the one\n"
                "configured is no longer there.\n"
                "Example:\n  kith check && git commit -am 'contacts'");
    actions[cmd] = [&ctx] {
        ctx.report_on_open = false;  // unmerged files and conflict copies are reported below, with the rest
        const Store store = ctx.store();
        check_merge_driver(ctx, store);
        // Each chunk of files is parsed and dropped: only the count of those that read is kept.
        size_t read = 0;
        const Network network = store.each_contact(true, [&](std::vector<Contact>& read_now) { read += read_now.size(); });
        std::vector<Error> strays = store.strays();
        for (auto& unmerged : unmerged_without_markers(store)) strays.push_back(std::move(unmerged));
        const int width = ctx.stdout_is_terminal ? ctx.terminal_width : 0;
        for (const auto& problem : network.problems) std::cout << wrap_hanging(visible(problem.located()), width) << "\n";
        for (const auto& stray : strays) std::cout << wrap_hanging(visible(stray.located()), width) << "\n";
        const size_t files = read + network.problems.size();
        const size_t bad = network.problems.size() + strays.size();
        ctx.say("checked " + std::to_string(files) + (files == 1 ? " file: " : " files: ") +
                (bad == 0 ? "all fine" : std::to_string(bad) + " with problems"));
        return bad == 0 ? Outcome::done : Outcome::invalid_files;
    };
}

}  // namespace kith::cli
