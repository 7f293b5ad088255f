#pragma once
// `kith sync vdir DIR`: the network and a vdir made to agree, property by property.
#include "app.hpp"

namespace kith::cli {

// Adds `sync vdir` under the `sync` group, with the action that runs it.
void add_sync_vdir(CLI::App& sync, Context& ctx, Actions& actions);

}  // namespace kith::cli
