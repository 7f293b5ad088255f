#pragma once
// `kith review`: the weekly review, one person at a time, one key per action.
#include "app.hpp"

namespace kith::cli {

// Adds `kith review` to the command tree, with the action that runs it.
void add_review(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
