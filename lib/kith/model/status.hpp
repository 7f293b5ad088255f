#pragma once
// Staleness of one contact on a given day (SPEC 4).
#include <optional>

#include "kith/model/model.hpp"

namespace kith {

// Where a contact stands on a day.
struct ContactStatus {
    const LogEntry* last_entry = nullptr;  // latest entry on or before the day that counts as contact
    std::optional<Day> last_contact;
    std::optional<Day> reference;          // last contact, else `since`
    Duration cadence;
    Day due_on;
    long overdue = 0;                      // days; negative while still ahead
    std::optional<double> staleness;       // (day - reference) / cadence; none without a reference

    bool is_due() const { return overdue >= 0; }
};

// Returns the cadence that applies: the contact's, else its tier's, else the default tier's.
Duration cadence_of(const Contact& contact, const Config& config);

// Computes a contact's status on `today`.
ContactStatus contact_status(const Contact& contact, const Config& config, Day today);

}  // namespace kith
