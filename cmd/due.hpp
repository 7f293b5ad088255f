#pragma once
// `kith due`: who is due: gone stale, a follow-up promised, a birthday near.
#include "app.hpp"

namespace kith::cli {

// Adds `kith due` to the command tree, with the action that runs it.
void add_due(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
