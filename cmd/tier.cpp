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

// A tier and the cadence that applies, before or after `kith tier NAME TIER`.
struct Placement {
    std::string tier, cadence;
};

// Says what changed, for the terminal ("close -> core, every 30d", "cadence 6w -> 8w (close)",
// "already close, every 8w: nothing to change") and for the commit ("is now core", with the
// cadence when --cadence set it).
std::pair<std::string, std::string> describe_change(const Placement& was, const Placement& now, bool cadence_given) {
    if (was.tier == now.tier && was.cadence == now.cadence)
        return {"already " + now.tier + ", every " + now.cadence + ": nothing to change", ""};
    if (was.tier == now.tier)
        return {"cadence " + was.cadence + " -> " + now.cadence + " (" + now.tier + ")",
                "'s cadence is now " + now.cadence + " (" + now.tier + ")"};
    const std::string every = was.cadence == now.cadence ? "" : ", every " + now.cadence;
    return {was.tier + " -> " + now.tier + (every.empty() ? " (every " + now.cadence + ")" : every),
            " is now " + now.tier + (cadence_given ? ", every " + now.cadence : "")};
}

int set_tier(Context& ctx, const Config& config, const Contact& person, const TierOptions& in) {
    if (!config.find_tier(in.tier))
        fail_usage("unknown tier '" + in.tier + "' (tiers: " + config.tier_names() + ")");
    std::optional<Duration> cadence;
    if (!in.cadence.empty()) {
        cadence = parse_duration(in.cadence);
        if (!cadence) fail_usage("--cadence: '" + in.cadence + "' is not a duration such as 30d, 2w, 3m or 1y (at most 9999y)");
        add_cli_duration(ctx.today(), *cadence, "--cadence");
    }
    Placement was, now;
    const Store store = ctx.store();
    const std::vector<std::string> changed = store.edit_contacts(
        {{person.path,
          [&](const std::string& text) {
              const auto placement = [&](const std::string& after) {
                  const Contact read = parse_contact(after, person.path, config);
                  return Placement{tier_of(read, config), cadence_of(read, config).text()};
              };
              was = placement(text);
              std::string out = set_top_level(text, "tier", yaml_scalar(in.tier), canonical_keys());
              out = cadence ? set_top_level(out, "cadence", cadence->text(), canonical_keys()) : out;
              now = placement(out);
              return out;
          }}},
        config);
    const auto [said, committed] = describe_change(was, now, cadence.has_value());
    ctx.say(person.name + ": " + said);
    if (!committed.empty()) autocommit(ctx, config, store.root(), changed, "kith: " + person.name + committed);
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
