// kith list [--tier T] [--tag T] [--org O] [--archived] [--format F]: a table of people.
#include "list.hpp"
#include "lookup.hpp"
#include "kith/views/list.hpp"

namespace kith::cli {

void add_list(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("list", "List people as a table");
    auto query = std::make_shared<ListQuery>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("--tier", query->tiers, "Only this tier (repeatable)");
    cmd->add_option("--tag", query->tags, "Only people with this tag (repeatable)");
    cmd->add_option("--org", query->org, "Only people whose organisation contains this");
    cmd->add_flag("--archived", query->archived, "List the archived people instead");
    add_format(*cmd, *format);
    cmd->footer("Examples:\n  kith list --tier core\n  kith list --format tsv | cut -f1,6");
    actions[cmd] = [&ctx, query, format] {
        const Network network = load_index(ctx, query->archived);
        check_tiers(network.config, query->tiers);
        ctx.print(list_table(network.contacts, network.config, *query, ctx.today()), *format);
        return Outcome::done;
    };
}

}  // namespace kith::cli
