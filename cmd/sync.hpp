#pragma once
// `kith sync`: the group of the syncs (vdir, mail, calendar).
#include "app.hpp"

namespace kith::cli {

// Adds `kith sync` and each sync under it to the command tree; the group's action runs the
// action of the sync chosen.
void add_sync(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
