#pragma once
// libnotmuch (notmuch's mail index), for kith sync mail, loaded when the first of its functions is called.
#include "kith/sync/on_use_library.hpp"

namespace kith {

// Returns libnotmuch (its soname as built against), opened on first use (see on_use_library.hpp).
OnUseLibrary& notmuch_library();

}  // namespace kith
