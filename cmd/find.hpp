#pragma once
// `kith find`: search people, ignoring case and accents; exit 1 when nothing matches.
#include "app.hpp"

namespace kith::cli {

// Adds `kith find` to the command tree, with the action that runs it.
void add_find(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
