#pragma once
// `kith tier`: tier summary; one person's tier; set it.
#include "app.hpp"

namespace kith::cli {

// Adds `kith tier` to the command tree, with the action that runs it.
void add_tier(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
