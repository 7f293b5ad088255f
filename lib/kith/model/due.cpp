#include "kith/model/due.hpp"

#include <algorithm>

namespace kith {
namespace {

bool selected(const Contact& contact, const Config& config, const DueQuery& query) {
    if (contact.archived) return false;
    const std::string& tier = tier_of(contact, config);
    if (!query.tiers.empty() && std::find(query.tiers.begin(), query.tiers.end(), tier) == query.tiers.end())
        return false;
    if (query.tags.empty()) return true;
    return std::any_of(contact.tags.begin(), contact.tags.end(), [&](const std::string& tag) {
        return std::find(query.tags.begin(), query.tags.end(), tag) != query.tags.end();
    });
}

// The last day an item may fall on to be listed today.
Day horizon(const DueQuery& query) { return query.within ? add_duration(query.today, *query.within) : query.today; }

// Yearly days show from the tier's notice (or the --within window, when longer) until the day.
Day yearly_horizon(const DueQuery& query, const Tier* tier) {
    const Day notice = tier && tier->notice ? add_duration(query.today, *tier->notice) : query.today;
    return std::max(notice, horizon(query));
}

void add_yearly(std::vector<DueItem>& items, const DueItem& base, const DueQuery& query, const Tier* tier,
                DueKind what, const MonthDay& when, std::string detail) {
    const Day next = next_yearly(when, query.today);
    if (next > yearly_horizon(query, tier)) return;
    DueItem item = base;
    item.what = what;
    item.due = next;
    item.overdue = days_between(next, query.today);
    item.detail = std::move(detail);
    items.push_back(std::move(item));
}

std::string birthday_detail(const MonthDay& birthday, Day next) {
    if (!birthday.year) return "birthday";
    const int age = static_cast<int>(date::year_month_day{next}.year()) - *birthday.year;
    return age > 0 ? "turns " + std::to_string(age) : "birthday";
}

void collect(std::vector<DueItem>& items, const Contact& contact, const Config& config, const DueQuery& query) {
    DueItem base;
    base.contact = &contact;
    base.tier = tier_of(contact, config);
    base.status = contact_status(contact, config, query.today);
    const Tier* tier = config.find_tier(base.tier);

    if (base.status.due_on <= horizon(query)) {
        DueItem item = base;
        item.due = base.status.due_on;
        item.overdue = base.status.overdue;
        item.detail = describe_last(base.status);
        items.push_back(std::move(item));
    }
    for (const auto& followup : contact.followups) {
        if (followup.done || followup.due > horizon(query)) continue;
        DueItem item = base;
        item.what = DueKind::followup;
        item.due = followup.due;
        item.overdue = days_between(followup.due, query.today);
        item.detail = followup.what;
        items.push_back(std::move(item));
    }
    if (contact.birthday) {
        const Day next = next_yearly(*contact.birthday, query.today);
        add_yearly(items, base, query, tier, DueKind::birthday, *contact.birthday,
                   birthday_detail(*contact.birthday, next));
    }
    for (const auto& yearly : contact.dates) add_yearly(items, base, query, tier, DueKind::date, yearly.date, yearly.what);
}

}  // namespace

const char* to_string(DueKind kind) {
    switch (kind) {
        case DueKind::contact: return "contact";
        case DueKind::followup: return "followup";
        case DueKind::birthday: return "birthday";
        case DueKind::date: return "date";
    }
    return "contact";
}

std::string describe_last(const ContactStatus& status) {
    if (!status.last_entry) return "no contact yet";
    const LogEntry& entry = *status.last_entry;
    std::string out = (entry.kind.empty() ? std::string("contact") : entry.kind) + " " + format_day(entry.date);
    if (!entry.note.empty()) out += ": " + entry.note;
    return out;
}

std::vector<DueItem> due_items(const std::vector<Contact>& contacts, const Config& config, const DueQuery& query) {
    std::vector<DueItem> items;
    for (const auto& contact : contacts)
        if (selected(contact, config, query)) collect(items, contact, config, query);
    std::sort(items.begin(), items.end(), [&](const DueItem& a, const DueItem& b) {
        if (a.due != b.due) return a.due < b.due;
        const size_t ra = config.rank(a.tier), rb = config.rank(b.tier);
        if (ra != rb) return ra < rb;
        if (a.contact->slug != b.contact->slug) return a.contact->slug < b.contact->slug;
        if (a.what != b.what) return a.what < b.what;
        return a.detail < b.detail;
    });
    if (query.limit > 0 && items.size() > query.limit) items.resize(query.limit);
    return items;
}

}  // namespace kith
