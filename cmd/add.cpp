// kith add NAME [options]: create a contact file.
#include "autocommit.hpp"
#include "commands.hpp"
#include "kith/contact_file.hpp"
#include "kith/error.hpp"
#include "kith/slug.hpp"
#include "kith/text.hpp"
#include "kith/transaction.hpp"
#include "edit_session.hpp"

namespace kith::cli {
namespace {

// What the user typed, before it is checked.
struct AddOptions {
    std::string name, tier, cadence, birthday, since, slug;
    std::vector<std::string> aka, email, phone, interests, tags;
    std::string title, org, role, address, prefer, assistant, met, introduced_by, why, notes;
    bool edit = false;
};

Contact contact_from(const AddOptions& in, const Config& config, Day today) {
    Contact c;
    c.name = in.name;
    if (fold(c.name).find_first_not_of(" \t") == std::string::npos) fail_usage("NAME cannot be empty");
    if (!in.tier.empty() && !config.find_tier(in.tier))
        fail_usage("unknown tier '" + in.tier + "' (tiers: " + config.tier_names() + ")");
    c.tier = in.tier;
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
    c.aka = in.aka;
    c.email = in.email;
    c.phone = in.phone;
    c.interests = in.interests;
    c.tags = in.tags;
    c.title = in.title;
    c.org = in.org;
    c.role = in.role;
    c.address = in.address;
    c.prefer = in.prefer;
    c.assistant = in.assistant;
    c.met = in.met;
    c.introduced_by = in.introduced_by;
    c.why = in.why;
    c.notes = in.notes;
    return c;
}

int add(Context& ctx, const AddOptions& in) {
    const Store store = ctx.store();
    const Config config = store.load_config();
    Contact contact = contact_from(in, config, ctx.today());
    contact.slug = in.slug.empty() ? make_slug(in.name) : in.slug;
    if (contact.slug.empty()) fail_usage("cannot make a file name from '" + in.name + "'; give one with --slug");
    if (const std::string problem = slug_problem(contact.slug); !problem.empty())
        fail_usage("--slug '" + contact.slug + "': " + problem);
    const std::string path = "contacts/" + contact.slug + ".yaml";
    if (store.exists("archive/" + contact.slug + ".yaml")) refuse_if_archived(ctx, contact.slug);  // suggests unarchive
    {
        Transaction change(store, config);
        for (const std::string folder : {"contacts/", "archive/"}) {
            if (change.exists(folder + contact.slug + ".yaml"))
                fail_usage(folder + contact.slug + ".yaml exists already; pick another file name with --slug");
        }
        change.create(path, render_new_contact(contact));  // refused unless it reads back
        change.commit();
    }
    ctx.say("added " + contact.name + " as " + contact.slug + " (" + path + ")");
    const int rc = in.edit ? edit_contact_file(ctx, store, path, config) : 0;
    autocommit(ctx, config, store.root(), {path}, "kith: add " + contact.name);
    return rc;
}

}  // namespace

void add_add(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("add", "Add a person: one new file in contacts/");
    auto in = std::make_shared<AddOptions>();
    cmd->add_option("NAME", in->name, "Full name")->required();
    cmd->add_option("--tier", in->tier, "Tier (core, close, loose, ...)");
    cmd->add_option("--cadence", in->cadence, "Keep-in-touch interval, overriding the tier's (e.g. 2w)");
    cmd->add_option("--email", in->email, "Email address (repeatable)");
    cmd->add_option("--phone", in->phone, "Phone number (repeatable)");
    cmd->add_option("--title", in->title, "Job title");
    cmd->add_option("--org", in->org, "Organisation");
    cmd->add_option("--role", in->role, "Responsibility");
    cmd->add_option("--interest", in->interests, "Interest (repeatable)");
    cmd->add_option("--tag", in->tags, "Tag (repeatable)");
    cmd->add_option("--met", in->met, "How and where you met");
    cmd->add_option("--why", in->why, "What the relationship is for");
    cmd->add_option("--birthday", in->birthday, "YYYY-MM-DD, or --MM-DD / MM-DD without the year");
    cmd->add_option("--since", in->since, "Start of the relationship (default: today)");
    cmd->add_option("--slug", in->slug, "File name to use instead of one made from NAME");
    cmd->add_option("--aka", in->aka, "Another name to find them by (repeatable)");
    cmd->add_option("--prefer", in->prefer, "Favourite way to reach them (email, phone, ...)");
    cmd->add_option("--assistant", in->assistant, "Their assistant or secretary");
    cmd->add_option("--address", in->address, "Postal address");
    cmd->add_option("--introduced-by", in->introduced_by, "Slug of the person who introduced you");
    cmd->add_option("--notes", in->notes, "Free text");
    cmd->add_flag("--edit", in->edit, "Open the new file in $VISUAL/$EDITOR");
    cmd->footer(
        "Examples:\n"
        "  kith add \"Ada Lovelace\" --tier core --org \"Analytical Engines\" --interest mathematics\n"
        "  kith add \"José Núñez\" --birthday 12-10 --met \"PyCon 2019\"   # file: contacts/jose-nunez.yaml");
    actions[cmd] = [&ctx, in] { return add(ctx, *in); };
}

}  // namespace kith::cli
