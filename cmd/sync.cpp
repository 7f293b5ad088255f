// kith sync: the parent of `sync vdir`, `sync mail` and `sync calendar`, and what they share.
#include "sync.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "autocommit.hpp"
#include "kith/base/error.hpp"
#include "kith/base/plural.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {

CLI::App* sync_command(CLI::App& app, Actions& actions) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App* cmd) { return cmd->get_name() == "sync"; })) return sub;
    auto* cmd = app.add_subcommand("sync", "Keep the network in step with a vdir, mail or a calendar");
    cmd->require_subcommand(1);
    cmd->footer("Examples:\n"
                "  kith sync vdir ~/.contacts/kith    # two-way with a vdir that vdirsyncer carries to CardDAV\n"
                "  kith sync mail                     # log the mail you exchanged, from notmuch's index\n"
                "  kith sync calendar ~/.calendars    # log the meetings you had, from .ics files");
    actions[cmd] = [cmd, &actions] { return actions.at(cmd->get_subcommands().front())(); };
    return cmd;
}

namespace {

Table dry_run_table(const std::vector<SyncEntry>& entries) {
    Table table{{{.key = "slug", .heading = "SLUG", .shrink = true},
                 {.key = "name", .heading = "NAME", .shrink = true, .name = true}, {"date", "DATE"}, {"kind", "KIND"},
                 {"note", "NOTE", false, true}}, {}, {}};
    for (const SyncEntry& e : entries)
        table.add({std::string(e.slug), std::string(e.name), format_day(e.entry.date), e.entry.kind, e.entry.note});
    return table;
}

std::string entries_for(size_t entries, size_t people) {
    return count_of(entries, "entry", "entries") + " for " + count_of(people, "person", "people");
}

}  // namespace

void drop_conflicted(std::vector<Contact>& people) {
    std::erase_if(people, [](const Contact& person) { return person.conflict_line > 0; });
}

void read_whole_logs(const Store& store, const Config& config, std::vector<Contact>& people, const std::vector<size_t>& planned) {
    std::vector<std::string> paths;
    paths.reserve(planned.size());
    for (size_t who : planned) paths.push_back(people[who].path);
    std::vector<Contact> whole = store.load_contacts(paths, config);
    for (size_t i = 0; i < planned.size(); ++i) people[planned[i]].log = std::move(whole[i].log);
}

size_t log_sync_entries(Context& ctx, const Config& config, const std::vector<SyncEntry>& entries, bool dry_run,
                        const std::string& format, const std::string& source) {
    std::set<std::string_view> slugs;
    for (const SyncEntry& e : entries) slugs.insert(e.slug);
    if (dry_run) {
        ctx.print(dry_run_table(entries), format);
        ctx.say("sync " + source + ": would log " + entries_for(entries.size(), slugs.size()) + " (dry run)");
        return entries.size();
    }
    std::map<std::string_view, std::vector<const SyncEntry*>> by_path;
    for (const SyncEntry& e : entries) by_path[e.path].push_back(&e);
    const Store store = ctx.store();
    Transaction change(store, config);
    std::vector<std::string> paths;
    for (const auto& [path, planned] : by_path) paths.emplace_back(path);
    std::vector<size_t> now(paths.size());  // what each file lacks, decided from its text under the lock
    change.edit_each(paths, [&](size_t i, const std::string& text) {  // each file read and written once, with all its entries
        return add_missing_entries(text, by_path.at(paths[i]), paths[i], config, now[i]);
    });
    size_t added = 0, people = 0;
    for (const size_t count : now) {
        added += count;
        people += count > 0 ? 1 : 0;
    }
    const std::vector<std::string> changed = change.commit();
    const std::string said = "sync " + source + ": " + entries_for(added, people);
    ctx.say("logged " + entries_for(added, people));
    if (!changed.empty()) autocommit(ctx, config, store, changed, "kith: " + said);
    return added;
}

Day local_day(std::int64_t time) {
    const std::time_t when = static_cast<std::time_t>(time);
    std::tm local{};
    ::localtime_r(&when, &local);
    return Day{date::year{local.tm_year + 1900} / (local.tm_mon + 1) / local.tm_mday};
}

}  // namespace kith::cli
