#pragma once
// The network's health over the last N months, for `kith report` and `kith stats` (issue 13).
// Every figure comes from the same statuses as `due`, on a day passed in.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/model/status.hpp"

namespace kith {

// One tier: how many people are on time, due soon, or overdue, and the median staleness.
// Due soon: not yet due, but due within the tier's notice (7 days when it has none).
struct TierHealth {
    std::string tier;
    size_t members = 0, on_time = 0, due_soon = 0, overdue = 0;
    std::optional<double> median_staleness;  // none when nobody in the tier has a reference day
};

// One day of the heatmap: how many interactions that count as contact, and who.
struct DayActivity {
    Day day;
    size_t count = 0;
    std::vector<std::string> who;  // "Name (kind: note)", at most kDayNames of them
};

// At most this many names per heatmap day; the rest are only counted.
inline constexpr size_t kDayNames = 8;

// The follow-ups that fell due in one calendar month, by what became of them by today.
struct PromiseMonth {
    int year = 0;
    unsigned month = 1;
    size_t on_time = 0;        // done on or before the due day
    size_t late = 0;           // done after the due day
    size_t open_past_due = 0;  // not done (by today) and the due day has passed
    // Returns the month as "YYYY-MM".
    std::string label() const;
};

// A person who is due, with their last interaction.
struct OverduePerson {
    std::string slug, name;
    std::string tier;
    long overdue = 0;        // days
    Day due_on;
    std::string last;        // describe_last: "lunch 2026-10-11: New role", or "no contact yet"
};

// An introduction (a log entry of kind intro with `with:`), counted once for both people.
struct IntroductionMade {
    Day day;
    std::string from_slug, from_name;  // the person whose file holds the entry (the lower slug when both do)
    std::string with_slug;
    std::string with_name;          // the slug when that person is not in the network
    std::optional<Day> followed_up; // first later contact with either, or a follow-up done since
};

// A person whose contact fell: interactions in the earlier half of the window against the later.
struct QuietPerson {
    std::string slug, name;
    size_t before = 0, recent = 0;
};

// Every figure of the report.
struct Health {
    Day today, from;             // the window: the first of the month N-1 months ago (not before year 1), through today
    int months = 12;
    Day half;                    // first day of the recent half (N/2 months, at least 1)
    size_t people = 0;           // active contacts
    size_t interactions = 0;     // entries that count as contact, in the window
    std::vector<TierHealth> tiers;       // configured tiers closest first, then unknown ones
    std::vector<DayActivity> days;       // one per day, from .. today
    std::vector<size_t> weeks;           // contacts per 7 days, oldest first; the last ends today
    std::vector<PromiseMonth> promises;  // one per month of the window (fewer than N only near year 1)
    std::vector<OverduePerson> overdue;  // everyone due, most overdue first
    std::vector<IntroductionMade> intros;    // in the window, newest first
    std::vector<QuietPerson> quiet;      // largest fall first
    size_t promises_on_time = 0, promises_late = 0, promises_open = 0;

    // Percent of the promises that fell due which were kept on time; none when none fell due.
    std::optional<int> kept_percent() const;
};

// Gathers the health of the active (not archived) contacts on `today` over `months` months, one
// contact at a time and in any order, keeping of each only the figures it needs (never its log):
// a whole network is read a chunk at a time.
class HealthTally {
public:
    HealthTally(Config config, Day today, int months);
    ~HealthTally();
    HealthTally(const HealthTally&) = delete;
    HealthTally& operator=(const HealthTally&) = delete;
    // Counts one contact; archived ones are left out.
    void add(const Contact& contact);
    // Returns the figures of every contact added, the same whatever order they came in.
    Health finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Computes the health of the active (not archived) contacts on `today` over `months` months.
Health compute_health(const std::vector<Contact>& contacts, const Config& config, Day today, int months);

}  // namespace kith
