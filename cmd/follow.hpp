#pragma once
// `kith follow`, `kith done` and `kith snooze`: promises to come back to someone, kept or put off.
#include "app.hpp"

namespace kith::cli {

// Adds `kith follow`, `kith done` and `kith snooze` to the command tree, each with the action that
// runs it.
void add_follow(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
