#pragma once
// One-field changes without the editor (`kith set`, `kith tag`): a value typed for a field of
// the field table, and the surgical edits that make it, field by field.
#include <string>
#include <string_view>
#include <vector>

#include "kith/base/dates.hpp"
#include "kith/model/fields.hpp"
#include "kith/model/model.hpp"

namespace kith {

// One change to one field.
struct FieldChange {
    enum class Op { set, clear, add, remove };
    const Field* field = nullptr;
    Op op = Op::set;
    std::string value;  // set: the value as the file will hold it (YAML); add, remove: the item's text
};

// Returns the fields `kith set` changes, in the table's order: every field but the entries
// (dates, follow-ups and the log have their own commands).
std::vector<const Field*> settable_fields();

// Returns the option `kith set` gives a field: `add`'s ("--tag", "--interest"), else "--" and
// its key ("--first-due").
std::string set_option(const Field& field);

// Reads a value typed for a field: a text; a day as parse_cli_day reads it (a bare duration
// ago for `since`, ahead for the others); a birthday; a duration; a known tier. For a list, "+x" adds x, "-x" removes it and a
// bare x adds it ("++44 20 7946" adds "+44 20 7946"). Throws a usage Error naming the option.
FieldChange read_field_change(const Field& field, std::string_view typed, Day today, const Config& config);

// Returns the change that removes a field (`--no-FIELD`); a usage Error for `name`, which every
// contact must have.
FieldChange clear_field(const Field& field);

// Applies changes, in order, to a contact file's text, each through the editor (only the lines
// of its field change; every other byte stays). Adding an item a list holds (ignoring case and
// accents), removing one it lacks, or setting what is there is no change. Appends to `done` what
// each change that took did, in words ("tags +mentor", "org 'Acme'", "no snooze").
std::string apply_field_changes(std::string_view text, const std::vector<FieldChange>& changes, const Config& config,
                                const std::string& path, std::vector<std::string>& done);

}  // namespace kith
