#pragma once
// What every importer returns: people read from a file, and one error per bad record.
#include <cstddef>
#include <deque>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "kith/error.hpp"
#include "kith/model.hpp"

namespace kith {

// One person read from an import file.
struct ImportRecord {
    Contact contact;  // slug, path and tier left empty: the planner decides them
    int line = 0;     // where the record starts in its file
};

// The records of a file, in file order: a deque, so that tens of thousands of them grow a block
// at a time, never copied into a larger array.
using ImportRecords = std::deque<ImportRecord>;

// The records of one file, with what could not be read.
struct ImportBatch {
    ImportRecords records;
    std::vector<Error> errors;  // located "path:line": a skipped record or an unreadable value
    size_t extensions = 0;      // unknown X- properties ignored (vCard)
    size_t skipped = 0;         // binary or oversized properties skipped (vCard)
};

// Parses a day of the year as exports write it: "1815-12-10", "18151210", "--1210",
// "--12-10", "12-10", with any time part ("T..." ) ignored; nullopt otherwise.
std::optional<MonthDay> parse_export_date(std::string_view text);

// Appends `value` to `list` unless it is empty or already there.
void add_unique(std::vector<std::string>& list, const std::string& value);

// Returns UTF-8 for bytes that start with a UTF-16 byte order mark (as some Outlook and old
// Google exports are written); other bytes unchanged. Unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes);

// Trims blanks (spaces, tabs, CR, LF) from both ends.
std::string trim_blanks(std::string_view text);

}  // namespace kith
