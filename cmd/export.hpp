#pragma once
// `kith export`: write every person as vCard, CSV, JSON or a calendar (ics).
#include "app.hpp"

namespace kith::cli {

// Adds `kith export` to the command tree, with the action that runs it.
void add_export(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
