#pragma once
// `kith sync vdir DIR`: the network and a vdir made to agree, property by property.
#include "app.hpp"

namespace kith::cli {

// Adds `sync vdir` under the `sync` group (made when missing), with the action that runs it.
void add_sync_vdir(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
