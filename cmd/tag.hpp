#pragma once
// `kith tag NAME… +TAG -TAG`: add and remove tags of one or more people.
#include "app.hpp"

namespace kith::cli {

// Adds `kith tag` to the command tree, with the action that runs it.
void add_tag(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
