#pragma once
// `kith init`: make a network folder: kith.yaml, contacts/, .gitignore, .gitattributes.
#include "app.hpp"

namespace kith::cli {

// Adds `kith init` to the command tree, with the action that runs it.
void add_init(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
