// kith sync calendar PATH... [--since DATE] [--dry-run] [--no-summary]: log meetings from .ics files.
#include <algorithm>
#include <filesystem>

#include "sync_calendar.hpp"

#include "lookup.hpp"
#include "sync.hpp"
#include "kith/base/error.hpp"
#include "kith/store/input_file.hpp"
#include "kith/sync/sync_calendar.hpp"
#include "kith/sync/sync_calendar_ical.hpp"

namespace kith::cli {
namespace {

namespace fs = std::filesystem;

struct SyncCalendarOptions {
    std::vector<std::string> paths;
    std::string since, format = "text";
    bool dry_run = false, no_summary = false;
};

// The files a PATH names: a file itself, a folder's *.ics files and its subfolders' (a vdir holds
// one folder per calendar), sorted; names starting with '.' are skipped.
std::vector<std::string> calendar_files(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) fail_usage("no calendar at '" + path + "': give .ics files or folders of them");
    if (!fs::is_directory(path, ec)) return {path};
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.front() == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".ics") found.push_back(it->path().string());
    }
    if (ec) throw Error(ErrorKind::io, "cannot read folder '" + path + "': " + ec.message());
    std::sort(found.begin(), found.end());
    return found;
}

// Reads the calendar files and returns the entries they plan; the plan and the files' calendars
// are let go before the entries are printed or written.
std::vector<SyncEntry> plan_meetings(Context& ctx, const std::vector<std::string>& files, Network& network, Day since, bool summaries) {
    const Day today = ctx.today();
    CalendarRules rules{{network.config.me_email}, since, today, summaries};
    rules.my_addresses.insert(rules.my_addresses.end(), network.config.me_addresses.begin(), network.config.me_addresses.end());
    CalendarPlanner planner(network.contacts, rules);
    CalendarReader reader;
    for (const std::string& file : files) {
        try {
            for (const EventInstance& instance : reader.read(read_input_text(file), file, since, today, local_day))
                planner.add(instance);
        } catch (const Error& problem) {  // reported; the other files are read, and the exit is 3
            if (problem.kind() == ErrorKind::usage) throw;
            ctx.error(problem.located());
            ctx.had_invalid_files = true;
        }
    }
    read_whole_logs(ctx.store(), network.config, network.contacts, planner.people_to_read());
    return planner.entries();
}

Outcome sync_calendar(Context& ctx, const SyncCalendarOptions& in) {
    const Day today = ctx.today();
    std::vector<std::string> files, synced;  // every PATH checked before anything is read
    for (const std::string& path : in.paths) {
        const std::vector<std::string> found = calendar_files(path);
        files.insert(files.end(), found.begin(), found.end());
        std::error_code ec;
        const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
        synced.push_back(ec ? path : absolute.string());  // each PATH's last sync is its own
    }
    const Store store = ctx.store();
    std::optional<Day> since;
    if (!in.since.empty()) since = parse_cli_day(in.since, today, Direction::past);
    if (!since) since = day_after_last_sync(store, "calendar", synced);
    if (!since) since = add_duration(today, Duration{1, 'y'}, -1);
    Network network = load_index(ctx);  // addresses from the index; the logs of those planned for below
    drop_conflicted(network.contacts);
    const std::vector<SyncEntry> entries = plan_meetings(ctx, files, network, *since, !in.no_summary);
    log_sync_entries(ctx, network.config, entries, in.dry_run, in.format, "calendar");
    // A file that could not be read is read again from the same day once it is repaired.
    if (!in.dry_run && !ctx.had_invalid_files) record_sync(store, "calendar", today - date::days{1}, synced);
    return Outcome::done;
}

}  // namespace

void add_sync_calendar(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = sync_command(app, actions)->add_subcommand("calendar", "Log meetings read from .ics files and calendar folders");
    auto in = std::make_shared<SyncCalendarOptions>();
    cmd->add_option("PATH", in->paths, ".ics files, or folders of them (khal's or vdirsyncer's vdir)")->required();
    cmd->add_option("--since", in->since, "The first day to read (default: the day after the last sync of these PATHs, else a year back)");
    cmd->add_flag("--dry-run", in->dry_run, "Print what would be logged, person by person; write nothing");
    cmd->add_flag("--no-summary", in->no_summary, "Leave the event's summary out of the note");
    add_format(*cmd, in->format);
    cmd->footer(
        "Examples:\n"
        "  kith sync calendar ~/.calendars --dry-run\n"
        "  vdirsyncer sync && kith sync calendar ~/.calendars/work");
    actions[cmd] = [&ctx, in] { return sync_calendar(ctx, *in); };
}

}  // namespace kith::cli
