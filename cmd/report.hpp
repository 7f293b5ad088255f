#pragma once
// `kith report`: the network's health as one HTML page (inline SVG, no script).
#include "app.hpp"

namespace kith::cli {

// Adds `kith report` to the command tree, with the action that runs it.
void add_report(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
