#pragma once
// `kith where`: print the network folder in use, and how it was found.
#include "app.hpp"

namespace kith::cli {

// Adds `kith where` to the command tree, with the action that runs it.
void add_where(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
