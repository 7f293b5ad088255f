#pragma once
// `kith set NAME… --FIELD VALUE`: change fields without the editor, for one or more people.
#include "app.hpp"

namespace kith::cli {

// Adds `kith set` and `kith tag` to the command tree, with the actions that run them.
void add_set(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
