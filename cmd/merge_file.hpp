#pragma once
// `kith merge-file`: git's merge driver for contact files (%O %A %B): the result goes to OURS.
#include "app.hpp"

namespace kith::cli {

// Adds `kith merge-file` to the command tree, with the action that runs it.
void add_merge_file(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
