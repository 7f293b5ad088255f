#pragma once
// `kith unarchive`: move an archived person back from archive/ to contacts/.
#include <string>

#include "app.hpp"

namespace kith::cli {

// Adds `kith unarchive` to the command tree, with the action that runs it.
void add_unarchive(CLI::App& app, Context& ctx, Actions& actions);

// Throws a usage Error naming the archived person NAME means, and how to restore them;
// returns when NAME means no archived person. For the catch of a failed lookup.
void refuse_if_archived(const Context& ctx, const std::string& name);

}  // namespace kith::cli
