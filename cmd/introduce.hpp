#pragma once
// `kith introduce`: write a double-opt-in introduction with real context; suggest who should meet.
#include "app.hpp"

namespace kith::cli {

// Adds `kith introduce` to the command tree, with the action that runs it.
void add_introduce(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
