#pragma once
// `kith archive`: move a person to archive/: never due, still in 'list --archived'.
#include "app.hpp"

namespace kith::cli {

// Adds `kith archive` to the command tree, with `kith unarchive` and `kith rename` beside it,
// each with the action that runs it.
void add_archive(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
