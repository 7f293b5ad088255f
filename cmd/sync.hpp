#pragma once
// `kith sync ...`: the group of commands that bring in what other programs hold.
#include <cstdint>

#include "app.hpp"
#include "kith/store/sync_record.hpp"
#include "kith/sync/sync_log.hpp"

namespace kith::cli {

// Returns the `sync` command, adding it the first time, with an action that runs the action of
// the verb given under it (`sync mail` runs `mail`'s).
CLI::App* sync_command(CLI::App& app, Actions& actions);

// Leaves out the people whose file is in git's conflict markers: no write touches such a file
// (each was reported when the network was read), and the others are still synced.
void drop_conflicted(std::vector<Contact>& people);

// Reads the people a sync planned entries for (indexes into `people`, read from the index, which
// keeps one log entry each) in full from their files: their whole logs, for the check against them.
void read_whole_logs(const Store& store, const Config& config, std::vector<Contact>& people, const std::vector<size_t>& planned);

// Logs planned sync entries in one Transaction (each file decides, under the lock, what it still
// lacks), commits them with git when asked, and says what was done; with `dry_run`, prints them
// person by person in `format` instead. `source` names the sync ("mail", "calendar"). Returns
// how many entries were (or would be) logged.
size_t log_sync_entries(Context& ctx, const Config& config, const std::vector<SyncEntry>& entries, bool dry_run,
                        const std::string& format, const std::string& source);

// Returns the day of a POSIX time in the local time zone (TZ): what the syncs count a day by.
Day local_day(std::int64_t time);

}  // namespace kith::cli
