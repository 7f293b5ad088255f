#pragma once
// `kith show`: show one person: profile, status, follow-ups, recent log.
#include "app.hpp"

namespace kith::cli {

// Adds `kith show` to the command tree, with the action that runs it.
void add_show(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
