#pragma once
// `kith sync calendar PATH...`: meetings logged from .ics files and calendar folders.
#include "app.hpp"

namespace kith::cli {

// Adds `sync calendar` under the `sync` group (made when missing), with the action that runs it.
void add_sync_calendar(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
