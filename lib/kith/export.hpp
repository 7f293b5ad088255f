#pragma once
// Export renderers: vCard, CSV, JSON and a calendar of everything ahead (kith export).
#include <string>
#include <vector>

#include "kith/model.hpp"

namespace kith {

// Renders every contact as a vCard (version 4 or 3), one after the other.
std::string render_vcards(const std::vector<Contact>& contacts, int version = 4);

// Returns the file name of a contact in a vdir: "<slug>.vcf".
std::string vcard_file_name(const Contact& contact);

// Renders a CSV: a header line, then one row per person (RFC 4180; lists joined by " ::: ").
std::string render_contacts_csv(const std::vector<Contact>& contacts);

// Renders one JSON array holding every field of every contact, log and follow-ups included.
std::string render_contacts_json(const std::vector<Contact>& contacts);

// Renders the calendar of everything ahead in the next year: contacts due, open
// follow-ups, birthdays and dates (through due_items and render_ics).
std::string render_export_ics(const std::vector<Contact>& contacts, const Config& config, Day today);

}  // namespace kith
