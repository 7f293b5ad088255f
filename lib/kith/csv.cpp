#include "kith/csv.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>

#include "kith/error.hpp"
#include "kith/interchange.hpp"
#include "kith/text.hpp"
#include "kith/vcard.hpp"

namespace kith {
namespace {

// What libcsv's callbacks fill: fields of the record in progress, and where it began.
struct Collector {
    std::vector<CsvRow> rows;
    CsvRow current;
    int line = 0;        // the physical line being fed
    int row_start = 0;   // first line of the record in progress, 0 between records
};

void on_field(void* text, size_t length, void* data) {
    auto& c = *static_cast<Collector*>(data);
    if (c.row_start == 0) c.row_start = c.line;
    c.current.fields.emplace_back(static_cast<const char*>(text), length);
}

void on_row(int, void* data) {
    auto& c = *static_cast<Collector*>(data);
    c.current.line = c.row_start == 0 ? c.line : c.row_start;
    c.rows.push_back(std::move(c.current));
    c.current = CsvRow{};
    c.row_start = 0;
}

std::string lower(std::string_view text) {
    std::string out = trim_blanks(text);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view input, const std::string& path) {
    const std::string utf8 = utf16_to_utf8(input);
    std::string_view bytes = utf8;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    const std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
    Collector c;
    // Fed a line at a time, so that each record knows the line it started on.
    size_t pos = 0;
    while (pos < bytes.size()) {
        const size_t end = std::min(bytes.find('\n', pos), bytes.size() - 1);
        const std::string_view piece = bytes.substr(pos, end - pos + 1);
        ++c.line;
        if (c.row_start == 0 && piece.find_first_not_of(" \t\r\n") != std::string_view::npos) c.row_start = c.line;
        if (csv_parse(&parser, piece.data(), piece.size(), on_field, on_row, &c) != piece.size())
            fail_at(path, c.row_start ? c.row_start : c.line, 0,
                    std::string("malformed csv: ") + csv_strerror(csv_error(&parser)) + " (a stray or unclosed '\"'?)");
        pos = end + 1;
    }
    if (csv_fini(&parser, on_field, on_row, &c) != 0)
        fail_at(path, c.row_start ? c.row_start : c.line, 0, "malformed csv: a quoted field is never closed");
    return std::move(c.rows);
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

CsvColumns::CsvColumns(const CsvRow& header) {
    for (const auto& name : header.fields) names_.push_back(lower(name));
}

bool CsvColumns::has(std::string_view name) const {
    return std::find(names_.begin(), names_.end(), lower(name)) != names_.end();
}

std::string CsvColumns::get(const CsvRow& row, std::string_view name) const {
    const auto it = std::find(names_.begin(), names_.end(), lower(name));
    if (it == names_.end()) return "";
    const auto index = static_cast<size_t>(it - names_.begin());
    if (index >= row.fields.size()) return "";
    // Exports that are not UTF-8 were most likely written in Windows-1252.
    const std::string& field = row.fields[index];
    return trim_blanks(find_invalid_utf8(field) ? latin1_to_utf8(field) : field);
}

std::vector<std::string> CsvColumns::numbered(const CsvRow& row, std::string_view prefix, std::string_view suffix) const {
    std::vector<std::string> values;
    for (int n = 1; n < 100; ++n) {
        const std::string name = std::string(prefix) + " " + std::to_string(n) + " - " + std::string(suffix);
        if (!has(name)) break;
        if (std::string value = get(row, name); !value.empty()) values.push_back(std::move(value));
    }
    return values;
}

}  // namespace kith
