// kith archive NAME…: move people out of the active network, never deleting anything.
#include "autocommit.hpp"
#include "bulk.hpp"
#include "archive.hpp"
#include "rename.hpp"
#include "unarchive.hpp"
#include "lookup.hpp"
#include "kith/model/conflict.hpp"
#include "kith/query/resolve.hpp"
#include "kith/store/transaction.hpp"
#include "kith/model/layout.hpp"

namespace kith::cli {

void add_archive(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("archive", "Move people to archive/: never due, still in 'list --archived'");
    auto names = std::make_shared<std::vector<std::string>>();
    cmd->add_option("NAME", *names, "People; '-' reads one NAME a line from standard input")->required();
    cmd->footer("Examples:\n  kith archive tom\n  kith archive tom omar\n  Undo: kith unarchive tom");
    actions[cmd] = [&ctx, names] {
        People people(ctx);
        const std::vector<Contact> found = find_people(people, *names);
        const Config& config = people.config();
        for (const auto& person : found) refuse_conflicted(person);
        const Store store = ctx.store();
        Transaction change(store, config);  // all of them or none
        for (const auto& person : found) change.move(person.path, layout::person_path(person.slug, true));
        const std::vector<std::string> changed = change.commit();
        for (const auto& person : found) ctx.say("archived " + person.name + " (" + layout::person_path(person.slug, true) + ")");
        autocommit(ctx, config, store, changed, "kith: archive " + who(found));
        return Outcome::done;
    };
    // The verbs that take a change back live beside it (registered here to keep app.cpp's list).
    add_unarchive(app, ctx, actions);
    add_rename(app, ctx, actions);
}

}  // namespace kith::cli
