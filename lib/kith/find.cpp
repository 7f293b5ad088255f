#include "kith/find.hpp"

#include <algorithm>

#include "kith/text.hpp"

namespace kith {
namespace {

// The searchable fields of a contact, in the order a match is reported.
std::vector<std::pair<std::string, std::string>> fields_of(const Contact& c) {
    std::vector<std::pair<std::string, std::string>> fields = {{"name", c.name}};
    for (const auto& a : c.aka) fields.emplace_back("aka", a);
    fields.insert(fields.end(), {{"org", c.org}, {"title", c.title}, {"role", c.role}});
    for (const auto& i : c.interests) fields.emplace_back("interests", i);
    for (const auto& t : c.tags) fields.emplace_back("tags", t);
    fields.insert(fields.end(), {{"met", c.met}, {"why", c.why}, {"notes", c.notes}});
    for (auto it = c.log.rbegin(); it != c.log.rend(); ++it)
        if (!it->note.empty()) fields.emplace_back("log " + format_day(it->date), it->note);
    return fields;
}

}  // namespace

std::vector<FindMatch> find_people(const std::vector<Contact>& contacts, const std::string& text) {
    const std::string needle = fold(text);
    std::vector<FindMatch> matches;
    for (const auto& contact : contacts) {
        for (const auto& [field, value] : fields_of(contact)) {
            if (value.empty() || fold(value).find(needle) == std::string::npos) continue;
            matches.push_back({&contact, field, value});
            break;
        }
    }
    std::sort(matches.begin(), matches.end(),
              [](const FindMatch& a, const FindMatch& b) { return a.contact->slug < b.contact->slug; });
    return matches;
}

Table find_table(const std::vector<FindMatch>& matches) {
    Table table;
    table.columns = {{"slug", "SLUG"}, {"name", "NAME", false, true}, {"field", "FIELD"}, {"match", "MATCH", false, true}};
    for (const auto& m : matches) table.add({m.contact->slug, m.contact->name, m.field, m.text});
    return table;
}

}  // namespace kith
