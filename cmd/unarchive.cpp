// kith unarchive NAME: move an archived person back to contacts/, the undo of archive.
#include "autocommit.hpp"
#include "unarchive.hpp"
#include "kith/model/conflict.hpp"
#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"
#include "kith/store/transaction.hpp"
#include "kith/model/layout.hpp"
#include "lookup.hpp"

namespace kith::cli {

void refuse_if_archived(const Context& ctx, const std::string& name) {
    const Store store = ctx.store();
    if (const auto person = store.load_by_slug(name, true, store.load_config()); person && person->archived)
        fail_usage(person->name + " is archived (" + person->path + "); restore them with 'kith unarchive " + person->slug + "'");
    const Network network = store.load_names(true);  // names only; unreadable files are not this message's
    std::vector<Contact> archived;
    for (const auto& contact : network.contacts)
        if (contact.archived) archived.push_back(contact);
    const Contact* person = nullptr;
    try {
        person = &resolve(archived, name);
    } catch (const Error&) {
        return;  // not an archived person either: the caller's error stands
    }
    fail_usage(person->name + " is archived (" + person->path + "); restore them with 'kith unarchive " + person->slug + "'");
}

void add_unarchive(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("unarchive", "Move an archived person back from archive/ to contacts/");
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, "An archived person")->required();
    cmd->footer("Example:\n  kith unarchive tom");
    actions[cmd] = [&ctx, name] {
        People people(ctx, true);  // everyone's slug, name and aka; every unreadable file reported
        std::vector<Contact> archived;
        for (const auto& contact : people.everyone().contacts)
            if (contact.archived) archived.push_back(contact);
        if (archived.empty()) fail_usage("nobody is archived");
        const Contact& person = resolve(archived, *name);
        refuse_conflicted(person);
        const Store store = ctx.store();
        const std::string target = layout::person_path(person.slug);
        Transaction change(store, people.config());
        if (change.exists(target))
            fail_usage(target + " exists already; rename the one there first (kith rename)");
        change.move(person.path, target);
        const std::vector<std::string> changed = change.commit();
        ctx.say("unarchived " + person.name + " (" + target + ")");
        autocommit(ctx, people.config(), store, changed, "kith: unarchive " + person.name);
        return Outcome::done;
    };
}

}  // namespace kith::cli
