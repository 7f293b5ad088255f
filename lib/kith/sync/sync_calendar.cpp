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
    const std::string summary = one_line_note(instance.summary);
    const int day = instance.day.time_since_epoch().count();
    for (const std::string& address : instance.present) {
        const auto found = by_address_.find(address_key(address));
        if (found == by_address_.end()) continue;
        for (size_t who : found->second) {
            if (gone.count(who)) continue;
            const auto [at, fresh] = chosen_.try_emplace({who, day, instance.event}, instance.order, summary);
            if (!fresh) at->second = std::min(at->second, std::pair{instance.order, summary});
        }
    }
}

std::vector<size_t> CalendarPlanner::people_to_read() const {
    std::vector<size_t> who;
    size_t last = people_.size();
    for (const auto& [key, chosen] : chosen_) {  // a person's first key holds their first day
        const size_t person = std::get<0>(key);
        if (person != last && may_hold_contact_from(people_[person].log, Day{date::days{std::get<1>(key)}})) who.push_back(person);
        last = person;
    }
    return who;
}

std::vector<SyncEntry> CalendarPlanner::entries() const {
    std::vector<std::pair<size_t, SyncEntry>> found;  // the person's index, and the entry
    found.reserve(chosen_.size());
    for (const auto& [key, chosen] : chosen_) {
        const Contact& person = people_[std::get<0>(key)];
        const LogEntry match{Day{date::days{std::get<1>(key)}}, "meeting", chosen.second, "", 0};
        LogEntry entry = match;
        if (!rules_.summaries) entry.note.clear();
        found.emplace_back(std::get<0>(key), SyncEntry{person.slug, person.path, person.name, std::move(entry), match});
    }
    const auto key = [&](size_t i) {
        const SyncEntry& e = found[i].second;
        return std::tie(e.slug, e.entry.date, e.entry.note, e.match.note);
    };
    std::vector<size_t> order(found.size());  // sorted as indexes: an entry is nine strings to move
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
    // In that order, as the check under the lock reads them: each against the log and those before it.
    std::vector<SyncEntry> out;
    out.reserve(found.size());
    std::vector<LogEntry> planned;  // the current person's
    for (size_t k = 0; k < order.size(); ++k) {
        auto& [who, e] = found[order[k]];
        if (k > 0 && who != found[order[k - 1]].first) planned.clear();
        if (already_logged(people_[who].log, e.match) || already_logged(planned, e.match)) continue;
        planned.push_back(e.entry);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace kith
