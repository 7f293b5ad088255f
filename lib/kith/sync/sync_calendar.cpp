#include "kith/sync/sync_calendar.hpp"

#include <algorithm>
#include <set>

#include "kith/sync/sync_mail_address.hpp"

namespace kith {

CalendarPlanner::CalendarPlanner(const std::vector<Contact>& people, CalendarRules rules)
    : people_(people), rules_(std::move(rules)), by_address_(people_by_address(people)) {
    for (const std::string& address : rules_.my_addresses)
        if (std::string key = address_key(address); !key.empty()) mine_.push_back(std::move(key));
}

void CalendarPlanner::add(const EventInstance& instance) {
    if (instance.day < rules_.since || instance.day > rules_.until || instance.cancelled || instance.free_time) return;
    std::set<size_t> gone;
    for (const std::string& address : instance.declined) {
        const std::string key = address_key(address);
        if (std::find(mine_.begin(), mine_.end(), key) != mine_.end()) return;  // you declined: no meeting for you
        if (const auto found = by_address_.find(key); found != by_address_.end()) gone.insert(found->second.begin(), found->second.end());
    }
    const std::string note = rules_.summaries ? one_line_note(instance.summary) : "";
    const int day = instance.day.time_since_epoch().count();
    for (const std::string& address : instance.present) {
        const auto found = by_address_.find(address_key(address));
        if (found == by_address_.end()) continue;
        for (size_t who : found->second) {
            if (gone.count(who)) continue;
            const auto [at, fresh] = chosen_.try_emplace({who, day, instance.event}, instance.order, note);
            if (!fresh) at->second = std::min(at->second, std::pair{instance.order, note});
        }
    }
}

std::vector<SyncEntry> CalendarPlanner::entries() const {
    std::vector<SyncEntry> out;
    std::set<std::tuple<std::string, int, std::string>> seen;  // one entry per person, day and note
    for (const auto& [key, chosen] : chosen_) {
        const Contact& person = people_[std::get<0>(key)];
        LogEntry entry{Day{date::days{std::get<1>(key)}}, "meeting", chosen.second, "", 0};
        if (already_logged(person.log, entry) || !seen.insert({person.slug, std::get<1>(key), entry.note}).second) continue;
        out.push_back({person.slug, person.path, person.name, std::move(entry)});
    }
    std::sort(out.begin(), out.end(), [](const SyncEntry& a, const SyncEntry& b) {
        return std::tie(a.slug, a.entry.date, a.entry.note) < std::tie(b.slug, b.entry.date, b.entry.note);
    });
    return out;
}

}  // namespace kith
