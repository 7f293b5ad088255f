// kith rename NAME NEW-NAME: a new name and slug, with every reference to the old slug.
#include <algorithm>

#include "autocommit.hpp"
#include "referrers.hpp"
#include "rename.hpp"
#include "kith/model/conflict.hpp"
#include "kith/model/person_edits.hpp"
#include "kith/query/resolve.hpp"
#include "kith/base/slug.hpp"
#include "kith/store/transaction.hpp"
#include "kith/model/layout.hpp"

namespace kith::cli {
namespace {

struct RenameOptions {
    std::string name, new_name, slug;
    bool no_aka = false;
};

Outcome rename(Context& ctx, const RenameOptions& in) {
    const std::string slug = in.slug.empty() ? make_slug(in.new_name) : in.slug;
    if (slug.empty()) fail_usage("cannot make a file name from '" + in.new_name + "'; give one with --slug");
    if (const std::string problem = slug_problem(slug); !problem.empty()) fail_usage("--slug '" + slug + "': " + problem);
    if (in.new_name.find_first_not_of(" \t") == std::string::npos) fail_usage("the new name is empty");

    // Who refers to the old slug is decided from files read under the lock: a change committed
    // by another kith before it is taken is seen, and none can come in between.
    const Store store = ctx.store();
    const Config config = store.load_config();
    Transaction change(store, config);
    Referrers active, archived;  // everyone in network order, a chunk of files at a time
    ctx.each_contact(true, [&](std::vector<Contact>& read_now, const Config&) {
        for (auto& contact : read_now) (contact.archived ? archived : active).add(contact);
    });
    const Contact person = resolve(active.people, in.name);
    refuse_conflicted(person);
    const std::string target = layout::person_path(slug);
    if (slug != person.slug)
        for (const bool in_archive : {false, true})
            if (const std::string taken = layout::person_path(slug, in_archive); change.exists(taken))
                fail_usage(taken + " exists already; pick another file name with --slug");
    change.edit(person.path, [&](const std::string& text) {
        return rename_person(text, person, in.new_name, slug, !in.no_aka, config);
    });
    size_t references = 0;
    if (slug != person.slug) {
        for (const Referrers* group : {&active, &archived})
            references += group->rewrite(change, person.slug, slug, {person.path}, config);
        change.move(person.path, target);
    }
    const std::vector<std::string> changed = change.commit();
    ctx.say("renamed " + person.name + " to " + in.new_name + (slug == person.slug ? "" : " (" + target + ")") +
            (references ? "; updated " + std::to_string(references) + " other file" + (references == 1 ? "" : "s") : ""));
    autocommit(ctx, config, store, changed, "kith: rename " + person.name + " to " + in.new_name);
    return Outcome::done;
}

}  // namespace

void add_rename(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("rename", "Give a person a new name and file name, updating every reference");
    auto in = std::make_shared<RenameOptions>();
    cmd->add_option("NAME", in->name, "A person")->required();
    cmd->add_option("NEW-NAME", in->new_name, "The new name")->required();
    cmd->add_option("--slug", in->slug, "The new file name (default: made from NEW-NAME)");
    cmd->add_flag("--no-aka", in->no_aka, "Do not keep the old name in aka");
    cmd->footer("Example:\n  kith rename \"Ada Lovelace\" \"Ada King\"   # contacts/ada-king.yaml; aka: Ada Lovelace");
    actions[cmd] = [&ctx, in] { return rename(ctx, *in); };
}

}  // namespace kith::cli
