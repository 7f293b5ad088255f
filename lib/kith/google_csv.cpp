#include "kith/google_csv.hpp"

#include <fmt/format.h>

namespace kith {
namespace {

// Splits Google's multi-values: "a ::: b".
std::vector<std::string> split_multi(const std::string& value) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t sep = value.find(":::", start);
        add_unique(parts, trim_blanks(std::string_view(value).substr(start, sep == std::string::npos ? sep : sep - start)));
        if (sep == std::string::npos) return parts;
        start = sep + 3;
    }
}

std::vector<std::string> all_multi(const std::vector<std::string>& cells) {
    std::vector<std::string> values;
    for (const auto& cell : cells)
        for (const auto& v : split_multi(cell)) add_unique(values, v);
    return values;
}

std::string join_words(std::initializer_list<std::string> parts, std::string_view separator = " ") {
    std::string out;
    for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : std::string(separator)) + p;
    return out;
}

// Labels ("Group Membership" in the legacy export): "* myContacts" and "* starred" are Google's own.
std::vector<std::string> tags_from_labels(const std::string& labels) {
    std::vector<std::string> tags;
    for (auto label : split_multi(labels)) {
        if (label.rfind("* ", 0) == 0) {
            label.erase(0, 2);
            if (label == "myContacts" || label == "starred") continue;
        }
        add_unique(tags, label);
    }
    return tags;
}

// An event's label as a `dates` item's what: "Anniversary" reads "anniversary".
std::string fold_label(std::string label) {
    if (label.rfind("* ", 0) == 0) label.erase(0, 2);
    for (char& ch : label)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return label.empty() ? "date" : label;
}

}  // namespace

// --- Google CSV -> contact: the one place that maps its columns to fields -------------
Contact contact_from_google_row(const CsvColumns& col, const CsvRow& row, const std::string& path,
                                std::vector<Error>& errors) {
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
    if (const auto addresses = all_multi(col.numbered(row, "Address", "Formatted")); !addresses.empty()) {
        c.address = addresses.front();
        for (size_t nl; (nl = c.address.find('\n')) != std::string::npos;) c.address.replace(nl, 1, ", ");
    }
    c.notes = get("Notes");
    if (const std::string birthday = get("Birthday"); !birthday.empty()) {
        c.birthday = parse_export_date(birthday);
        if (!c.birthday)
            errors.emplace_back(ErrorKind::invalid, fmt::format("birthday '{}' is not a date; left out", birthday),
                                Location{path, row.line, 0});
    }
    const auto event_labels = col.numbered(row, "Event", legacy ? "Type" : "Label");
    const auto event_dates = col.numbered(row, "Event", "Value");
    for (size_t i = 0; i < event_dates.size(); ++i)
        if (const auto md = parse_export_date(event_dates[i]))
            c.dates.push_back({*md, i < event_labels.size() ? fold_label(event_labels[i]) : "date"});
    if (c.name.empty()) c.name = c.org;
    if (c.name.empty() && !c.email.empty()) c.name = c.email.front();
    if (c.name.empty()) throw Error(ErrorKind::invalid, "row has no name, organisation or email; skipped", Location{path, row.line, 0});
    return c;
}

ImportBatch read_google_csv(std::string_view bytes, const std::string& path) {
    auto rows = parse_csv(bytes, path);
    ImportBatch batch;
    if (rows.empty()) return batch;
    const CsvColumns columns(rows.front());
    if (!columns.has("First Name") && !columns.has("Given Name") && !columns.has("Name"))
        fail_at(path, rows.front().line, 0, "not a Google Contacts export: no 'First Name' or 'Given Name' column");
    for (size_t i = 1; i < rows.size(); ++i) {
        try {
            batch.records.push_back({contact_from_google_row(columns, rows[i], path, batch.errors), rows[i].line});
        } catch (const Error& e) {
            batch.errors.push_back(e);
        }
        rows[i] = CsvRow{};  // its cells are let go as soon as it is read
    }
    return batch;
}

}  // namespace kith
