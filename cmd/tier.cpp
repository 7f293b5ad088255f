// kith tier · kith tier NAME · kith tier NAME TIER [--cadence D]: tiers and who is in them.
#include <iostream>

#include "autocommit.hpp"
#include "tier.hpp"
#include "lookup.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"
#include "kith/model/status.hpp"
#include "kith/views/tier_view.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith::cli {
namespace {

struct TierOptions {
    std::string name, tier, cadence, format = "text";
};

int set_tier(Context& ctx, const Config& config, const Contact& person, const TierOptions& in) {
    if (!config.find_tier(in.tier))
        fail_usage("unknown tier '" + in.tier + "' (tiers: " + config.tier_names() + ")");
    std::optional<Duration> cadence;
    if (!in.cadence.empty()) {
        cadence = parse_duration(in.cadence);
        if (!cadence) fail_usage("--cadence: '" + in.cadence + "' is not a duration such as 30d, 2w, 3m or 1y (at most 9999y)");
        add_cli_duration(ctx.today(), *cadence, "--cadence");
    }
    std::string before;
    const Store store = ctx.store();
    const std::vector<std::string> changed = store.edit_contacts(
        {{person.path,
          [&](const std::string& text) {
              before = tier_of(parse_contact(text, person.path, config), config);
              std::string out = set_top_level(text, "tier", yaml_scalar(in.tier), canonical_keys());
              return cadence ? set_top_level(out, "cadence", cadence->text(), canonical_keys()) : out;
          }}},
        config);
    ctx.say(person.name + ": " + before + " -> " + in.tier + (cadence ? ", every " + cadence->text() : ""));
    autocommit(ctx, config, store.root(), changed, "kith: " + person.name + " is now " + in.tier);
    return 0;
}

int tier(Context& ctx, const TierOptions& in) {
    if (in.name.empty()) {
        const Network network = load_index(ctx);
        ctx.print(tier_summary(network.contacts, network.config, ctx.today()), in.format);
        return 0;
    }
    People people(ctx);
    const Contact person = people.find(in.name);  // only that person's file
    const Config& config = people.config();
    if (in.tier.empty()) {
        if (!in.cadence.empty()) fail_usage("--cadence goes with a TIER: 'kith tier NAME TIER --cadence D'");
        ctx.print(person_tier_table(person, config), in.format);
        return 0;
    }
    return set_tier(ctx, config, person, in);
}

}  // namespace

void add_tier(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("tier", "Tier summary; one person's tier; set it");
    auto in = std::make_shared<TierOptions>();
    cmd->add_option("NAME", in->name, "A person");
    cmd->add_option("TIER", in->tier, "The tier to put them in");
    cmd->add_option("--cadence", in->cadence, "Also set their own keep-in-touch interval (e.g. 2w)");
    add_format(*cmd, in->format);
    cmd->footer(
        "Examples:\n"
        "  kith tier                      # each tier: cadence, members, due now\n"
        "  kith tier ada                  # Ada's tier and cadence\n"
        "  kith tier ada close --cadence 6w");
    actions[cmd] = [&ctx, in] { return tier(ctx, *in); };
}

}  // namespace kith::cli
