#pragma once
// One function per verb, each adding its subcommand and the action that runs it.
#include "app.hpp"
#include "kith/health.hpp"

namespace kith::cli {

void add_init(CLI::App& app, Context& ctx, Actions& actions);
void add_add(CLI::App& app, Context& ctx, Actions& actions);
void add_show(CLI::App& app, Context& ctx, Actions& actions);
void add_list(CLI::App& app, Context& ctx, Actions& actions);
void add_check(CLI::App& app, Context& ctx, Actions& actions);
void add_log(CLI::App& app, Context& ctx, Actions& actions);
void add_tier(CLI::App& app, Context& ctx, Actions& actions);
void add_due(CLI::App& app, Context& ctx, Actions& actions);
void add_follow(CLI::App& app, Context& ctx, Actions& actions);  // follow, done, snooze
void add_archive(CLI::App& app, Context& ctx, Actions& actions);  // archive, unarchive, rename
void add_unarchive(CLI::App& app, Context& ctx, Actions& actions);
void add_rename(CLI::App& app, Context& ctx, Actions& actions);
// Throws a usage Error naming the archived person NAME means, and how to restore them;
// returns when NAME means no archived person. For the catch of a failed lookup.
void refuse_if_archived(const Context& ctx, const std::string& name);
void add_introduce(CLI::App& app, Context& ctx, Actions& actions);
void add_find(CLI::App& app, Context& ctx, Actions& actions);
void add_edit(CLI::App& app, Context& ctx, Actions& actions);
void add_report(CLI::App& app, Context& ctx, Actions& actions);
void add_stats(CLI::App& app, Context& ctx, Actions& actions);
// Reads the health of the network over `months` months (stats, report), a chunk of files at a time.
Health read_health(Context& ctx, int months);
void add_merge_file(CLI::App& app, Context& ctx, Actions& actions);
void add_fold(CLI::App& app, Context& ctx, Actions& actions);
void add_git(CLI::App& app, Context& ctx, Actions& actions);
// Sets aside what follows `kith [options] git` for git; returns how many arguments CLI11 parses.
int split_git_arguments(int argc, char** argv);
void add_email(CLI::App& app, Context& ctx, Actions& actions);
void add_import(CLI::App& app, Context& ctx, Actions& actions);
void add_export(CLI::App& app, Context& ctx, Actions& actions);
void add_where(CLI::App& app, Context& ctx, Actions& actions);
void add_sync_mail(CLI::App& app, Context& ctx, Actions& actions);      // sync.cpp makes the `sync` parent
void add_sync_calendar(CLI::App& app, Context& ctx, Actions& actions);
void add_complete(CLI::App& app, Context& ctx, Actions& actions);  // hidden: words for completions

}  // namespace kith::cli
