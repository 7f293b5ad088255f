#pragma once
// CSV in (through Debian's libcsv: quotes, embedded newlines, doubled quotes) and out
// (RFC 4180), and columns looked up by header name, never by position.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// One record of a CSV file.
struct CsvRow {
    int line = 0;  // where the record starts (1-based)
    std::vector<std::string> fields;
};

// Parses CSV bytes, skipping a UTF-8 BOM and blank lines. Throws an invalid Error
// at `path:line` when a quote is never closed or stray.
std::vector<CsvRow> parse_csv(std::string_view bytes, const std::string& path);

// Quotes a field when it holds a comma, a quote, a line break or edge blanks (RFC 4180).
std::string csv_field(std::string_view text);

// Renders one record: quoted fields joined by ',', ended by CRLF.
std::string csv_line(const std::vector<std::string>& fields);

// The columns of a header row, found by name (ignoring case and edge blanks).
class CsvColumns {
public:
    explicit CsvColumns(const CsvRow& header);
    // Returns true when the header has this column.
    bool has(std::string_view name) const;
    // Returns the trimmed field under `name` in `row`, or "" when there is no such column or cell.
    std::string get(const CsvRow& row, std::string_view name) const;
    // Returns the fields of the columns "<prefix> N - <suffix>" (N = 1, 2, ...) in order, e.g.
    // ("E-mail", "Value") reads "E-mail 1 - Value", "E-mail 2 - Value"; empty ones left out.
    std::vector<std::string> numbered(const CsvRow& row, std::string_view prefix, std::string_view suffix) const;

private:
    std::vector<std::string> names_;  // folded to lower case
};

}  // namespace kith
