// kith tier · kith tier NAME · kith tier NAME… TIER [--cadence D]: tiers and who is in them.
#include <iostream>

#include "bulk.hpp"
#include "tier.hpp"
#include "lookup.hpp"
#include "kith/model/person_edits.hpp"
#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"
#include "kith/views/tier_view.hpp"

namespace kith::cli {
namespace {

struct TierOptions {
    std::string name, tier, cadence, format = "text";
    std::vector<std::string> more;  // NAME NAME… TIER: the last word is the tier
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

Outcome set_tier(Context& ctx, People& people, const std::vector<std::string>& names, const TierOptions& in) {
    const Config& config = people.config();
    config.require_tier(in.tier);
    std::optional<Duration> cadence;
    if (!in.cadence.empty()) {
        cadence = parse_duration(in.cadence);
        if (!cadence) fail_usage("--cadence: '" + in.cadence + "' is not a duration such as 30d, 2w, 3m or 1y (at most 9999y)");
        add_cli_duration(ctx.today(), *cadence, "--cadence");
    }
    const std::vector<Contact> found = find_people(people, names);
    bool only_cadence = true;
    edit_people(
        ctx, config, found,
        [&](const Contact& person, const std::string& text, std::vector<std::string>& done) {
            const TierChange change = kith::set_tier(text, in.tier, cadence, person.path, config);
            const auto [said, committed] = describe_change(change.was, change.now, cadence.has_value());
            if (committed.empty()) return text;
            if (change.was.tier != change.now.tier) only_cadence = false;
            done.push_back(said);
            return change.text;
        },
        [&](const std::vector<Contact>& changed) {
            const std::string every = cadence ? ", every " + cadence->text() : "";
            if (only_cadence)
                return who(changed) + (changed.size() == 1 ? "'s cadence is now " : "' cadence is now ") + cadence->text() +
                       " (" + in.tier + ")";
            return who(changed) + (changed.size() == 1 ? " is now " : " are now ") + in.tier + every;
        });
    return Outcome::done;
}

Outcome tier(Context& ctx, const TierOptions& in) {
    if (in.name.empty()) {
        const Network network = load_index(ctx);
        ctx.print(tier_summary(network.contacts, network.config, ctx.today()), in.format);
        return Outcome::done;
    }
    People people(ctx);
    if (!in.more.empty()) {  // several people: the last word is the tier
        std::vector<std::string> names = {in.name, in.tier};
        names.insert(names.end(), in.more.begin(), in.more.end() - 1);
        TierOptions many = in;
        many.tier = in.more.back();
        return set_tier(ctx, people, names, many);
    }
    if (in.tier.empty()) {
        if (!in.cadence.empty()) fail_usage("--cadence goes with a TIER: 'kith tier NAME TIER --cadence D'");
        if (in.name == "-") fail_usage("'-' reads the people to move: give a TIER after it (kith tier - loose)");
        const Contact person = people.find(in.name);  // only that person's file
        ctx.print(person_tier_table(person, people.config()), in.format);
        return Outcome::done;
    }
    return set_tier(ctx, people, {in.name}, in);
}

}  // namespace

void add_tier(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("tier", "Tier summary; one person's tier; set it");
    auto in = std::make_shared<TierOptions>();
    cmd->add_option("NAME", in->name, "A person");
    cmd->add_option("TIER", in->tier, "The tier to put them in");
    cmd->add_option("MORE", in->more, "More people, then the TIER: NAME… TIER ('-' reads NAMEs from standard input)")
        ->option_text("NAME");
    cmd->add_option("--cadence", in->cadence, "Also set their own keep-in-touch interval (e.g. 2w)");
    add_format(*cmd, in->format);
    cmd->footer(
        "Examples:\n"
        "  kith tier                      # each tier: cadence, members, due now\n"
        "  kith tier ada                  # Ada's tier and cadence\n"
        "  kith tier ada close --cadence 6w\n"
        "  kith tier ada grace omar close   # several people in one change\n"
        "  kith list --tag imported --format tsv | cut -f1 | kith tier - loose");
    actions[cmd] = [&ctx, in] { return tier(ctx, *in); };
}

}  // namespace kith::cli
