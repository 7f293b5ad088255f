#include "kith/views/tier_view.hpp"

#include "kith/model/status.hpp"

namespace kith {

Table tier_summary(const std::vector<Contact>& contacts, const Config& config, Day today) {
    std::vector<size_t> members(config.tiers.size()), due(config.tiers.size());
    for (const auto& contact : contacts) {
        if (contact.archived) continue;
        const size_t rank = config.rank(tier_of(contact, config));
        if (rank >= config.tiers.size()) continue;
        ++members[rank];
        if (contact_status(contact, config, today).is_due()) ++due[rank];
    }
    Table table;
    table.columns = {{"tier", "TIER"}, {"cadence", "CADENCE"}, {"members", "MEMBERS", true}, {"due", "DUE", true}};
    for (size_t i = 0; i < config.tiers.size(); ++i) {
        table.add({config.tiers[i].name, config.tiers[i].cadence.text(), std::to_string(members[i]), std::to_string(due[i])},
                  due[i] > 0 ? Tone::alert : Tone::plain);
    }
    return table;
}

Table person_tier_table(const Contact& contact, const Config& config) {
    Table table;
    table.columns = {{.key = "slug", .heading = "SLUG", .shrink = true},
                     {.key = "name", .heading = "NAME", .shrink = true, .name = true},
                     {"tier", "TIER"}, {"cadence", "CADENCE"}};
    table.add({contact.slug, contact.name, tier_of(contact, config), cadence_of(contact, config).text()});
    return table;
}

}  // namespace kith
