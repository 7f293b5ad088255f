// kith stats [--months N] [--top N] [--format text|json]: the network's health in the terminal.
#include <iostream>
#include <optional>

#include "stats.hpp"
#include "kith/views/health.hpp"
#include "kith/views/health_json.hpp"
#include "kith/views/stats_view.hpp"

namespace kith::cli {
namespace {

struct StatsOptions {
    std::string format = "text";
    int months = 12;
    size_t top = 10;
};

Outcome stats(Context& ctx, const StatsOptions& in) {
    const Health health = read_health(ctx, in.months);
    if (in.format == "json") std::cout << health_json(health, in.top);
    else std::cout << render_stats_text(health, TextStyle{ctx.terminal_width, ctx.use_color()}, in.top);
    return Outcome::done;
}

}  // namespace

Health read_health(Context& ctx, int months) {
    // Each person is counted as their chunk is read and then dropped; "today" is asked once the
    // first files are read, as when the network was read whole.
    std::optional<HealthTally> tally;
    ctx.each_contact(false, [&](std::vector<Contact>& read_now, const Config& config) {
        if (!tally) tally.emplace(config, ctx.today(), months);
        for (const auto& contact : read_now) tally->add(contact);
    });
    if (!tally) tally.emplace(ctx.store().load_config(), ctx.today(), months);
    return tally->finish();
}

void add_stats(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("stats", "The network's health: tier bars, contacts per week, promises kept");
    auto in = std::make_shared<StatsOptions>();
    cmd->add_option("--months", in->months, "Look back N months")->default_val(12)->check(count_check(1, 120));
    cmd->add_option("--top", in->top, "At most N people in each list")->default_val(10)->check(count_check(1, 1000));
    add_format(*cmd, in->format, {"text", "json"});
    cmd->footer(
        "The same figures as 'kith report'.\n"
        "Examples:\n"
        "  kith stats\n"
        "  kith stats --format json | jq '.promises.kept_percent'");
    actions[cmd] = [&ctx, in] { return stats(ctx, *in); };
}

}  // namespace kith::cli
