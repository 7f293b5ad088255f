#pragma once
// `kith edit`: edit a person's file in $VISUAL or $EDITOR, validated before it is saved.
#include "app.hpp"

namespace kith::cli {

// Adds `kith edit` to the command tree, with the action that runs it.
void add_edit(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
