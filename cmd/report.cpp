// kith report [-o FILE.html] [--months N] [--top N]: the network's health as one self-contained HTML page.
#include <iostream>

#include "report.hpp"
#include "stats.hpp"
#include "kith/views/health.hpp"
#include "kith/store/outside_file.hpp"
#include "kith/views/report_html.hpp"

namespace kith::cli {
namespace {

struct ReportOptions {
    std::string output = "kith-report.html";
    int months = 12;
    size_t top = 10;
};

Outcome report(Context& ctx, const ReportOptions& in) {
    const Health health = read_health(ctx, in.months);
    const std::string page = render_report_html(health, in.top);
    if (in.output == "-") {
        std::cout << page;
        return Outcome::done;
    }
    refuse_network_place(in.output, ctx.store().path());
    write_outside_file(in.output, page);
    ctx.say("wrote '" + in.output + "' (" + std::to_string((page.size() + 1023) / 1024) + " KB)");
    return Outcome::done;
}

}  // namespace

void add_report(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("report", "The network's health as one HTML page (inline SVG, no script)");
    auto in = std::make_shared<ReportOptions>();
    cmd->add_option("-o,--output", in->output, "Write the page here ('-' for stdout)")
        ->default_val("kith-report.html");
    cmd->add_option("--months", in->months, "Look back N months (the heatmap, promises, introductions)")
        ->default_val(12)
        ->check(count_check(1, 120));
    cmd->add_option("--top", in->top, "At most N people in each list")->default_val(10)->check(count_check(1, 1000));
    cmd->footer(
        "The page fetches nothing and runs no script: it opens from a file and is safe to mail.\n"
        "Examples:\n"
        "  kith report -o ~/network.html\n"
        "  kith report --months 6 -o - | mail -a 'Content-Type: text/html' me@example.org");
    actions[cmd] = [&ctx, in] { return report(ctx, *in); };
}

}  // namespace kith::cli
