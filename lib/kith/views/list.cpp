#include "kith/views/list.hpp"

#include <algorithm>

#include "kith/model/status.hpp"
#include "kith/base/text.hpp"

namespace kith {

bool matches(const Contact& contact, const Config& config, const ListQuery& query) {
    if (contact.archived != query.archived) return false;
    const std::string& tier = tier_of(contact, config);
    if (!query.tiers.empty() && std::find(query.tiers.begin(), query.tiers.end(), tier) == query.tiers.end())
        return false;
    if (!query.tags.empty() && std::none_of(contact.tags.begin(), contact.tags.end(), [&](const std::string& tag) {
            return std::find(query.tags.begin(), query.tags.end(), tag) != query.tags.end();
        }))
        return false;
    return query.org.empty() || contains_folded(contact.org, query.org);
}

Table list_table(const std::vector<Contact>& contacts, const Config& config, const ListQuery& query, Day today) {
    std::vector<const Contact*> chosen;
    for (const auto& contact : contacts)
        if (matches(contact, config, query)) chosen.push_back(&contact);
    std::sort(chosen.begin(), chosen.end(), [&](const Contact* a, const Contact* b) {
        const size_t ra = config.rank(tier_of(*a, config)), rb = config.rank(tier_of(*b, config));
        return ra != rb ? ra < rb : a->slug < b->slug;
    });
    Table table;
    table.columns = {{.key = "slug", .heading = "SLUG", .shrink = true},
                     {.key = "name", .heading = "NAME", .shrink = true, .name = true}, {"tier", "TIER"},
                     {"cadence", "CADENCE"}, {"last", "LAST"}, {"due", "DUE"}};
    for (const Contact* c : chosen) {
        const ContactStatus status = contact_status(*c, config, today);
        const std::string due = c->archived ? "" : format_day(status.due_on);
        table.add({c->slug, c->name, tier_of(*c, config), cadence_of(*c, config).text(),
                   status.last_contact ? format_day(*status.last_contact) : "", due},
                  !c->archived && status.is_due() ? Tone::alert : Tone::plain);
    }
    return table;
}

}  // namespace kith
