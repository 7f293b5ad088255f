#pragma once
// `kith fold`: merge a sync program's conflict copy of a contact file into the file.
#include "app.hpp"

namespace kith::cli {

// Adds `kith fold` to the command tree, with the action that runs it.
void add_fold(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
