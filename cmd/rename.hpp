#pragma once
// `kith rename`: give a person a new name and file name, updating every reference.
#include "app.hpp"

namespace kith::cli {

// Adds `kith rename` to the command tree, with the action that runs it.
void add_rename(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
