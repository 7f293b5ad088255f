// kith edit NAME: open the file in $VISUAL/$EDITOR; validate on close; never keep a broken file.
#include "autocommit.hpp"
#include "commands.hpp"
#include "edit_session.hpp"
#include "kith/resolve.hpp"

namespace kith::cli {

void add_edit(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("edit", "Edit a person's file in $VISUAL or $EDITOR, validated before it is saved");
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, "A person")->required();
    cmd->footer(
        "Edits a copy in .kith/. A copy that does not read is reported with its place: on a terminal kith\n"
        "offers to reopen it; otherwise the original stays untouched and the copy is kept.\n"
        "Example:\n  EDITOR=nano kith edit ada");
    actions[cmd] = [&ctx, name] {
        const Network network = ctx.load(true);
        const Contact& person = resolve(network.contacts, *name);
        const int rc = edit_contact_file(ctx, ctx.store(), person.path, network.config);
        if (rc == 0) autocommit(ctx, network.config, network.root, {person.path}, "kith: edit " + person.name);
        return rc;
    };
}

}  // namespace kith::cli
