#pragma once
// `kith email`: look up email addresses for a mail client; exit 1 when nothing matches.
#include "app.hpp"

namespace kith::cli {

// Adds `kith email` to the command tree, with the action that runs it.
void add_email(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
