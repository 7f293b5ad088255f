#pragma once
// `kith import`: add people from vCard, Google or LinkedIn; merge what is new into the rest.
#include "app.hpp"

namespace kith::cli {

// Adds `kith import` to the command tree, with the action that runs it.
void add_import(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
