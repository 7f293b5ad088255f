#pragma once
// `kith sync mail`: contact logged from the mail in notmuch's index.
#include "app.hpp"

namespace kith::cli {

// Adds `sync mail` under the `sync` group (made when missing), with the action that runs it.
void add_sync_mail(CLI::App& app, Context& ctx, Actions& actions);

}  // namespace kith::cli
