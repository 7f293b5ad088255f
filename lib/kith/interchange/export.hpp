#pragma once
// Export renderers: vCard, CSV, JSON and a calendar of everything ahead (kith export).
#include <iosfwd>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/model/model.hpp"

namespace kith {

// Renders every contact as a vCard (version 4 or 3), one after the other.
std::string render_vcards(const std::vector<Contact>& contacts, int version = 4);

// Returns the file name of a contact in a vdir: "<slug>.vcf".
std::string vcard_file_name(const Contact& contact);

// Renders a CSV: a header line, then one row per person (RFC 4180; lists joined by " ::: ").
// A cell that a spreadsheet would run as a formula (it begins with '=', '+', '-', '@', a tab
// or a CR) gets a leading "'", as OWASP advises; so does one that begins with "'", so that
// dropping one leading "'" always gives the value back.
std::string render_contacts_csv(const std::vector<Contact>& contacts);

// Renders one JSON array holding every field of every contact, log and follow-ups included.
std::string render_contacts_json(const std::vector<Contact>& contacts);

// Renders the calendar of everything ahead in the next year: contacts due, open
// follow-ups, birthdays and dates (through due_items and render_ics).
std::string render_export_ics(const std::vector<Contact>& contacts, const Config& config, Day today);

// Writes an export one contact at a time, so that a network is exported a chunk of files at a
// time: vCard, CSV and JSON text comes out as each contact goes in; a calendar keeps of each
// contact only what its items need, and comes out at the end. The text is the same as the
// render_* functions give for all the contacts at once.
class ExportStream {
public:
    // `format` is vcard, csv, json or ics; `config` and `today` are for ics.
    ExportStream(std::string format, int vcard_version, Config config, Day today);
    // Writes what one more contact adds to `out`. Returns why it was left out instead: a person
    // whose slug was exported already (one slug in both contacts/ and archive/; active people
    // come first, so the archived copy is the one left out).
    std::optional<Error> add(const Contact& contact, std::ostream& out);
    // Writes the rest of the export to `out`.
    void finish(std::ostream& out);

private:
    std::string format_;
    int vcard_version_;
    Config config_;
    Day today_;
    size_t count_ = 0;
    std::unordered_set<std::string> slugs_;
    // ics: each item rendered as read, with what the calendar sorts it by (as due_items does).
    struct CalendarItem {
        Day due;
        size_t rank = 0;
        std::string slug;
        int what = 0;
        std::string detail, text;
    };
    std::vector<CalendarItem> calendar_;
};

}  // namespace kith
