// kith add NAME [options]: create a contact file.
#include <map>

#include "autocommit.hpp"
#include "add.hpp"
#include "unarchive.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/base/error.hpp"
#include "kith/model/fields.hpp"
#include "kith/base/slug.hpp"
#include "kith/base/text.hpp"
#include "kith/query/duplicates.hpp"
#include "lookup.hpp"
#include "kith/store/transaction.hpp"
#include "kith/model/layout.hpp"
#include "edit_session.hpp"

namespace kith::cli {
namespace {

// What the user typed, before it is checked.
struct AddOptions {
    std::string name, cadence, birthday, since, slug;
    std::map<std::string, std::string> texts;               // by field key: --org, --tier, ...
    std::map<std::string, std::vector<std::string>> lists;  // by field key: --email, --tag, ...
    bool edit = false, force = false;
};

// Refuses a name or an e-mail that already belongs to someone (active or archived), naming them.
// Names come from the index; e-mails, when one is given, from every file.
void refuse_taken(Context& ctx, const Contact& candidate) {
    std::vector<Contact> people;
    if (candidate.email.empty()) {
        People lookup(ctx, true);
        people = lookup.everyone().contacts;
    } else {
        ctx.each_contact(true, [&](std::vector<Contact>& read_now, const Config&) {
            for (const auto& contact : read_now) people.push_back(duplicate_digest(contact));
        });
    }
    const auto holders = holders_of(candidate, people);
    if (holders.empty()) return;
    std::string who;
    for (const auto& h : holders) {
        std::string why;
        for (const auto& reason : h.reasons) why += (why.empty() ? "" : ", ") + reason;
        who += (who.empty() ? "" : "; ") + h.a + " (" + h.name_a + ") has " + why;
    }
    fail_usage("'" + candidate.name + "' may be someone you have: " + who +
               "; add --force to add another person anyway (or 'kith show " + holders.front().a + "')");
}

Contact contact_from(const AddOptions& in, const Config& config, Day today) {
    Contact c;
    for (const auto& [key, value] : in.texts) c.*find_field(key)->text = value;
    for (const auto& [key, values] : in.lists) c.*find_field(key)->list = values;
    c.name = in.name;
    if (fold(c.name).find_first_not_of(" \t") == std::string::npos) fail_usage("NAME cannot be empty");
    if (!c.tier.empty()) config.require_tier(c.tier);
    if (!in.cadence.empty()) {
        c.cadence = parse_duration(in.cadence);
        if (!c.cadence) fail_usage("--cadence: '" + in.cadence + "' is not a duration such as 30d, 2w, 3m or 1y (at most 9999y)");
        add_cli_duration(today, *c.cadence, "--cadence");
    }
    if (!in.birthday.empty()) {
        c.birthday = parse_month_day(in.birthday);
        if (!c.birthday) fail_usage("--birthday: '" + in.birthday + "' is not YYYY-MM-DD, --MM-DD or MM-DD");
    }
    c.since = in.since.empty() ? today : parse_cli_day(in.since, today, Direction::past);
    return c;
}

Outcome add(Context& ctx, const AddOptions& in) {
    const Store store = ctx.store();
    const Config config = store.load_config();
    Contact contact = contact_from(in, config, ctx.today());
    contact.slug = in.slug.empty() ? make_slug(in.name) : in.slug;
    if (contact.slug.empty()) fail_usage("cannot make a file name from '" + in.name + "'; give one with --slug");
    if (const std::string problem = slug_problem(contact.slug); !problem.empty())
        fail_usage("--slug '" + contact.slug + "': " + problem);
    const std::string path = layout::person_path(contact.slug);
    if (store.exists(layout::person_path(contact.slug, true))) refuse_if_archived(ctx, contact.slug);  // suggests unarchive
    if (!in.force) refuse_taken(ctx, contact);
    {
        Transaction change(store, config);
        for (const bool archived : {false, true}) {
            const std::string taken = layout::person_path(contact.slug, archived);
            if (change.exists(taken)) fail_usage(taken + " exists already; pick another file name with --slug");
        }
        change.create(path, render_new_contact(contact));  // refused unless it reads back
        change.commit();
    }
    ctx.say("added " + contact.name + " as " + contact.slug + " (" + path + ")");
    const Outcome edited = in.edit ? edit_contact_file(ctx, store, path, config).outcome : Outcome::done;
    autocommit(ctx, config, store, {path}, "kith: add " + contact.name);
    return edited;
}

}  // namespace

void add_add(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("add", "Add a person: one new file in contacts/");
    auto in = std::make_shared<AddOptions>();
    cmd->add_option("NAME", in->name, "Full name")->required()->option_text("FULL-NAME");
    // One option per text and list field of the table; the others are checked here.
    for (const auto& f : contact_fields()) {
        if (*f.option == '\0') continue;
        if (f.kind == FieldKind::text) cmd->add_option(f.option, in->texts[f.key], f.help);
        if (f.kind == FieldKind::text_list) cmd->add_option(f.option, in->lists[f.key], f.help);
    }
    cmd->add_option("--cadence", in->cadence, find_field("cadence")->help);
    cmd->add_option("--birthday", in->birthday, find_field("birthday")->help);
    cmd->add_option("--since", in->since, find_field("since")->help);
    cmd->add_option("--slug", in->slug, "File name to use instead of one made from NAME");
    cmd->add_flag("--edit", in->edit, "Open the new file in $VISUAL/$EDITOR");
    cmd->add_flag("--force", in->force, "Add even when the name or an email belongs to someone already");
    cmd->footer(
        "Examples:\n"
        "  kith add \"Ada Lovelace\" --tier core --org \"Analytical Engines\" --interest mathematics\n"
        "  kith add \"José Núñez\" --birthday 12-10 --met \"PyCon 2019\"   # file: contacts/jose-nunez.yaml");
    actions[cmd] = [&ctx, in] { return add(ctx, *in); };
}

}  // namespace kith::cli
