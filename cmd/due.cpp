// kith due [--within D] [--tier T]... [--tag T]... [--limit N] [--format F] [--check]: what is due.
#include <iostream>

#include "due.hpp"
#include "lookup.hpp"
#include "kith/views/due_view.hpp"
#include "kith/base/error.hpp"
#include "kith/interchange/ics.hpp"

namespace kith::cli {
namespace {

struct DueOptions {
    std::string within, format = "text";
    std::vector<std::string> tiers, tags;
    size_t limit = 0;
    bool check = false, ics_events = false;
};

Outcome due(Context& ctx, const DueOptions& in) {
    DueQuery query;
    query.today = ctx.today();
    if (!in.within.empty()) {
        query.within = parse_duration(in.within, true);
        if (!query.within) fail_usage("--within: '" + in.within + "' is not a duration such as 7d, 2w or 1m (at most 9999y)");
        add_cli_duration(query.today, *query.within, "--within");  // a window past 9999 is refused, never wrapped
    }
    query.tiers = in.tiers;
    query.tags = in.tags;
    query.limit = 0;  // all, to say how many --limit leaves out
    if (in.ics_events && in.format != "ics") fail_usage("--ics-events goes with --format ics");
    const Network network = load_index(ctx);
    check_tiers(network.config, in.tiers);
    std::vector<DueItem> items = due_items(network.contacts, network.config, query);
    const size_t left_out = in.limit > 0 && items.size() > in.limit ? items.size() - in.limit : 0;
    if (left_out) items.resize(in.limit);
    if (in.check) return items.empty() ? Outcome::done : Outcome::answered_no;
    // Empty results keep their shape: text prints nothing at all (so cron mails nothing),
    // tsv its header, json [], ics an empty calendar.
    if (in.format == "ics") std::cout << render_ics(items, query.today, in.ics_events ? IcsTodos::events : IcsTodos::todos);
    else if (in.format == "text") std::cout << render_due_text(items, TextStyle{ctx.terminal_width, ctx.use_color()});
    else ctx.print(due_table(items), in.format);
    if (in.format == "text" && left_out)  // on stderr: stdout stays the items themselves
        ctx.say("… and " + std::to_string(left_out) + " more (--limit " + std::to_string(in.limit) + ")");
    return Outcome::done;
}

}  // namespace

void add_due(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("due", "Who is due: gone stale, a follow-up promised, a birthday near");
    auto in = std::make_shared<DueOptions>();
    cmd->add_option("--within", in->within, "Also what falls due in the next D (e.g. 7d, 2w)");
    cmd->add_option("--tier", in->tiers, "Only this tier (repeatable)");
    cmd->add_option("--tag", in->tags, "Only people with this tag (repeatable)");
    cmd->add_option("--limit", in->limit, "At most N items, most urgent first")->check(count_check(0, 0));
    add_format(*cmd, in->format, {"text", "tsv", "json", "ics"});
    cmd->add_flag("--ics-events", in->ics_events,
                  "With --format ics: follow-ups and people as all-day events (for khal), not to-dos");
    cmd->add_flag("--check", in->check, "Print nothing; exit 1 when something is due, 0 when nothing is");
    cmd->footer(
        "Prints nothing at all when nothing is due, so cron mails only when there is something to do;\n"
        "then tsv prints its header, json [] and ics an empty calendar.\n"
        "Examples:\n"
        "  kith due --within 1w\n"
        "  kith due --format tsv | awk -F'\\t' '$1 == \"followup\"'\n"
        "  kith due --within 4w --format ics > ~/calendar/kith.ics\n"
        "  kith due --within 4w --format ics --ics-events > ~/calendar/kith.ics   # for khal");
    actions[cmd] = [&ctx, in] { return due(ctx, *in); };
}

}  // namespace kith::cli
