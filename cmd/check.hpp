#pragma once
// `kith check`: validate kith.yaml and every contact file.
#include "app.hpp"

namespace kith::cli {

// Adds `kith check` to the command tree, with the action that runs it.
void add_check(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
