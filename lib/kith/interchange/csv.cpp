#include "kith/interchange/csv.hpp"

#include <csv.h>

#include <fmt/format.h>

#include <algorithm>

#include "kith/base/error.hpp"
#include "kith/interchange/interchange.hpp"
#include "kith/base/text.hpp"

namespace kith {

// What libcsv's callbacks fill: the fields of the record in progress, and where it began.
struct CsvReader::State {
    csv_parser parser{};
    std::string path;
    std::function<void(CsvRow&)> on_row;
    CsvRow current;
    int line = 0;          // the line being fed
    int row_start = 0;     // first line of the record in progress, 0 between records
    size_t row_bytes = 0;  // fed since the record began
};

namespace {

void on_field(void* text, size_t length, void* data) {
    auto& s = *static_cast<CsvReader::State*>(data);
    if (s.row_start == 0) s.row_start = s.line;
    s.current.fields.emplace_back(static_cast<const char*>(text), length);
}

void on_row(int, void* data) {
    auto& s = *static_cast<CsvReader::State*>(data);
    s.current.line = s.row_start == 0 ? s.line : s.row_start;
    s.on_row(s.current);
    s.current = CsvRow{};
    s.row_start = 0;
    s.row_bytes = 0;
}

std::string lower(std::string_view text) {
    std::string out = trim_blanks(text);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

}  // namespace

CsvReader::CsvReader(std::string path, std::function<void(CsvRow&)> rows) : state_(std::make_unique<State>()) {
    state_->path = std::move(path);
    state_->on_row = std::move(rows);
    if (csv_init(&state_->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
}

CsvReader::~CsvReader() { csv_free(&state_->parser); }

void CsvReader::feed(const InputLine& line) {
    State& s = *state_;
    s.line = line.number;
    if (s.row_start == 0 && line.text.find_first_not_of(" \t") != std::string::npos) s.row_start = s.line;
    s.row_bytes += line.length + line.ending.size();
    if (s.row_bytes > import_max_record_bytes)
        fail_at(s.path, s.row_start ? s.row_start : s.line, 0,
                fmt::format("a record runs over more than {} MiB, more than a contact file may hold (is a '\"' never "
                            "closed?); nothing was imported", import_max_record_bytes >> 20));
    const std::string piece = line.text + line.ending;  // libcsv ends a record at a CR or LF; in quotes, they are text
    if (csv_parse(&s.parser, piece.data(), piece.size(), on_field, on_row, &s) != piece.size())
        fail_at(s.path, s.row_start ? s.row_start : s.line, 0,
                std::string("malformed csv: ") + csv_strerror(csv_error(&s.parser)) + " (a stray or unclosed '\"'?)");
}

void CsvReader::finish() {
    State& s = *state_;
    if (csv_fini(&s.parser, on_field, on_row, &s) != 0)
        fail_at(s.path, s.row_start ? s.row_start : s.line, 0, "malformed csv: a quoted field is never closed");
}

std::vector<CsvRow> parse_csv(std::string_view bytes, const std::string& path) {
    std::vector<CsvRow> rows;
    CsvReader reader(path, [&](CsvRow& row) { rows.push_back(std::move(row)); });
    InputLines lines(whole_input(bytes), import_max_record_bytes, path);
    for (InputLine line; lines.next(line);) reader.feed(line);
    reader.finish();
    return rows;
}

std::string csv_field(std::string_view text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' ' || text.front() == '\t'));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"') out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\r\n";
}

CsvColumns::CsvColumns(const CsvRow& header) : count_(header.fields.size()) {
    for (size_t i = 0; i < header.fields.size(); ++i) columns_.emplace(lower(header.fields[i]), i);
}

bool CsvColumns::has(std::string_view name) const { return columns_.count(lower(name)) > 0; }

std::string CsvColumns::get(const CsvRow& row, std::string_view name) const {
    const auto it = columns_.find(lower(name));
    if (it == columns_.end() || it->second >= row.fields.size()) return "";
    return trim_blanks(utf8_or_cp1252(row.fields[it->second]));
}

std::string CsvColumns::numbered_name(std::string_view prefix, int n, std::string_view suffix) const {
    const std::string name = fmt::format("{} {} - {}", prefix, n, suffix);
    return has(name) ? name : "";
}

std::vector<std::string> CsvColumns::numbered(const CsvRow& row, std::string_view prefix, std::string_view suffix) const {
    std::vector<std::string> values;
    for (int n = 1;; ++n) {
        const std::string name = numbered_name(prefix, n, suffix);
        if (name.empty()) break;
        if (std::string value = get(row, name); !value.empty()) values.push_back(std::move(value));
    }
    return values;
}

}  // namespace kith
