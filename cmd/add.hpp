#pragma once
// `kith add`: add a person: one new file in contacts/.
#include "app.hpp"

namespace kith::cli {

// Adds `kith add` to the command tree, with the action that runs it.
void add_add(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
