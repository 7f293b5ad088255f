#pragma once
// What every importer returns: people read from a file, and one error per bad record.
#include <cstddef>
#include <deque>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/model/model.hpp"

namespace kith {

// The most records one import reads (more than iCloud, Google or LinkedIn export), and the
// most text they may hold together: an input past either is refused, so that an import's
// memory stays bounded whatever it is given.
inline constexpr size_t import_max_records = 50'000;
inline constexpr size_t import_max_text_bytes = size_t{64} << 20;
// The most text one record may hold: its contact file could not be larger (max_file_bytes).
inline constexpr size_t import_max_record_bytes = size_t{1} << 20;

// One person read from an import file.
struct ImportRecord {
    Contact contact;  // slug, path and tier left empty: the planner decides them
    int line = 0;        // where the record starts in its file
    std::string source{};  // that file (the files of a vdir differ); ImportBatch::add sets it
};

// The records of a file, in file order: a deque, so that tens of thousands of them grow a block
// at a time, never copied into a larger array.
using ImportRecords = std::deque<ImportRecord>;

// The records of one file (or of every file of a vdir), with what could not be read.
struct ImportBatch {
    ImportRecords records;
    std::vector<Error> errors;    // located "path:line": a skipped record or an unreadable value
    std::vector<Error> warnings;  // located: a value left out or read otherwise than written
    size_t extensions = 0;        // unknown X- properties ignored (vCard)
    size_t skipped = 0;           // binary or oversized properties skipped (vCard)
    size_t text_bytes = 0;        // of the records' text, as read

    // Appends a record read from `bytes` bytes of its file. Throws an invalid Error naming
    // `path` when the batch would pass import_max_records or import_max_text_bytes.
    void add(ImportRecord record, size_t bytes, const std::string& path);
};

// Parses a day of the year as exports write it: "1815-12-10", "18151210", "--1210",
// "--12-10", "12-10", with any time part ("T..." ) ignored; nullopt otherwise.
std::optional<MonthDay> parse_export_date(std::string_view text);

// Appends `value` to `list` unless it is empty or already there.
void add_unique(std::vector<std::string>& list, const std::string& value);

// Drops the empty values of `list` and every repeat of a value, keeping the first of each in
// order, in linear time: add_unique, called for each of n values, compares each with all before it.
void drop_repeats(std::vector<std::string>& list);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

// Trims blanks (spaces, tabs, CR, LF) from both ends.
std::string trim_blanks(std::string_view text);

}  // namespace kith
