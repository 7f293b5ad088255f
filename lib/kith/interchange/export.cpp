#include "kith/interchange/export.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <ostream>
#include <tuple>

#include "kith/interchange/csv.hpp"
#include "kith/model/due.hpp"
#include "kith/model/fields.hpp"
#include "kith/interchange/ics.hpp"
#include "kith/interchange/vcard_contact.hpp"

namespace kith {
namespace {

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : " ::: ") + v;
    return out;
}

std::string optional_day(const std::optional<Day>& day) { return day ? format_day(*day) : ""; }

struct CsvColumn {
    const char* header;
    std::function<std::string(const Contact&)> value;
};

// --- contact -> CSV: the slug, every field of the table with a CSV column, archived ---
const std::vector<CsvColumn>& csv_columns() {
    static const std::vector<CsvColumn> columns = [] {
        std::vector<CsvColumn> out = {{"slug", [](const Contact& c) { return c.slug; }}};
        for (const auto& f : contact_fields()) {
            if (*f.csv == '\0') continue;
            out.push_back({f.csv, [&f](const Contact& c) { return joined(field_texts(f, c)); }});
        }
        out.push_back({"archived", [](const Contact& c) { return std::string(c.archived ? "true" : "false"); }});
        return out;
    }();
    return columns;
}

nlohmann::json optional_json(const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); }

nlohmann::json contact_json(const Contact& c) {
    nlohmann::json j;
    j["slug"] = c.slug;
    for (const auto& f : contact_fields()) {  // every field of the table; entries below
        if (f.kind == FieldKind::text_list) j[f.key] = c.*f.list;
        else if (f.kind != FieldKind::entries) j[f.key] = optional_json(joined(field_texts(f, c)));
    }
    j["archived"] = c.archived;
    j["dates"] = nlohmann::json::array();
    for (const auto& d : c.dates) j["dates"].push_back({{"date", format_month_day(d.date)}, {"what", d.what}});
    j["followups"] = nlohmann::json::array();
    for (const auto& f : c.followups)
        j["followups"].push_back({{"due", format_day(f.due)}, {"what", f.what}, {"done", optional_json(optional_day(f.done))}});
    j["log"] = nlohmann::json::array();
    for (const auto& e : c.log)
        j["log"].push_back({{"date", format_day(e.date)}, {"kind", e.kind}, {"note", e.note}, {"with", optional_json(e.with)}});
    return j;
}

std::string csv_header() {
    std::vector<std::string> fields;
    for (const auto& column : csv_columns()) fields.emplace_back(column.header);
    return csv_line(fields);
}

// A cell a spreadsheet would take for a formula, or that begins with the quote that marks such
// a cell, gets a leading quote: one leading quote dropped is always the value.
std::string spreadsheet_safe(std::string cell) {
    if (!cell.empty() && std::string_view("=+-@\t\r'").find(cell.front()) != std::string_view::npos) cell.insert(0, 1, '\'');
    return cell;
}

std::string csv_row(const Contact& c) {
    std::vector<std::string> fields;
    for (const auto& column : csv_columns()) fields.push_back(spreadsheet_safe(column.value(c)));
    return csv_line(fields);
}

// One contact as an item of the array render_contacts_json dumps: indented one level deeper.
std::string json_item(const Contact& c) {
    const std::string alone = contact_json(c).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out = "  ";
    for (char ch : alone) {  // a line break is never inside a value: JSON escapes it
        out += ch;
        if (ch == '\n') out += "  ";
    }
    return out;
}

// What due_items and render_ics read of a contact: its last contact that counts (the entry
// contact_status picks), open follow-ups, yearly days, and the fields the items show.
Contact due_digest(const Contact& c, const Config& config, Day today) {
    Contact d = project(c, in_due);
    for (const auto& f : c.followups)
        if (!f.done) d.followups.push_back(f);
    if (const LogEntry* last = contact_status(c, config, today).last_entry) d.log.push_back(*last);
    return d;
}

}  // namespace

std::string render_vcards(const std::vector<Contact>& contacts, int version) {
    std::string out;
    for (const auto& c : contacts) out += render_vcard(c, version);
    return out;
}

std::string vcard_file_name(const Contact& contact) { return contact.slug + ".vcf"; }

std::string render_contacts_csv(const std::vector<Contact>& contacts) {
    std::string out = csv_header();
    for (const auto& c : contacts) out += csv_row(c);
    return out;
}

std::string render_contacts_json(const std::vector<Contact>& contacts) {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& c : contacts) all.push_back(contact_json(c));
    return all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_export_ics(const std::vector<Contact>& contacts, const Config& config, Day today) {
    DueQuery query;
    query.today = today;
    query.within = Duration{1, 'y'};
    return render_ics(due_items(contacts, config, query), today);
}

ExportStream::ExportStream(std::string format, int vcard_version, Config config, Day today)
    : format_(std::move(format)), vcard_version_(vcard_version), config_(std::move(config)), today_(today) {}

std::optional<Error> ExportStream::add(const Contact& contact, std::ostream& out) {
    if (!slugs_.insert(contact.slug).second)
        return Error(ErrorKind::invalid,
                     "the slug '" + contact.slug + "' is also in contacts/, whose file was exported; this one is left out: "
                     "merge the two files into one",
                     Location{contact.path, 0, 0});
    const bool first = count_++ == 0;
    if (format_ == "vcard") out << render_vcard(contact, vcard_version_);
    else if (format_ == "csv") out << (first ? csv_header() : "") << csv_row(contact);
    else if (format_ == "json") out << (first ? "[\n" : ",\n") << json_item(contact);
    if (format_ != "ics" || contact.archived) return std::nullopt;  // the archived are never due
    DueQuery query;
    query.today = today_;
    query.within = Duration{1, 'y'};
    const std::vector<Contact> one = {due_digest(contact, config_, today_)};
    for (const DueItem& item : due_items(one, config_, query))
        calendar_.push_back(CalendarItem{item.due, config_.rank(item.tier), item.contact->slug, static_cast<int>(item.what),
                                         item.detail, render_ics_item(item, today_)});
    return std::nullopt;
}

void ExportStream::finish(std::ostream& out) {
    if (format_ == "csv" && count_ == 0) out << csv_header();
    if (format_ == "json") out << (count_ == 0 ? "[]\n" : "\n]\n");
    if (format_ != "ics") return;
    // The calendar's own lines around the items, sorted as due_items sorts them.
    std::sort(calendar_.begin(), calendar_.end(), [](const CalendarItem& a, const CalendarItem& b) {
        return std::tie(a.due, a.rank, a.slug, a.what, a.detail) < std::tie(b.due, b.rank, b.slug, b.what, b.detail);
    });
    const std::string empty = render_ics({}, today_);
    const size_t end = empty.rfind("END:VCALENDAR");
    out << empty.substr(0, end);
    for (const auto& item : calendar_) out << item.text;
    out << empty.substr(end);
}

}  // namespace kith
