#pragma once
// `kith log`: record an interaction with one or more people.
#include "app.hpp"

namespace kith::cli {

// Adds `kith log` to the command tree, with the action that runs it.
void add_log(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
