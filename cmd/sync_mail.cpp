// kith sync mail [--since DATE] [--dry-run] [--subjects]: log contact read from the notmuch index.
#include <sys/stat.h>

#include "sync_mail.hpp"

#include "lookup.hpp"
#include "sync.hpp"
#include "kith/base/error.hpp"
#include "kith/store/input_file.hpp"
#include "kith/sync/sync_mail.hpp"
#include "kith/sync/sync_mail_head.hpp"
#include "kith/sync/sync_mail_notmuch.hpp"

namespace kith::cli {
namespace {

struct SyncMailOptions {
    std::string since, format = "text";
    bool dry_run = false, subjects = false;
};

bool is_file(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// Finds the config file as notmuch does: $NOTMUCH_CONFIG, else the XDG place of the profile,
// else ~/.notmuch-config[-PROFILE]; none found means no config file ("").
NotmuchPlace find_notmuch(const Context& ctx) {
    NotmuchPlace place;
    place.database = ctx.env("NOTMUCH_DATABASE");
    if (const std::string named = ctx.env("NOTMUCH_CONFIG"); !named.empty()) {
        place.config = named;
        place.looked = "config '" + named + "' from NOTMUCH_CONFIG";
        return place;
    }
    const std::string profile = ctx.env("NOTMUCH_PROFILE");
    const std::string xdg = !ctx.env("XDG_CONFIG_HOME").empty() ? ctx.env("XDG_CONFIG_HOME") : ctx.home + "/.config";
    const std::string candidates[] = {xdg + "/notmuch/" + (profile.empty() ? "default" : profile) + "/config",
                                      ctx.home + "/.notmuch-config" + (profile.empty() ? "" : "." + profile)};
    for (const std::string& candidate : candidates) {
        if (!is_file(candidate)) continue;
        place.config = candidate;
        place.looked = "config '" + candidate + "'";
        return place;
    }
    place.looked = "no config at '" + candidates[0] + "' or '" + candidates[1] + "'";
    if (!place.database.empty()) place.looked += ", database '" + place.database + "' from NOTMUCH_DATABASE";
    return place;
}

// Reads a message file up to the end of its headers; nullopt when it cannot.
std::optional<std::string> read_head(const std::string& path) {
    return read_input_start(path, max_mail_head_bytes, [](std::string_view bytes) { return mail_head_length(bytes) < bytes.size(); });
}

std::int64_t epoch_of(Day day) { return static_cast<std::int64_t>(day.time_since_epoch().count()) * 86400; }

// Reads the messages and returns the entries they plan; the plan is let go before the entries
// are printed or written.
std::vector<SyncEntry> plan_emails(const NotmuchIndex& index, Network& network, const Store& store, Day since, Day today,
                                   const SyncMailOptions& in) {
    MailRules rules{index.my_addresses(), since, today, in.subjects, local_day};
    rules.my_addresses.push_back(network.config.me_email);
    rules.my_addresses.insert(rules.my_addresses.end(), network.config.me_addresses.begin(), network.config.me_addresses.end());
    MailPlanner planner(network.contacts, rules);
    // A day's messages lie within 14 hours of its UTC midnight, whatever the zone.
    index.each_message(epoch_of(since) - 86400, epoch_of(today) + 2 * 86400, read_head,
                       [&](const MailMessage& message) { planner.add(message); });
    // A dry run prints only what the logs lack; a run that writes decides that file by file, under the lock
    // (an email entry matches by day alone, so the plan needs no whole log to leave one out).
    if (in.dry_run) read_whole_logs(store, network.config, network.contacts, planner.people_to_read());
    return planner.entries();
}

Outcome sync_mail(Context& ctx, const SyncMailOptions& in) {
    const Day today = ctx.today();
    const Store store = ctx.store();
    std::optional<Day> since;
    if (!in.since.empty()) since = parse_cli_day(in.since, today, Direction::past);
    if (!since) since = day_after_last_sync(store, "mail");
    if (!since) since = add_duration(today, Duration{1, 'y'}, -1);
    std::optional<NotmuchIndex> index(std::in_place, find_notmuch(ctx));  // before anything is read: no database, nothing done
    Network network = load_index(ctx);  // addresses from the index; the logs of those planned for below
    drop_conflicted(network.contacts);
    const std::vector<SyncEntry> entries = plan_emails(*index, network, store, *since, today, in);
    index.reset();  // closed, its memory free for the writing
    log_sync_entries(ctx, network.config, entries, in.dry_run, in.format, "mail");
    if (!in.dry_run) record_sync(store, "mail", today - date::days{1});
    return Outcome::done;
}

}  // namespace

void add_sync_mail(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = sync_command(app, actions)->add_subcommand("mail", "Log email contact read from the notmuch index");
    auto in = std::make_shared<SyncMailOptions>();
    cmd->add_option("--since", in->since,
                    "The first day to read (default: the day after the last sync, else a year back)");
    cmd->add_flag("--dry-run", in->dry_run, "Print what would be logged, person by person; write nothing");
    cmd->add_flag("--subjects", in->subjects, "Write the day's earliest subject as the note (subjects go to git)");
    add_format(*cmd, in->format);
    cmd->footer(
        "Examples:\n"
        "  kith sync mail --dry-run\n"
        "  mbsync -a && notmuch new && kith sync mail && kith due");
    actions[cmd] = [&ctx, in] { return sync_mail(ctx, *in); };
}

}  // namespace kith::cli
