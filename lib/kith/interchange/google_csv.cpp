#include "kith/interchange/google_csv.hpp"

#include <fmt/format.h>

#include <optional>

#include "kith/base/text.hpp"

namespace kith {
namespace {

// Splits Google's multi-values: "a ::: b".
std::vector<std::string> split_multi(const std::string& value) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t sep = value.find(":::", start);
        parts.push_back(trim_blanks(std::string_view(value).substr(start, sep == std::string::npos ? sep : sep - start)));
        if (sep == std::string::npos) break;
        start = sep + 3;
    }
    drop_repeats(parts);
    return parts;
}

std::vector<std::string> all_multi(const std::vector<std::string>& cells) {
    std::vector<std::string> values;
    for (const auto& cell : cells)
        for (auto& v : split_multi(cell)) values.push_back(std::move(v));
    drop_repeats(values);
    return values;
}

std::string join_words(std::initializer_list<std::string> parts, std::string_view separator = " ") {
    std::string out;
    for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : std::string(separator)) + p;
    return out;
}

// Labels ("Group Membership" in the legacy export): Google's system groups are no tags.
std::vector<std::string> tags_from_labels(const std::string& labels) {
    std::vector<std::string> tags;
    for (auto label : split_multi(labels)) {
        if (label.rfind("* ", 0) == 0) label.erase(0, 2);
        if (is_google_system_group(label)) continue;
        tags.push_back(std::move(label));
    }
    drop_repeats(tags);
    return tags;
}

// An event's label as a `dates` item's what: "Anniversary" reads "anniversary".
std::string fold_label(std::string label) {
    if (label.rfind("* ", 0) == 0) label.erase(0, 2);
    for (char& ch : label)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return label.empty() ? "date" : label;
}

// The events of a row ("Event N - Value", labelled by "Event N - Label", or "- Type" in the
// legacy export) as dates; a value that is no date is an error, and left out.
void read_events(const CsvColumns& col, const CsvRow& row, bool legacy, const std::string& path, Contact& c,
                 ImportBatch& notes) {
    for (int n = 1;; ++n) {
        const std::string column = col.numbered_name("Event", n, "Value");
        if (column.empty()) return;
        const std::string value = col.get(row, column);
        if (value.empty()) continue;
        const std::string label = col.get(row, fmt::format("Event {} - {}", n, legacy ? "Type" : "Label"));
        if (const auto md = parse_export_date(value)) c.dates.push_back({*md, fold_label(label)});
        else notes.warnings.emplace_back(ErrorKind::invalid, fmt::format("'{}' '{}' is not a date; left out", column, value),
                                       Location{path, row.line, 0});
    }
}

// Warns of the cells a contact has no room for: addresses after the first, cells past the header.
void warn_left_out(const CsvColumns& col, const CsvRow& row, const std::vector<std::string>& addresses,
                   const std::string& path, ImportBatch& notes) {
    const auto warn = [&](std::string message) {
        notes.warnings.emplace_back(ErrorKind::invalid, std::move(message), Location{path, row.line, 0});
    };
    if (addresses.size() > 1)
        warn(fmt::format("{} address{} after the first left out ('{}'): a contact keeps one address", addresses.size() - 1,
                         addresses.size() == 2 ? "" : "es", addresses[1]));
    size_t extra = 0;
    for (size_t i = col.size(); i < row.fields.size(); ++i)
        if (!trim_blanks(row.fields[i]).empty()) ++extra;
    if (extra > 0)
        warn(fmt::format("{} cell{} past the header's {} columns left out", extra, extra == 1 ? "" : "s", col.size()));
}

}  // namespace

bool is_google_system_group(const std::string& label) {
    const std::string folded = fold(label);
    return folded == "mycontacts" || folded == "my contacts" || folded == "starred";
}

