#pragma once
// CSV in (through Debian's libcsv: quotes, embedded newlines, doubled quotes) and out
// (RFC 4180), and columns looked up by header name, never by position.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kith/interchange/import_input.hpp"

namespace kith {

// One record of a CSV file.
struct CsvRow {
    int line = 0;  // where the record starts (1-based)
    std::vector<std::string> fields;
};

// Reads CSV a line at a time (as InputLines splits them, every line end ending a record, and
// a line break inside a quoted field kept as written), handing each record to `on_row` as it
// ends; blank lines are skipped. Throws an invalid Error at `path:line` when a quote is never
// closed or stray, or a record runs over import_max_record_bytes.
class CsvReader {
public:
    CsvReader(std::string path, std::function<void(CsvRow&)> on_row);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;
    // Reads one line.
    void feed(const InputLine& line);
    // Ends the input: the last record is handed on, or a quote left open refused.
    void finish();

    struct State;  // libcsv's parser and the record in progress

private:
    std::unique_ptr<State> state_;
};

// Parses CSV bytes, skipping a BOM and blank lines, as CsvReader does.
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
    // Returns the number of columns.
    size_t size() const { return count_; }
    // Returns the trimmed field under `name` in `row`, as UTF-8 (bytes that are not read as
    // Windows-1252), or "" when there is no such column or cell.
    std::string get(const CsvRow& row, std::string_view name) const;
    // Returns the fields of the columns "<prefix> N - <suffix>" (N = 1, 2, ...) in order, e.g.
    // ("E-mail", "Value") reads "E-mail 1 - Value", "E-mail 2 - Value"; empty ones left out.
    std::vector<std::string> numbered(const CsvRow& row, std::string_view prefix, std::string_view suffix) const;
    // Returns the name of column N (1-based) "<prefix> N - <suffix>", or "" when the header has none.
    std::string numbered_name(std::string_view prefix, int n, std::string_view suffix) const;

private:
    std::unordered_map<std::string, size_t> columns_;  // name folded to lower case -> its first column
    size_t count_ = 0;
};

}  // namespace kith
