#pragma once
// kith duplicates: people who may be one.
#include "app.hpp"

namespace kith::cli {

// Adds the duplicates command.
void add_duplicates(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
