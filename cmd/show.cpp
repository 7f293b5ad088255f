// kith show NAME: one profile with its computed status and recent log.
#include <algorithm>
#include <iostream>

#include "show.hpp"
#include "kith/views/profile.hpp"
#include "lookup.hpp"

namespace kith::cli {

void add_show(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("show", "Show one person: profile, status, follow-ups, recent log");
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, "Slug, name, aka or a unique prefix")->required();
    cmd->footer("Examples:\n  kith show ada\n  kith show \"Ada King\"");
    actions[cmd] = [&ctx, name] {
        People people(ctx, true);
        const Contact contact = people.find(*name);  // only that file, and the files of those it names
        ProfileView view{ctx.terminal_width, {}};
        if (!contact.introduced_by.empty()) view.names[contact.introduced_by] = people.name_of(contact.introduced_by);
        const size_t shown = std::min(contact.log.size(), profile_log_entries);
        for (size_t i = contact.log.size() - shown; i < contact.log.size(); ++i) {
            const std::string& with = contact.log[i].with;
            if (!with.empty() && !view.names.contains(with)) view.names[with] = people.name_of(with);
        }
        std::cout << render_profile(contact, people.config(), ctx.today(), view);
        return Outcome::done;
    };
}

}  // namespace kith::cli
