#pragma once
// First due days of people who arrive together (an import): spread over their first cadence,
// so that the people waiting for a first contact never bunch in one week (SPEC 5).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/interchange/import_plan.hpp"
#include "kith/model/model.hpp"

namespace kith {

// The days on which people still waiting for a first contact fall due, from `today` on.
// Placing a person picks the day of their first cadence whose 7-day windows hold the fewest
// waiting people (then the emptiest day, then the earliest): never a hash, so the same people
// land on the same days on every machine.
class FirstDueCalendar {
public:
    explicit FirstDueCalendar(Day today) : today_(today) {}
    // Counts a person already there when they wait for a first contact due after today.
    void add(const Contact& contact, const Config& config);
    // Picks and takes the first due day of someone arriving on `start` with `cadence`:
    // a day after `start`, at most one cadence after it.
    Day place(Day start, Duration cadence);
    // Returns how many people wait for a first contact after today, those placed included.
    size_t waiting() const { return waiting_; }

private:
    void take(long offset);  // counts one person due `offset` days after today
    Day today_;
    std::map<long, int> due_;  // days after today -> people due then (a snooze may be years away)
    size_t waiting_ = 0;
};

// What every person an import adds is given.
struct Arrival {
    Day day;                        // the import day: since and first cadence start here
    std::optional<Day> since;       // --since, else the import day
    std::vector<std::string> tags;  // --tag, added to each
};

// Gives each person the plan adds (records of add decisions) `since`, the tags, and a first
// due day placed in `calendar` over their first cadence (from the later of since and the import day).
void welcome_added(const ImportPlan& plan, ImportRecords& records, const Arrival& arrival, const Config& config,
                   FirstDueCalendar& calendar);

}  // namespace kith
