#include "kith/interchange/linkedin_csv.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace kith {
namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    if (text.empty() || text.size() > 4) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<unsigned> month_of(std::string_view name) {
    static const std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3) return std::nullopt;
    std::string lower(name.substr(0, 3));
    for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (unsigned i = 0; i < months.size(); ++i)
        if (months[i] == lower) return i + 1;
    return std::nullopt;
}

bool is_header(const CsvRow& row) {
    const CsvColumns columns(row);
    return columns.has("First Name") && columns.has("Last Name") && columns.has("Connected On");
}

// The older export's "1/8/18, 6:14 PM" or "1/8/2018": month/day/year, any time after a comma left out.
std::optional<Day> parse_us_day(std::string_view text) {
    text = text.substr(0, text.find(','));
    const size_t first = text.find('/');
    const size_t second = first == std::string_view::npos ? first : text.find('/', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    const auto month = number(text.substr(0, first));
    const auto day = number(text.substr(first + 1, second - first - 1));
    const std::string_view year_text = text.substr(second + 1);
    auto year = number(year_text);
    if (!day || !month || !year || (year_text.size() != 2 && year_text.size() != 4)) return std::nullopt;
    if (year_text.size() == 2) *year += 2000;  // LinkedIn started in 2003
    const date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                                   date::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

}  // namespace

std::optional<Day> parse_connected_on(std::string_view text) {
    const std::string trimmed = trim_blanks(text);
    if (auto iso = parse_iso_day(trimmed)) return iso;
    if (trimmed.find('/') != std::string::npos) return parse_us_day(trimmed);
    const char separator = trimmed.find('-') != std::string::npos ? '-' : ' ';
    const size_t first = trimmed.find(separator);
    const size_t second = first == std::string::npos ? first : trimmed.find(separator, first + 1);
    if (second == std::string::npos) return std::nullopt;
    const auto day = number(std::string_view(trimmed).substr(0, first));
    const auto month = month_of(std::string_view(trimmed).substr(first + 1, second - first - 1));
    const std::string_view year_text = std::string_view(trimmed).substr(second + 1);
    auto year = number(year_text);
    if (!day || !month || !year || (year_text.size() != 2 && year_text.size() != 4)) return std::nullopt;
    if (year_text.size() == 2) *year += 2000;  // LinkedIn started in 2003
    const date::year_month_day ymd{date::year{*year}, date::month{*month}, date::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) return std::nullopt;
    return Day{ymd};
}

// --- LinkedIn CSV -> contact: the one place that maps its columns to fields -----------
Contact contact_from_linkedin_row(const CsvColumns& col, const CsvRow& row, const std::string& path,
                                  std::vector<Error>& warnings) {
    Contact c;
    const std::string first = col.get(row, "First Name"), last = col.get(row, "Last Name");
    c.name = first.empty() || last.empty() ? first + last : first + " " + last;
    if (c.name.empty()) throw Error(ErrorKind::invalid, "connection has no name; skipped", Location{path, row.line, 0});
    add_unique(c.email, col.get(row, "Email Address"));
    add_unique(c.url, col.get(row, "URL"));
    c.org = col.get(row, "Company");
    c.title = col.get(row, "Position");
    if (const std::string on = col.get(row, "Connected On"); !on.empty()) {
        // The day of the connection is how you met, not when the relationship is due from.
        if (const auto day = parse_connected_on(on)) c.met = "LinkedIn, connected " + format_day(*day);
        else
            warnings.emplace_back(ErrorKind::invalid, fmt::format("'Connected On' date '{}' is not a date; left out", on),
                                Location{path, row.line, 0});
    }
    return c;
}

void read_linkedin_csv(const ReadChunk& read, const std::string& path, ImportBatch& batch) {
    std::optional<CsvColumns> columns;
    size_t rows = 0;
    CsvReader reader(path, [&](CsvRow& row) {
        if (!columns) {
            if (!is_header(row))
                fail_at(path, row.line, 0, "not a LinkedIn Connections.csv: no 'First Name,...,Connected On' header");
            columns.emplace(row);
            return;
        }
        ++rows;
        Contact contact;
        try {
            contact = contact_from_linkedin_row(*columns, row, path, batch.warnings);
        } catch (const Error& e) {
            batch.errors.push_back(e);
            return;
        }
        size_t bytes = 0;
        for (const auto& field : row.fields) bytes += field.size();
        batch.add({std::move(contact), row.line, {}}, bytes, path);  // past a cap, the whole import stops
    });
    // The preamble ("Notes:" and a paragraph) is not CSV-shaped: the header line is found first.
    InputLines lines(read, import_max_record_bytes, path);
    bool header = false;
    for (InputLine line; lines.next(line);) {
        header = header || (line.text.find("First Name") != std::string::npos &&
                            line.text.find("Connected On") != std::string::npos);
        if (header) reader.feed(line);
    }
    if (!header)
        fail_at(path, 0, 0, "not a LinkedIn Connections.csv: no 'First Name,...,Connected On' header; " +
                                lines.describe("linkedin") + "; nothing was imported");
    reader.finish();
    if (rows == 0) fail_at(path, 0, 0, "holds no connection, only the header line; nothing was imported");
}

ImportBatch read_linkedin_csv(std::string_view bytes, const std::string& path) {
    ImportBatch batch;
    read_linkedin_csv(whole_input(bytes), path, batch);
    return batch;
}

}  // namespace kith
