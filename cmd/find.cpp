// kith find TEXT: full-text search over names, aka, org, title, interests, tags, notes and log notes.
#include "commands.hpp"
#include "kith/excerpt.hpp"
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
        Table table = find_table(matches);
        if (*format == "text") {  // people see the matching words in their context; scripts the whole value
            for (auto& row : table.rows) row.back() = match_excerpt(row.back(), *text);
            table.columns.back().keep_words = 64;  // never cut: on the line below when it does not fit
        }
        ctx.print(table, *format);  // no match: nothing in text, the header in tsv, [] in json
        return matches.empty() ? 1 : 0;
    };
}

}  // namespace kith::cli
