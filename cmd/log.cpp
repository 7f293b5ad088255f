// kith log NAME... [-k KIND] [--date DATE] [-m NOTE] [--follow-up WHEN WHAT]: record an interaction.
#include <algorithm>

#include "autocommit.hpp"
#include "log.hpp"
#include "unarchive.hpp"
#include "lookup.hpp"
#include "kith/base/error.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/interaction.hpp"
#include "kith/model/person_edits.hpp"
#include "kith/views/profile.hpp"
#include "kith/model/status.hpp"
#include "kith/base/text.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {
namespace {

struct LogOptions {
    std::vector<std::string> names;
    std::string kind, date = "today", note;
    std::vector<std::string> follow_up;  // WHEN WHAT
    bool undo = false, amend = false;    // take back or correct the newest entry
    bool kind_given = false, date_given = false, note_given = false;
};

void warn_unknown_kind(const Context& ctx, const std::string& kind) {
    const auto& kinds = known_kinds();
    if (kind.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    const std::string close = suggest_word(kind, kinds);
    ctx.warn("'" + kind + "' is not one of kith's kinds (logged as written; it counts as contact)" + did_you_mean(close));
}

std::string describe(const LogEntry& entry) {
    return format_day(entry.date) + (entry.kind.empty() ? "" : " " + entry.kind) + (entry.note.empty() ? "" : ": " + entry.note);
}

// --undo removes the newest entry of one person; --amend rewrites it with the options given,
// keeping what they do not say. Which entry is decided under the lock.
Outcome undo_or_amend(Context& ctx, const LogOptions& in) {
    if (in.names.size() != 1) fail_usage(std::string(in.undo ? "--undo" : "--amend") + " takes one NAME");
    if (in.undo && (in.kind_given || in.date_given || in.note_given || !in.follow_up.empty()))
        fail_usage("--undo takes no -k, --date, -m or --follow-up; to correct the entry use --amend");
    if (in.amend && !in.kind_given && !in.date_given && !in.note_given)
        fail_usage("--amend needs what to correct: -k KIND, --date DATE or -m NOTE");
    if (!in.follow_up.empty()) fail_usage("--amend takes no --follow-up; add one with 'kith follow'");
    const Day today = ctx.today();
    EntryFix fix;
    if (in.date_given) {
        fix.date = parse_cli_day(in.date, today, Direction::past);
        check_not_future(*fix.date, today);
    }
    if (in.kind_given) fix.kind = in.kind;
    if (in.note_given) fix.note = in.note;
    if (in.kind_given) warn_unknown_kind(ctx, in.kind);
    People people(ctx);  // only that person's file
    const Contact person = people.find(in.names[0]);
    const Config& config = people.config();
    const Store store = ctx.store();
    Transaction change(store, config);
    EntryChange entry;
    change.edit(person.path, [&](const std::string& text) {
        entry = in.undo ? undo_last_entry(text, person.path, config) : amend_last_entry(text, fix, person.path, config);
        return entry.text;
    });
    const std::vector<std::string> changed = change.commit();
    const std::string said = in.undo ? "removed " + person.name + "'s newest log entry: " + describe(entry.was)
                                     : "corrected " + person.name + "'s newest log entry: " + describe(entry.now);
    ctx.say(said);
    autocommit(ctx, config, store, changed, "kith: " + said);
    return Outcome::done;
}

Outcome log(Context& ctx, const LogOptions& in) {
    if (in.undo || in.amend) return undo_or_amend(ctx, in);
    const Day today = ctx.today();
    const LogEntry entry{parse_cli_day(in.date, today, Direction::past), in.kind, in.note, "", 0};
    check_not_future(entry.date, today);
    std::optional<FollowUp> followup;
    if (!in.follow_up.empty()) followup = FollowUp{parse_cli_day(in.follow_up[0], today, Direction::future), in.follow_up[1], std::nullopt, 0};
    if (followup && followup->due < today)
        ctx.warn("the follow-up's day " + format_day(followup->due) + " is in the past (" +
                 relative_days(days_between(today, followup->due)) + "); written as asked");
    warn_unknown_kind(ctx, in.kind);

    People lookup(ctx);  // only each person's own file
    std::vector<Contact> read;
    for (const auto& name : in.names) {
        Contact person = [&] {
            try {
                return lookup.find(name);
            } catch (const Error&) {
                refuse_if_archived(ctx, name);  // says how to restore an archived person
                throw;
            }
        }();
        const auto same = [&](const Contact& other) { return other.path == person.path; };
        if (std::none_of(read.begin(), read.end(), same)) read.push_back(std::move(person));
    }
    std::vector<const Contact*> people;
    for (const Contact& person : read) people.push_back(&person);
    std::vector<std::pair<std::string, Store::Edit>> edits;
    for (const Contact* person : people) {
        edits.emplace_back(person->path,
                           [&, person](const std::string& text) { return log_interaction(text, entry, followup, person->path); });
    }
    const Store store = ctx.store();
    const Config& config = lookup.config();
    const std::vector<std::string> paths = store.edit_contacts(edits, config);  // all or none

    std::string names;
    for (const Contact* person : people) {
        Contact after = *person;
        after.log.push_back(entry);
        const ContactStatus status = contact_status(after, config, today);
        ctx.say("logged " + (in.kind.empty() ? std::string("contact") : in.kind) + " with " + person->name + " on " +
                format_day(entry.date) + "; next due " + format_day(status.due_on) + " (" +
                relative_days(days_between(today, status.due_on)) + ")" +
                (followup ? "; follow up " + format_day(followup->due) : ""));
        names += (names.empty() ? "" : ", ") + person->name;
    }
    autocommit(ctx, config, store, paths,
               "kith: log " + (in.kind.empty() ? std::string("contact") : in.kind) + " with " + names);
    return Outcome::done;
}

// `log -d DATE` once meant the day; -d is the network folder after every command now. A -d
// that names no network but reads as a day gets the new spelling instead of "no network".
void refuse_old_date_option(const Context& ctx) {
    if (!ctx.where.dir_option) return;
    const std::string& value = *ctx.where.dir_option;
    try {
        (void)parse_cli_day(value, ctx.today(), Direction::past);
    } catch (const Error&) {
        return;
    }
    try {
        (void)ctx.root();
    } catch (const Error&) {
        fail_usage("no kith network in '" + value + "': -d is the network folder (--dir) after every command; " +
                   "for the day of the entry write '--date " + value + "'");
    }
}

}  // namespace

void add_log(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("log", "Record an interaction with one or more people");
    auto in = std::make_shared<LogOptions>();
    cmd->add_option("NAME", in->names, "Who (slug, name, aka or unique prefix); several for a group")->required();
    auto* kind = cmd->add_option("-k,--kind", in->kind,
                    "call, video, coffee, lunch, meeting, message, email, event, congrats, gift, help, favor, intro, "
                    "note (note does not count as contact); none: plain contact");
    auto* date = cmd->add_option("--date", in->date, "When: YYYY-MM-DD, yesterday, a weekday (the last one), 3d (ago)");
    auto* note = cmd->add_option("-m,--note", in->note, "What happened");
    cmd->add_option("--follow-up", in->follow_up, "WHEN WHAT: a follow-up to come back to")->expected(2);
    auto* undo = cmd->add_flag("--undo", in->undo, "Remove the newest log entry of NAME");
    cmd->add_flag("--amend", in->amend, "Correct the newest log entry of NAME with -k, --date and -m")->excludes(undo);
    cmd->footer(
        "Examples:\n"
        "  kith log ada -k lunch -m \"New role; wants hardware contacts\"\n"
        "  kith log ada grace -k meeting --date yesterday --follow-up 2w \"send the notes\"\n"
        "  kith log ada --undo                  # remove Ada's newest entry\n"
        "  kith log ada --amend -m \"Met at the lab\"   # correct it");
    actions[cmd] = [&ctx, in, kind, date, note] {
        in->kind_given = kind->count() > 0;
        in->date_given = date->count() > 0;
        in->note_given = note->count() > 0;
        refuse_old_date_option(ctx);
        return log(ctx, *in);
    };
}

}  // namespace kith::cli
