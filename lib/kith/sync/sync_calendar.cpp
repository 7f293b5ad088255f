#include "kith/sync/sync_calendar.hpp"

#include <algorithm>
#include <set>

#include "kith/model/interaction.hpp"
#include "kith/sync/sync_mail_address.hpp"

namespace kith {
namespace {

// True when an entry planned for the current person, out[first...] (by day), already records
// `match`: only those of its day can (see logs_same_contact), and they are the last ones.
bool planned_already(const std::vector<SyncEntry>& out, size_t first, const LogEntry& match) {
    for (size_t at = out.size(); at > first && out[at - 1].entry.date == match.date; --at)
        if (logs_same_contact(out[at - 1].entry, match)) return true;
    return false;
}

}  // namespace

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
    const size_t event = events_.try_emplace(instance.event, events_.size()).first->second;
    for (const std::string& address : instance.present) {
        const auto found = by_address_.find(address_key(address));
        if (found == by_address_.end()) continue;
        for (size_t who : found->second) {
            if (gone.count(who)) continue;
            const auto [at, fresh] = chosen_.try_emplace({who, day, event}, instance.order, summary);
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
    using Chosen = decltype(chosen_)::value_type;
    static const std::string none;
    const auto note = [&](const Chosen* c) -> const std::string& { return rules_.summaries ? c->second.second : none; };
    const auto key = [&](const Chosen* c) {
        return std::tie(people_[std::get<0>(c->first)].slug, std::get<1>(c->first), note(c), c->second.second);
    };
    std::vector<const Chosen*> order;  // the plan sorted as pointers, no entry made before it is kept
    order.reserve(chosen_.size());
    for (const Chosen& chosen : chosen_) order.push_back(&chosen);
    std::sort(order.begin(), order.end(), [&](const Chosen* a, const Chosen* b) { return key(a) < key(b); });
    // In that order, as the check under the lock reads them: each against the log and those before it.
    std::vector<SyncEntry> out;
    out.reserve(order.size());
    size_t last = people_.size(), planned = 0;  // the current person's entries are out[planned...]
    for (const Chosen* chosen : order) {
        const size_t who = std::get<0>(chosen->first);
        if (who != last) planned = out.size();
        last = who;
        LogEntry match{Day{date::days{std::get<1>(chosen->first)}}, "meeting", chosen->second.second, "", 0};
        if (already_logged(people_[who].log, match) || planned_already(out, planned, match)) continue;
        LogEntry entry{match.date, match.kind, note(chosen), "", 0};
        const Contact& person = people_[who];
        out.push_back(SyncEntry{person.slug, person.path, person.name, std::move(entry), std::move(match)});
    }
    return out;
}

}  // namespace kith
