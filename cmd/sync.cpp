// kith sync: the command group of the syncs (vdir: cmd/sync_vdir.cpp). The group's action runs
// the action of the sync chosen.
#include "sync.hpp"
#include "sync_vdir.hpp"

namespace kith::cli {

void add_sync(CLI::App& app, Context& ctx, Actions& actions) {
    auto* sync = app.add_subcommand("sync", "Keep the network in step with a vdir, mail or a calendar");
    sync->require_subcommand(1);
    sync->footer("Examples:\n  kith sync vdir ~/.contacts/kith    # two-way with a vdir that vdirsyncer carries to CardDAV");
    add_sync_vdir(*sync, ctx, actions);
    actions[sync] = [sync, &actions] { return actions.at(sync->get_subcommands().front())(); };
}

}  // namespace kith::cli
