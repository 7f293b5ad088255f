#pragma once
// One description of a contact's fields: the table that reading, writing, find, show, add,
// export and import are driven by (SPEC 3). A field added here appears in all of them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// What a field holds, and so how it is read, written and compared.
enum class FieldKind { text, text_list, date, yearly_date, duration, entries };

// Returns "text", "list", "date", "yearly date", "duration" or "entries".
const char* to_string(FieldKind kind);

// The projections of a contact that keep only some of its fields: what the index keeps of it (a
// summary), what `due` and its calendar read, what `introduce --suggest` reads. Each row of the
// table says which keep it whole; the summary then keeps of the log only its latest entry that
// counts, and due and suggest add the entries they read (open follow-ups, the last contact; the
// introductions).
enum Projection : unsigned { in_summary = 1U, in_due = 2U, in_suggest = 4U };

// One key of a contact file. Exactly one member pointer, the one of its kind, is set
// (entries: one of dates, followups, log).
struct Field {
    const char* key;
    FieldKind kind;
    bool searched = false;      // find looks in it
    const char* label = "";     // its label in show; empty when show leaves it out
    const char* option = "";    // kith add's option ("--tag"); empty when add has none
    const char* help = "";      // the option's help
    const char* vcard = "";     // the vCard property it maps to; empty when none
    const char* csv = "";       // the CSV export column; empty when none
    unsigned projections = 0;   // the projections that keep it (Projection bits)
    std::string Contact::*text = nullptr;
    std::vector<std::string> Contact::*list = nullptr;
    std::optional<Day> Contact::*day = nullptr;
    std::optional<MonthDay> Contact::*yearly = nullptr;
    std::optional<Duration> Contact::*duration = nullptr;
    std::vector<YearlyDate> Contact::*dates = nullptr;
    std::vector<FollowUp> Contact::*followups = nullptr;
    std::vector<LogEntry> Contact::*log = nullptr;
};

// Every field, in the canonical key order of SPEC 3.
const std::vector<Field>& contact_fields();

// Returns the field with `key`, or nullptr.
const Field* find_field(std::string_view key);

// A hash of the keys, kinds and order of the table: changes whenever the table does (the
// index's version is tied to it).
std::uint64_t field_table_signature();

// Returns true when the field holds something in `contact`.
bool field_is_set(const Field& field, const Contact& contact);

// Returns true when two contacts hold the same value in the field (entries compared by
// content, never by line).
bool field_equal(const Field& field, const Contact& a, const Contact& b);

// Returns the field's values as text, one per item: a text, each list item, a day, a
// duration, each entry as one line ("--12-10 what", "2026-01-02 what", "2026-01-02 call note").
std::vector<std::string> field_texts(const Field& field, const Contact& contact);

// Returns the YAML of the field in a new file ("key: value\n", or a block of flow items for
// entries), every user text quoted by yaml_emit; empty when the field is not set.
std::string render_field(const Field& field, const Contact& contact);

// Returns a contact holding only the fields `projection` keeps (and the slug, path and folder).
Contact project(const Contact& contact, Projection projection);

// Empties every field of `contact` that `projection` does not keep.
void keep_only(Contact& contact, Projection projection);

// Returns the flow item ("{date: --12-10, what: x}") of one yearly date.
std::string yearly_date_line(const YearlyDate& date);

}  // namespace kith
