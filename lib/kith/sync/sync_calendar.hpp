#pragma once
// `kith sync calendar`: which past events are meetings with which people, one entry per person,
// day and event (issue 22, items 6 and 7). Pure: the instances come from an adapter (sync_calendar_ical).
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/sync/sync_log.hpp"

namespace kith {

// One instance of an event, recurrences already expanded and overrides applied.
struct EventInstance {
    std::string event;                   // the file and UID: one entry per person, day and event
    Day day{};                           // the local day it counts on
    long long order = 0;                 // its start, to find a day's earliest instance
    std::string summary;
    bool cancelled = false, free_time = false;  // STATUS:CANCELLED, TRANSP:TRANSPARENT
    std::vector<std::string> present;    // ORGANIZER and ATTENDEE mailto: addresses
    std::vector<std::string> declined;   // ATTENDEE addresses with PARTSTAT=DECLINED
};

// What decides the entries besides the instances.
struct CalendarRules {
    std::vector<std::string> my_addresses;  // kith.yaml's me.email and me.addresses
    Day since{}, until{};                   // the days that count, both included
    bool summaries = true;                  // the note is the summary
};

// Decides the `meeting` entries, instance by instance.
class CalendarPlanner {
public:
    // Takes the active people and the rules (entries() reads their logs).
    CalendarPlanner(const std::vector<Contact>& people, CalendarRules rules);
    // Considers one instance.
    void add(const EventInstance& instance);
    // Returns the people (indexes) whose whole log entries() must see: those an entry is planned
    // for whose log as given (the index's summary) may hold contact on or after its first day.
    std::vector<size_t> people_to_read() const;
    // Returns the entries to log (none the person's log, as it is now, already has), by slug, day and note.
    std::vector<SyncEntry> entries() const;

private:
    const std::vector<Contact>& people_;
    CalendarRules rules_;
    std::vector<std::string> mine_;
    std::unordered_map<std::string, std::vector<size_t>> by_address_;
    std::unordered_map<std::string, size_t> events_;  // each event's number, in the order first seen
    // (person, day, event's number) -> (order, summary) of that day's earliest instance
    std::map<std::tuple<size_t, int, size_t>, std::pair<long long, std::string>> chosen_;
};

}  // namespace kith
