#include "kith/interchange/first_due.hpp"

#include <algorithm>
#include <limits>

#include "kith/model/status.hpp"

namespace kith {

// The longest stretch first due days are spread over: a cadence of decades spreads over ten years.
constexpr long longest_spread = 3660;

void FirstDueCalendar::take(long offset) {
    ++due_[offset];
    ++waiting_;
}

void FirstDueCalendar::add(const Contact& contact, const Config& config) {
    if (contact.archived) return;
    const ContactStatus status = contact_status(contact, config, today_);
    if (status.last_contact || (!contact.since && !contact.first_due)) return;  // in touch, or due every day
    if (status.due_on > today_) take(days_between(today_, status.due_on));
}

Day FirstDueCalendar::place(Day start, Duration cadence) {
    const long span = std::clamp(days_between(start, add_duration(start, cadence)), 1L, longest_spread);
    const long first = std::max(1L, days_between(today_, start) + 1), last = first + span - 1;  // offsets from today
    // The people due on each day from first - 12 to last + 6, and the sum of each 7 days ending
    // on first - 6 .. last + 6 (window[i] ends on first - 6 + i).
    std::vector<int> on(static_cast<size_t>(last - first + 19), 0);
    for (auto it = due_.lower_bound(first - 12); it != due_.end() && it->first <= last + 6; ++it)
        on[static_cast<size_t>(it->first - (first - 12))] = it->second;
    const auto count = [&](long at) { return on[static_cast<size_t>(at - (first - 12))]; };
    std::vector<int> window(static_cast<size_t>(last - first + 13), 0);
    for (long end = first - 6; end <= last + 6; ++end) {
        int sum = 0;
        for (long at = end - 6; at <= end; ++at) sum += count(at);
        window[static_cast<size_t>(end - (first - 6))] = sum;
    }
    long best = first;
    int best_peak = std::numeric_limits<int>::max(), best_day = 0;
    for (long at = first; at <= last; ++at) {
        int peak = 0;  // the fullest 7-day window holding `at`
        for (long end = at; end <= at + 6; ++end) peak = std::max(peak, window[static_cast<size_t>(end - first + 6)]);
        if (peak < best_peak || (peak == best_peak && count(at) < best_day)) {
            best = at;
            best_peak = peak;
            best_day = count(at);
        }
    }
    take(best);
    return today_ + date::days{best};
}

void welcome_added(const ImportPlan& plan, ImportRecords& records, const Arrival& arrival, const Config& config,
                   FirstDueCalendar& calendar) {
    const Day since = arrival.since.value_or(arrival.day);
    for (const auto& d : plan.decisions) {
        if (d.action != ImportAction::add) continue;
        Contact& c = records[d.record].contact;
        c.since = since;
        for (const auto& tag : arrival.tags)
            if (std::find(c.tags.begin(), c.tags.end(), tag) == c.tags.end()) c.tags.push_back(tag);
        c.first_due = calendar.place(std::max(since, arrival.day), cadence_of(c, config));
    }
}

}  // namespace kith
