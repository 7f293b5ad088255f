#pragma once
// `kith list`: list people as a table.
#include "app.hpp"

namespace kith::cli {

// Adds `kith list` to the command tree, with the action that runs it.
void add_list(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
