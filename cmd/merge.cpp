// kith merge A B [--prefer A|B] [--dry-run]: fold B into A in one change; B's file is removed and
// every reference to B becomes A.
#include <iostream>

#include "autocommit.hpp"
#include "merge.hpp"
#include "referrers.hpp"
#include "kith/model/conflict.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/query/combine.hpp"
#include "kith/query/resolve.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {
namespace {

struct MergeOptions {
    std::string a, b, prefer;
    bool dry_run = false;
};

// Reads a person's file as it is now, under the lock.
Contact read_now(const Transaction& change, const Contact& who, const Config& config, std::string& text) {
    text = change.read(who.path);
    Contact full = parse_contact(text, who.path, config);
    full.slug = who.slug;
    return full;
}

Outcome merge(Context& ctx, const MergeOptions& in) {
    // Who refers to B is decided from files read under the lock, as rename does.
    const Store store = ctx.store();
    const Config config = store.load_config();
    Transaction change(store, config);
    if (in.dry_run) change.dry_run();
    Referrers active, archived;
    ctx.each_contact(true, [&](std::vector<Contact>& read_now, const Config&) {
        for (auto& contact : read_now) (contact.archived ? archived : active).add(contact);
    });
    const Contact a_who = resolve(active.people, in.a);
    const Contact b_who = resolve(active.people, in.b);
    if (a_who.path == b_who.path) fail_usage("'" + in.a + "' and '" + in.b + "' are both " + a_who.name + "; merge two people");
    refuse_conflicted(a_who);
    refuse_conflicted(b_who);
    std::string text_a, text_b;
    const Contact a = read_now(change, a_who, config, text_a);
    const Contact b = read_now(change, b_who, config, text_b);
    if (const auto lost = uncarried(text_b, b.path); !lost.empty()) {
        for (const auto& problem : lost) ctx.error(problem.located());
        fail_usage("merging would lose what " + b.path + " holds above; move it into " + a.path +
                   " (or delete it), then merge again");
    }
    const Prefer prefer = in.prefer == "A" ? Prefer::a : in.prefer == "B" ? Prefer::b : Prefer::neither;
    const Combined result = combine_people(text_a, a, b, prefer, config);
    change.edit(a.path, [&](const std::string&) { return result.text; });  // read under this lock: the same text
    size_t references = 0;
    for (const Referrers* group : {&active, &archived}) references += group->rewrite(change, b.slug, a.slug, {a.path, b.path}, config);
    change.remove(b.path);
    std::string taken;
    for (const auto& what : result.taken) taken += (taken.empty() ? "" : ", ") + what;
    const std::string summary = b.name + " (" + b.slug + ") into " + a.name + " (" + a.slug + ")" +
                                (taken.empty() ? "" : ", taking " + taken);
    const std::string others = std::to_string(references) + " other file" + (references == 1 ? "" : "s");
    if (in.dry_run) {
        std::cout << result.text;
        ctx.say("would merge " + summary + (references ? "; would rewrite the references in " + others : "") +
                "; would remove " + b.path + "; nothing was written (dry run)");
        return Outcome::done;
    }
    const std::vector<std::string> changed = change.commit();
    ctx.say("merged " + summary + (references ? "; rewrote the references in " + others : "") + "; removed " + b.path);
    autocommit(ctx, config, store, changed, "kith: merge " + b.name + " into " + a.name);
    return Outcome::done;
}

}  // namespace

void add_merge(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("merge", "Fold person B into person A: lists as sets, log merged, B's file removed");
    auto in = std::make_shared<MergeOptions>();
    cmd->add_option("A", in->a, "A: the person who stays")->required()->option_text("PERSON");
    cmd->add_option("B", in->b, "B: the person folded into A, whose file is removed")->required()->option_text("PERSON");
    cmd->add_option("--prefer", in->prefer, "Which side wins a field both hold with different values: A or B")
        ->check(choice_check({"A", "B"}));
    cmd->add_flag("--dry-run", in->dry_run, "Print A's file as it would be; write nothing");
    cmd->footer(
        "Examples:\n"
        "  kith duplicates\n"
        "  kith merge ada-lovelace ada-l --dry-run\n"
        "  kith merge ada-lovelace ada-l --prefer A   # A's org, title, ... win where both differ");
    actions[cmd] = [&ctx, in] { return merge(ctx, *in); };
}

}  // namespace kith::cli
