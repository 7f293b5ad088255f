// kith follow NAME WHEN WHAT · kith done NAME [TEXT] · kith snooze NAME… UNTIL: promises and pauses.
#include <functional>

#include "autocommit.hpp"
#include "bulk.hpp"
#include "follow.hpp"
#include "lookup.hpp"
#include "kith/model/interaction.hpp"
#include "kith/model/person_edits.hpp"
#include "kith/views/profile.hpp"
#include "kith/query/resolve.hpp"

namespace kith::cli {
namespace {

// Applies one edit to one person's file under the lock, reports it, and commits it when
// asked to. The message is made after the edit, from what the edit decided; the commit's is
// `message` too unless `lasting` says it without what is true only today ("in 14 days").
void change(Context& ctx, const Config& config, const Contact& person, const Store::Edit& edit,
            const std::function<std::string()>& message, const std::function<std::string()>& lasting = {}) {
    const Store store = ctx.store();
    const std::vector<std::string> changed = store.edit_contacts({{person.path, edit}}, config);
    const std::string said = message();
    ctx.say(said);
    autocommit(ctx, config, store, changed, "kith: " + (lasting ? lasting() : said));
}

// A day in the past is written as asked (it may be a late entry), with a warning.
void warn_if_past(const Context& ctx, Day day, Day today, const std::string& what) {
    if (day < today)
        ctx.warn(what + " " + format_day(day) + " is in the past (" + relative_days(days_between(today, day)) +
                 "); written as asked");
}

Outcome follow(Context& ctx, const std::string& name, const std::string& when, const std::string& what) {
    const Day today = ctx.today();
    const FollowUp followup{parse_cli_day(when, today, Direction::future), what, std::nullopt, 0};
    warn_if_past(ctx, followup.due, today, "the follow-up's day");
    People people(ctx);
    const Contact person = people.find(name);
    const Config& config = people.config();
    change(ctx, config, person, [&](const std::string& text) { return add_followup(text, followup, person.path); },
           [&] {
               return "follow up with " + person.name + " on " + format_day(followup.due) + " (" +
                      relative_days(days_between(today, followup.due)) + "): " + what;
           },
           [&] { return "follow up with " + person.name + " on " + format_day(followup.due) + ": " + what; });
    return Outcome::done;
}

// Which follow-up is decided under the lock, from the file as it is then (issue 8).
Outcome done(Context& ctx, const std::string& name, const std::string& which, bool cancel) {
    const Day today = ctx.today();
    People people(ctx);
    const Contact person = people.find(name);
    const Config& config = people.config();
    if (cancel) {  // a cancelled promise is removed: nothing is left to be due or merged
        FollowUp removed;
        change(ctx, config, person,
               [&](const std::string& text) {
                   FollowUpChange change = cancel_followup(text, which, person.path, config);
                   removed = change.followup;
                   return std::move(change.text);
               },
               [&] { return "cancelled: " + removed.what + " (" + person.name + ")"; });
        return Outcome::done;
    }
    FollowUp closed;
    change(ctx, config, person,
           [&](const std::string& text) { return close_followup(text, which, today, person.path, config, closed); },
           [&] { return "done: " + closed.what + " (" + person.name + ")"; });
    return Outcome::done;
}

// snooze NAME… UNTIL, or NAME… --clear: `words` are the positionals, the last one UNTIL unless clearing.
Outcome snooze(Context& ctx, std::vector<std::string> words, bool clear) {
    const Day today = ctx.today();
    if (!clear && words.size() < 2) fail_usage("snooze needs UNTIL, or --clear");
    const std::string until = clear ? "" : words.back();
    if (!clear) words.pop_back();
    if (!clear && until == "-") fail_usage("'-' stands for the people: give UNTIL after it (kith snooze - +3m)");
    std::optional<Day> day;
    if (!clear) {
        day = parse_cli_day(until, today, Direction::future);
        warn_if_past(ctx, *day, today, "the snooze day");
    }
    People people(ctx);
    const Config& config = people.config();
    const std::vector<Contact> found = find_people(people, words);
    edit_people(
        ctx, config, found,
        [&](const Contact& person, const std::string& text, std::vector<std::string>& done) {
            if (clear) {
                TextChange change = clear_snooze(text, person.path, config);
                if (!change.changed) {
                    if (found.size() == 1) fail_usage(person.name + " is not snoozed");
                    return text;
                }
                done.push_back("no longer snoozed");
                return std::move(change.text);
            }
            TextChange change = kith::snooze(text, *day, person.path, config);
            if (!change.changed) return text;
            done.push_back("snoozed until " + format_day(*day));
            return std::move(change.text);
        },
        [&](const std::vector<Contact>& changed) {
            return who(changed) + (changed.size() == 1 ? " is " : " are ") +
                   (clear ? "no longer snoozed" : "snoozed until " + format_day(*day));
        },
        " is ");
    return Outcome::done;
}

}  // namespace

void add_follow(CLI::App& app, Context& ctx, Actions& actions) {
    auto* follow_cmd = app.add_subcommand("follow", "Promise to come back to someone on a day");
    auto follow_args = std::make_shared<std::vector<std::string>>(3);
    follow_cmd->add_option("NAME", (*follow_args)[0], "A person")->required();
    follow_cmd->add_option("WHEN", (*follow_args)[1], "YYYY-MM-DD, tomorrow, a weekday (the next one), 2w (ahead)")->required();
    follow_cmd->add_option("WHAT", (*follow_args)[2], "What to do")->required();
    follow_cmd->footer("Example:\n  kith follow ada friday \"send the engine paper\"");
    actions[follow_cmd] = [&ctx, follow_args] { return follow(ctx, (*follow_args)[0], (*follow_args)[1], (*follow_args)[2]); };

    auto* done_cmd = app.add_subcommand("done", "Mark a follow-up done (it stays in the file with its day)");
    auto done_args = std::make_shared<std::vector<std::string>>(2);
    done_cmd->add_option("NAME", (*done_args)[0], "A person")->required();
    done_cmd->add_option("TEXT", (*done_args)[1], "Part of the follow-up's text, when there are several");
    auto cancel = std::make_shared<bool>(false);
    done_cmd->add_flag("--cancel", *cancel, "Remove the follow-up instead: it will not be done");
    done_cmd->footer("Examples:\n  kith done ada\n  kith done ada paper\n  kith done ada paper --cancel   # removes it");
    actions[done_cmd] = [&ctx, done_args, cancel] { return done(ctx, (*done_args)[0], (*done_args)[1], *cancel); };

    auto* snooze_cmd = app.add_subcommand("snooze", "Keep someone from being due before a day");
    auto snooze_args = std::make_shared<std::vector<std::string>>(2);
    auto more = std::make_shared<std::vector<std::string>>();
    snooze_cmd->add_option("NAME", (*snooze_args)[0], "A person ('-': one NAME a line from standard input)")->required();
    snooze_cmd->add_option("UNTIL", (*snooze_args)[1], "YYYY-MM-DD, a weekday (the next one), 3w (ahead), end of month");
    snooze_cmd->add_option("MORE", *more, "More people, then UNTIL: NAME… UNTIL")->option_text("NAME");
    auto clear = std::make_shared<bool>(false);
    snooze_cmd->add_flag("--clear", *clear, "Remove the snooze: due again as the cadence says");
    snooze_cmd->footer(
        "Examples:\n  kith snooze taro 2026-12-15\n  kith snooze taro --clear\n"
        "  kith list --tag imported --format tsv | cut -f1 | kith snooze - +3m");
    actions[snooze_cmd] = [&ctx, snooze_args, more, clear] {
        std::vector<std::string> words;
        for (const auto& word : *snooze_args)
            if (!word.empty()) words.push_back(word);
        words.insert(words.end(), more->begin(), more->end());
        return snooze(ctx, words, *clear);
    };
}

}  // namespace kith::cli
