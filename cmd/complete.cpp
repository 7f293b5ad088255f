// kith __complete names|tiers|kinds|commands: words for the shell completions, one per line.
// Hidden from --help; prints nothing (and no error) where there is no network.
#include <iostream>

#include "commands.hpp"
#include "kith/interaction.hpp"
#include "kith/text.hpp"

namespace kith::cli {

void add_complete(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("__complete", "");
    cmd->group("");  // hidden
    auto what = std::make_shared<std::string>();
    cmd->add_option("WHAT", *what)->required()->check(CLI::IsMember({"names", "tiers", "kinds", "commands"}));
    actions[cmd] = [&ctx, &app, what] {
        if (*what == "kinds") {
            for (const auto& kind : known_kinds()) std::cout << kind << "\n";
            return 0;
        }
        if (*what == "commands") {
            for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
                std::cout << sub->get_name() << "\n";
            return 0;
        }
        try {
            const Network network = ctx.store().load_summaries(false, std::nullopt);
            // One word a line: a word with a line break or another control character could
            // not be typed anyway, and must not reach the shell as two words.
            const auto word = [](const std::string& text) {
                if (!text.empty() && visible(text) == text) std::cout << text << "\n";
            };
            if (*what == "tiers")
                for (const auto& tier : network.config.tiers) word(tier.name);
            else
                for (const auto& contact : network.contacts) word(contact.slug);
        } catch (const std::exception&) {
            // No network here: nothing to complete.
        }
        return 0;
    };
}

}  // namespace kith::cli
