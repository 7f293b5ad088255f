#include "kith/model/status.hpp"

namespace kith {

Duration cadence_of(const Contact& contact, const Config& config) {
    if (contact.cadence) return *contact.cadence;
    if (const Tier* tier = config.find_tier(tier_of(contact, config))) return tier->cadence;
    if (const Tier* fallback = config.find_tier(config.default_tier)) return fallback->cadence;
    return Duration{180, 'd'};
}

ContactStatus contact_status(const Contact& contact, const Config& config, Day today) {
    ContactStatus status;
    status.cadence = cadence_of(contact, config);
    for (const auto& entry : contact.log) {
        // Entries after `today` are ignored, so that --today in the past shows the network as it was.
        if (entry.date > today || !counts_as_contact(entry.kind)) continue;
        if (!status.last_entry || entry.date >= status.last_entry->date) status.last_entry = &entry;
    }
    if (status.last_entry) status.last_contact = status.last_entry->date;
    status.reference = status.last_contact ? status.last_contact : contact.since;
    // Never in touch: an imported person is first due on the day the import placed them on.
    const std::optional<Day> first_due = status.last_contact ? std::nullopt : contact.first_due;
    if (status.reference) {
        const Day due = first_due ? *first_due : add_duration(*status.reference, status.cadence);
        const long span = std::max(1L, days_between(*status.reference, due));
        status.staleness = static_cast<double>(days_between(*status.reference, today)) / static_cast<double>(span);
        status.due_on = due;
    } else {
        status.due_on = first_due.value_or(today);  // no `since`: due until something is logged
    }
    if (contact.snooze && *contact.snooze > status.due_on) status.due_on = *contact.snooze;
    status.overdue = days_between(status.due_on, today);
    return status;
}

}  // namespace kith
