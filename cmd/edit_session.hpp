#pragma once
// Editing a contact file in the user's editor, validated before it replaces the original.
#include <string>

#include "app.hpp"

namespace kith::cli {

// Opens $VISUAL/$EDITOR on a copy of `path` and replaces the original only with a copy that
// parses. An invalid copy is reported with its place; on a terminal the user may reopen it,
// otherwise the original stays untouched and the copy is kept for recovery. Returns the exit code.
int edit_contact_file(Context& ctx, const Store& store, const std::string& path, const Config& config);

}  // namespace kith::cli
