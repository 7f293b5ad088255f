// kith show NAME: one profile with its computed status and recent log.
#include <iostream>

#include "commands.hpp"
#include "kith/profile.hpp"
#include "lookup.hpp"

namespace kith::cli {

void add_show(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("show", "Show one person: profile, status, follow-ups, recent log");
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, "Slug, name, aka or a unique prefix")->required();
    cmd->footer("Examples:\n  kith show ada\n  kith show \"Ada King\"");
    actions[cmd] = [&ctx, name] {
        const Network network = load_index(ctx, true);  // NAME from the index; then only that file
        const Contact contact = load_person(ctx, network, *name);
        ProfileView view{ctx.terminal_width, {}};
        for (const auto& other : network.contacts) view.names[other.slug] = other.name;
        std::cout << render_profile(contact, network.config, ctx.today(), view);
        return 0;
    };
}

}  // namespace kith::cli
