#pragma once
// Editing a contact file in the user's editor, validated before it replaces the original.
#include <string>
#include <vector>

#include "app.hpp"

namespace kith::cli {

// What to do with a copy kept in .kith/ by an earlier edit that was not saved.
enum class KeptCopy {
    ask,      // on a terminal ask whether to resume it; elsewhere refuse, naming it (exit 2)
    resume,   // edit the kept copy
    discard,  // start over from the file
};

// What an edit session did: what it came to, and the paths it changed (as the store resolved
// them: a link's target), for git.
struct EditResult {
    Outcome outcome = Outcome::done;
    std::vector<std::string> changed;
};

// Opens $VISUAL/$EDITOR on a copy of `path` and replaces the original only with a copy that
// parses, in one Transaction that decides under the lock: a file changed while the editor was
// open is left alone (exit 4). An invalid copy is reported with its place; on a terminal the
// user may reopen it, otherwise the original stays untouched and the copy is kept for
// recovery. A copy kept from before is never overwritten silently (see KeptCopy); it remembers
// the file it was made from (.kith/edit-NAME.yaml.from), and resuming it onto a file changed
// since merges the two with the merge driver (base: the file then) into the copy, conflicts
// marked there, before the editor opens; a copy that does not remember is refused.
EditResult edit_contact_file(Context& ctx, const Store& store, const std::string& path, const Config& config,
                             KeptCopy kept = KeptCopy::ask);

}  // namespace kith::cli
