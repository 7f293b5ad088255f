// kith log NAME... [-k KIND] [-d DATE] [-m NOTE] [--follow-up WHEN WHAT]: record an interaction.
#include <algorithm>

#include "autocommit.hpp"
#include "commands.hpp"
#include "lookup.hpp"
#include "kith/error.hpp"
#include "kith/interaction.hpp"
#include "kith/profile.hpp"
#include "kith/status.hpp"
#include "kith/text.hpp"

namespace kith::cli {
namespace {

struct LogOptions {
    std::vector<std::string> names;
    std::string kind, date = "today", note;
    std::vector<std::string> follow_up;  // WHEN WHAT
};

void warn_unknown_kind(const Context& ctx, const std::string& kind) {
    const auto& kinds = known_kinds();
    if (kind.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
    const std::string close = suggest_word(kind, kinds);
    ctx.warn("'" + kind + "' is not one of kith's kinds" + (close.empty() ? "" : " (did you mean '" + close + "'?)") +
             "; logged as written, and it counts as contact");
}

int log(Context& ctx, const LogOptions& in) {
    const Day today = ctx.today();
    LogEntry entry{parse_cli_day(in.date, today, Direction::past), in.kind, in.note, "", 0};
    check_not_future(entry.date, today);
    std::optional<FollowUp> followup;
    if (!in.follow_up.empty()) followup = FollowUp{parse_cli_day(in.follow_up[0], today, Direction::future), in.follow_up[1], std::nullopt, 0};
    warn_unknown_kind(ctx, in.kind);

    const Network network = load_index(ctx);  // NAME from the index; then only each person's own file
    std::vector<Contact> read;
    for (const auto& name : in.names) {
        Contact person = load_person(ctx, network, name);
        const auto same = [&](const Contact& other) { return other.path == person.path; };
        if (std::none_of(read.begin(), read.end(), same)) read.push_back(std::move(person));
    }
    std::vector<const Contact*> people;
    for (const Contact& person : read) people.push_back(&person);
    std::vector<std::pair<std::string, Store::Edit>> edits;
    for (const Contact* person : people) {
        edits.emplace_back(person->path, [&, person](const std::string& text) {
            std::string out = add_log_entry(text, entry, person->path);
            return followup ? add_followup(out, *followup, person->path) : out;
        });
    }
    const Store store = ctx.store();
    const std::vector<std::string> paths = store.edit_contacts(edits, network.config);  // all or none

    std::string names;
    for (const Contact* person : people) {
        Contact after = *person;
        after.log.push_back(entry);
        const ContactStatus status = contact_status(after, network.config, today);
        ctx.say("logged " + (in.kind.empty() ? std::string("contact") : in.kind) + " with " + person->name + " on " +
                format_day(entry.date) + "; next due " + format_day(status.due_on) + " (" +
                relative_days(days_between(today, status.due_on)) + ")" +
                (followup ? "; follow up " + format_day(followup->due) : ""));
        names += (names.empty() ? "" : ", ") + person->name;
    }
    autocommit(ctx, network.config, store.root(), paths,
               "kith: log " + (in.kind.empty() ? std::string("contact") : in.kind) + " with " + names);
    return 0;
}

}  // namespace

void add_log(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("log", "Record an interaction with one or more people");
    auto in = std::make_shared<LogOptions>();
    cmd->add_option("NAME", in->names, "Who (slug, name, aka or unique prefix); several for a group")->required();
    cmd->add_option("-k,--kind", in->kind,
                    "call, video, coffee, lunch, meeting, message, email, event, congrats, gift, help, favor, intro, "
                    "note (note does not count as contact); none: plain contact");
    cmd->add_option("-d,--date", in->date, "When: YYYY-MM-DD, yesterday, a weekday (the last one), 3d (ago)");
    cmd->add_option("-m,--note", in->note, "What happened");
    cmd->add_option("--follow-up", in->follow_up, "WHEN WHAT: a follow-up to come back to")->expected(2);
    cmd->footer(
        "Examples:\n"
        "  kith log ada -k lunch -m \"New role; wants hardware contacts\"\n"
        "  kith log ada grace -k meeting -d yesterday --follow-up 2w \"send the notes\"");
    actions[cmd] = [&ctx, in] { return log(ctx, *in); };
}

}  // namespace kith::cli
