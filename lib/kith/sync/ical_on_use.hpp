#pragma once
// libical (iCalendar files), for kith sync calendar, loaded when the first of its functions is called.
#include "kith/sync/on_use_library.hpp"

namespace kith {

// Returns libical (its soname as built against), opened on first use (see on_use_library.hpp).
OnUseLibrary& ical_library();

}  // namespace kith
