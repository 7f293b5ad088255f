#include "kith/export.hpp"

#include <nlohmann/json.hpp>

#include <functional>

#include "kith/csv.hpp"
#include "kith/due.hpp"
#include "kith/fields.hpp"
#include "kith/ics.hpp"
#include "kith/vcard_contact.hpp"

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

}  // namespace

std::string render_vcards(const std::vector<Contact>& contacts, int version) {
    std::string out;
    for (const auto& c : contacts) out += render_vcard(c, version);
    return out;
}

std::string vcard_file_name(const Contact& contact) { return contact.slug + ".vcf"; }

std::string render_contacts_csv(const std::vector<Contact>& contacts) {
    std::vector<std::string> fields;
    for (const auto& column : csv_columns()) fields.emplace_back(column.header);
    std::string out = csv_line(fields);
    for (const auto& c : contacts) {
        fields.clear();
        for (const auto& column : csv_columns()) fields.push_back(column.value(c));
        out += csv_line(fields);
    }
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

}  // namespace kith
