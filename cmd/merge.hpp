#pragma once
// kith merge A B: fold one person into another.
#include "app.hpp"

namespace kith::cli {

// Adds the merge command.
void add_merge(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