// --- Google CSV -> contact: the one place that maps its columns to fields -------------
Contact contact_from_google_row(const CsvColumns& col, const CsvRow& row, const std::string& path, ImportBatch& notes) {
    const auto get = [&](std::string_view name) { return col.get(row, name); };
    const bool legacy = col.has("Given Name");
    Contact c;
    if (legacy) {
        c.name = get("Name");
        if (c.name.empty())
            c.name = join_words({get("Name Prefix"), get("Given Name"), get("Additional Name"), get("Family Name"), get("Name Suffix")});
        c.org = join_words({get("Organization 1 - Name"), get("Organization 1 - Department")}, ", ");
        c.title = get("Organization 1 - Title");
        c.tags = tags_from_labels(get("Group Membership"));
    } else {
        c.name = join_words({get("Name Prefix"), get("First Name"), get("Middle Name"), get("Last Name"), get("Name Suffix")});
        if (c.name.empty()) c.name = get("File As");
        c.org = join_words({get("Organization Name"), get("Organization Department")}, ", ");
        c.title = get("Organization Title");
        c.tags = tags_from_labels(get("Labels"));
    }
    c.aka = split_multi(get("Nickname"));
    c.email = all_multi(col.numbered(row, "E-mail", "Value"));
    c.phone = all_multi(col.numbered(row, "Phone", "Value"));
    c.url = all_multi(col.numbered(row, "Website", "Value"));
    const auto addresses = all_multi(col.numbered(row, "Address", "Formatted"));
    if (!addresses.empty()) {
        c.address = addresses.front();
        for (size_t nl; (nl = c.address.find('\n')) != std::string::npos;) c.address.replace(nl, 1, ", ");
    }
    c.notes = get("Notes");
    if (const std::string birthday = get("Birthday"); !birthday.empty()) {
        c.birthday = parse_export_date(birthday);
        if (!c.birthday)
            notes.warnings.emplace_back(ErrorKind::invalid, fmt::format("birthday '{}' is not a date; left out", birthday),
                                      Location{path, row.line, 0});
    }
    read_events(col, row, legacy, path, c, notes);
    if (c.name.empty()) c.name = c.org;
    if (c.name.empty() && !c.email.empty()) c.name = c.email.front();
    if (c.name.empty()) throw Error(ErrorKind::invalid, "row has no name, organisation or email; skipped", Location{path, row.line, 0});
    warn_left_out(col, row, addresses, path, notes);
    return c;
}

void read_google_csv(const ReadChunk& read, const std::string& path, ImportBatch& batch) {
    std::optional<CsvColumns> columns;
    bool google = false;  // the header is Google's
    size_t rows = 0;
    CsvReader reader(path, [&](CsvRow& row) {
        if (!columns) {
            columns.emplace(row);
            google = columns->has("First Name") || columns->has("Given Name") || columns->has("Name");
            if (!google) fail_at(path, row.line, 0, "not a Google Contacts export: no 'First Name' or 'Given Name' column");
            return;
        }
        ++rows;
        Contact contact;
        try {
            contact = contact_from_google_row(*columns, row, path, batch);
        } catch (const Error& e) {
            batch.errors.push_back(e);
            return;
        }
        size_t bytes = 0;
        for (const auto& field : row.fields) bytes += field.size();
        batch.add({std::move(contact), row.line, {}}, bytes, path);  // past a cap, the whole import stops
    });
    InputLines lines(read, import_max_record_bytes, path);
    try {
        for (InputLine line; lines.next(line);) reader.feed(line);
        reader.finish();
    } catch (const Error& e) {  // not CSV, or not Google's: say what it is
        if (google) throw;
        throw Error(e.kind(), e.message() + "; " + lines.describe("google"), e.where());
    }
    if (!columns) fail_at(path, 0, 0, "holds no Google Contacts header: " + lines.describe("google") + "; nothing was imported");
    if (rows == 0) fail_at(path, 0, 0, "holds no contact, only the header line; nothing was imported");
}

ImportBatch read_google_csv(std::string_view bytes, const std::string& path) {
    ImportBatch batch;
    read_google_csv(whole_input(bytes), path, batch);
    return batch;
}

}  // namespace kith
