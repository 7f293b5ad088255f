#include "kith/query/find.hpp"

#include <algorithm>

#include "kith/model/fields.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

// The searched fields of a contact (the field table says which), in table order; the log
// newest first, by its notes.
std::vector<std::pair<std::string, std::string>> fields_of(const Contact& c) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& f : contact_fields()) {
        if (!f.searched) continue;
        if (f.log) {
            for (auto it = (c.*f.log).rbegin(); it != (c.*f.log).rend(); ++it)
                if (!it->note.empty()) fields.emplace_back(std::string(f.key) + " " + format_day(it->date), it->note);
            continue;
        }
        for (auto& value : field_texts(f, c)) fields.emplace_back(f.key, std::move(value));
    }
    return fields;
}

}  // namespace

std::vector<FindMatch> find_people(const std::vector<Contact>& contacts, const std::string& text) {
    const std::string needle = fold(text);
    std::vector<FindMatch> matches;
    for (const auto& contact : contacts) {
        for (const auto& [field, value] : fields_of(contact)) {
            if (value.empty() || fold(value).find(needle) == std::string::npos) continue;
            matches.push_back({contact.slug, contact.name, field, value});
            break;
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const FindMatch& a, const FindMatch& b) { return a.slug < b.slug; });
    return matches;
}

Table find_table(const std::vector<FindMatch>& matches) {
    Table table;
    table.columns = {{.key = "slug", .heading = "SLUG", .shrink = true},
                     {.key = "name", .heading = "NAME", .shrink = true, .name = true},
                     {"field", "FIELD"}, {"match", "MATCH", false, true}};
    for (const auto& m : matches) table.add({m.slug, m.name, m.field, m.text});
    return table;
}

}  // namespace kith
