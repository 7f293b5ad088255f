#pragma once
// `kith __complete` (hidden): the words the shell completions offer.
#include "app.hpp"

namespace kith::cli {

// Adds `kith __complete` to the command tree, with the action that runs it.
void add_complete(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
