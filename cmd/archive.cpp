// kith archive NAME: move a person out of the active network, never deleting anything.
#include "autocommit.hpp"
#include "archive.hpp"
#include "rename.hpp"
#include "unarchive.hpp"
#include "lookup.hpp"
#include "kith/model/conflict.hpp"
#include "kith/query/resolve.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {

void add_archive(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("archive", "Move a person to archive/: never due, still in 'list --archived'");
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, "A person")->required();
    cmd->footer("Example:\n  kith archive tom\n  Undo: kith unarchive tom");
    actions[cmd] = [&ctx, name] {
        People people(ctx);
        const Contact person = people.find(*name);
        const Config& config = people.config();
        refuse_conflicted(person);
        const Store store = ctx.store();
        const std::string target = "archive/" + person.slug + ".yaml";
        Transaction change(store, config);
        change.move(person.path, target);
        const std::vector<std::string> changed = change.commit();
        ctx.say("archived " + person.name + " (" + target + ")");
        autocommit(ctx, config, store.root(), changed, "kith: archive " + person.name);
        return 0;
    };
    // The verbs that take a change back live beside it (registered here to keep app.cpp's list).
    add_unarchive(app, ctx, actions);
    add_rename(app, ctx, actions);
}

}  // namespace kith::cli
