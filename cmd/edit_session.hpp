#pragma once
// Editing a contact file in the user's editor, validated before it replaces the original.
#include <string>

#include "app.hpp"

namespace kith::cli {

// What to do with a copy kept in .kith/ by an earlier edit that was not saved.
enum class KeptCopy {
    ask,      // on a terminal ask whether to resume it; elsewhere refuse, naming it (exit 2)
    resume,   // edit the kept copy
    discard,  // start over from the file
};

// Opens $VISUAL/$EDITOR on a copy of `path` and replaces the original only with a copy that
// parses. An invalid copy is reported with its place; on a terminal the user may reopen it,
// otherwise the original stays untouched and the copy is kept for recovery. A copy kept
// from before is never overwritten silently (see KeptCopy). Returns the exit code.
int edit_contact_file(Context& ctx, const Store& store, const std::string& path, const Config& config,
                      KeptCopy kept = KeptCopy::ask);

}  // namespace kith::cli
