// kith find TEXT: full-text search over names, aka, org, title, interests, tags, notes and log notes.
#include "commands.hpp"
#include "kith/find.hpp"

namespace kith::cli {

void add_find(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("find", "Search people, ignoring case and accents; exit 1 when nothing matches");
    auto text = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("TEXT", *text, "What to look for")->required();
    add_format(*cmd, *format);
    cmd->footer("Examples:\n  kith find robotics\n  kith find \"nunez\"        # finds José Núñez");
    actions[cmd] = [&ctx, text, format] {
        const Network network = ctx.load();
        const auto matches = find_people(network.contacts, *text);
        ctx.print(find_table(matches), *format);  // no match: nothing in text, the header in tsv, [] in json
        return matches.empty() ? 1 : 0;
    };
}

}  // namespace kith::cli
