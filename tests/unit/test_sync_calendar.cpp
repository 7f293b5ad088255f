#include <doctest/doctest.h>

#include <algorithm>

#include "kith/base/error.hpp"
#include "kith/sync/sync_calendar.hpp"
#include "kith/sync/sync_calendar_ical.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_sync_calendar {

using namespace kith;

namespace {

Day day(const char* text) { return *parse_iso_day(text); }
Day utc_day(std::int64_t time) { return Day{date::days{time / 86400 - (time % 86400 < 0 ? 1 : 0)}}; }

Contact person(std::string slug, std::vector<std::string> email) {
    Contact c;
    c.slug = c.name = slug;
    c.path = "contacts/" + slug + ".yaml";
    c.email = std::move(email);
    return c;
}

std::string calendar(const std::string& events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//tests//EN\r\n" + events + "END:VCALENDAR\r\n";
}

std::vector<EventInstance> instances(const std::string& text) {
    CalendarReader reader;
    return reader.read(text, "t.ics", day("2026-01-01"), day("2026-12-31"), utc_day);
}

}  // namespace

TEST_CASE("a weekly event is expanded, an EXDATE left out, an overridden instance moved and renamed") {
    const std::string text = calendar(
        "BEGIN:VEVENT\r\nUID:w\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260302T100000Z\r\nSUMMARY:Weekly\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE:20260309T100000Z\r\nATTENDEE;PARTSTAT=ACCEPTED:MAILTO:ada@example.org\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:w\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260316T100000Z\r\nDTSTART:20260317T100000Z\r\n"
        "SUMMARY:Moved\r\nATTENDEE:mailto:ada@example.org\r\nEND:VEVENT\r\n");
    const std::vector<EventInstance> found = instances(text);
    REQUIRE(found.size() == 3);
    std::vector<std::pair<Day, std::string>> days;
    for (const EventInstance& i : found) days.emplace_back(i.day, i.summary);
    std::sort(days.begin(), days.end());
    CHECK(days[0] == std::pair{day("2026-03-02"), std::string("Weekly")});
    CHECK(days[1] == std::pair{day("2026-03-17"), std::string("Moved")});
    CHECK(days[2] == std::pair{day("2026-03-23"), std::string("Weekly")});
    CHECK(found[0].present == std::vector<std::string>{"ada@example.org"});
}

TEST_CASE("an all-day event counts on its written day; a TZID time converts to the instant") {
    const std::string text = calendar(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260405\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Asia/Tokyo:20260406T080000\r\nSUMMARY:Early\r\nEND:VEVENT\r\n");
    std::vector<EventInstance> found = instances(text);
    REQUIRE(found.size() == 2);
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.summary < b.summary; });
    CHECK(found[0].summary == "Early");
    CHECK(found[0].day == day("2026-04-05"));  // 08:00 in Tokyo is 23:00 UTC the day before
    CHECK(found[1].day == day("2026-04-05"));
}

TEST_CASE("a file libical cannot read is an invalid-file error with its line") {
    const std::string text = calendar("BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260302T100000Z\r\nthis line has no colon\r\nEND:VEVENT\r\n");
    try {
        instances(text);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid);
        CHECK(e.where().path == "t.ics");
        CHECK(e.where().line == 7);
    }
    CHECK_REFUSED(instances("not a calendar at all\n"),
        ErrorKind::invalid, "not an iCalendar file: libical read no VCALENDAR");
}

TEST_CASE("a meeting counts for each person who did not decline, never when you declined, cancelled or free") {
    const std::vector<Contact> people = {person("ada", {"ada@example.org"}), person("bob", {"bob@example.org"})};
    CalendarPlanner planner(people, CalendarRules{{"sam@example.org"}, day("2026-01-01"), day("2026-12-31"), true});
    EventInstance meeting{"e1", day("2026-03-02"), 1, " Weekly  sync ", false, false, {"ada@example.org", "bob@EXAMPLE.org"}, {"bob@example.org"}};
    planner.add(meeting);
    EventInstance declined = meeting;
    declined.event = "e2";
    declined.declined = {"sam@example.org"};
    planner.add(declined);
    EventInstance cancelled = meeting;
    cancelled.event = "e3";
    cancelled.cancelled = true;
    planner.add(cancelled);
    const std::vector<SyncEntry> entries = planner.entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].slug == "ada");
    CHECK(entries[0].entry.kind == "meeting");
    CHECK(entries[0].entry.note == "Weekly sync");
}

TEST_CASE("a VTIMEZONE written alike in several files is one zone; one of the same TZID written otherwise is its file's own") {
    const auto zone = [](const char* offset) {
        return std::string("BEGIN:VTIMEZONE\r\nTZID:Custom/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n") +
               "TZOFFSETFROM:" + offset + "\r\nTZOFFSETTO:" + offset + "\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
    };
    const std::string event = "BEGIN:VEVENT\r\nUID:u\r\nDTSTART;TZID=Custom/Zone:20260302T003000\r\nSUMMARY:s\r\n"
                              "ORGANIZER:mailto:ada@example.org\r\nEND:VEVENT\r\n";
    CalendarReader reader;
    const auto day_of = [&](const std::string& text) {
        const std::vector<EventInstance> found = reader.read(text, "t.ics", day("2026-01-01"), day("2026-12-31"), utc_day);
        REQUIRE(found.size() == 1);
        return found[0].day;
    };
    CHECK(day_of(calendar(zone("+0100") + event)) == day("2026-03-01"));  // 23:30 UTC
    CHECK(day_of(calendar(zone("-0100") + event)) == day("2026-03-02"));  // 01:30 UTC: its own zone
    CHECK(day_of(calendar(zone("+0100") + event)) == day("2026-03-01"));  // the first one's, shared
    CHECK(day_of(calendar(zone("-0100") + event)) == day("2026-03-02"));
}

// Issue 22, item 11: the people a plan is for are read in full after the events, those whose
// summary says they had contact on or after the first day planned; their logs then decide.
TEST_CASE("a person's day holds one entry per summary, and one in all without summaries, across events and days") {
    const std::vector<Contact> people = {person("ada", {"ada@example.org"}), person("bob", {"bob@example.org"})};
    const auto plan = [&](bool summaries) {
        CalendarPlanner planner(people, CalendarRules{{"sam@example.org"}, day("2026-01-01"), day("2026-12-31"), summaries});
        const std::vector<std::string> both = {"ada@example.org", "bob@example.org"};
        planner.add(EventInstance{"e1", day("2026-03-02"), 3, "Sync", false, false, both, {}});
        planner.add(EventInstance{"e2", day("2026-03-02"), 1, "Sync", false, false, both, {}});
        planner.add(EventInstance{"e3", day("2026-03-02"), 2, "Lunch", false, false, {"ada@example.org"}, {}});
        planner.add(EventInstance{"e4", day("2026-03-03"), 4, "Sync", false, false, both, {}});
        std::vector<std::string> said;
        for (const SyncEntry& e : planner.entries()) said.push_back(std::string(e.slug) + " " + format_day(e.entry.date) + " " + e.entry.note);
        return said;
    };
    CHECK(plan(true) == std::vector<std::string>{"ada 2026-03-02 Lunch", "ada 2026-03-02 Sync", "ada 2026-03-03 Sync",
                                                 "bob 2026-03-02 Sync", "bob 2026-03-03 Sync"});
    CHECK(plan(false) == std::vector<std::string>{"ada 2026-03-02 ", "ada 2026-03-03 ", "bob 2026-03-02 ", "bob 2026-03-03 "});
}

TEST_CASE("a calendar plan names the people it is for and checks their logs as they are when it is read") {
    std::vector<Contact> people = {person("ada", {"ada@example.org"}), person("bob", {"bob@example.org"}), person("cy", {"cy@example.org"})};
    people[0].log = {LogEntry{day("2026-03-01"), "meeting", "Sync", "", 0}};  // ada's latest contact: before the day planned
    people[2].log = {LogEntry{day("2026-03-02"), "note", "", "", 0}, LogEntry{day("2026-03-04"), "call", "", "", 0}};
    CalendarPlanner planner(people, CalendarRules{{"sam@example.org"}, day("2026-01-01"), day("2026-12-31"), true});
    planner.add(EventInstance{"e1", day("2026-03-02"), 1, "Sync", false, false, {"ada@example.org", "cy@example.org"}, {}});
    planner.add(EventInstance{"e2", day("2026-03-03"), 2, "Lunch", false, false, {"cy@example.org"}, {}});
    CHECK(planner.people_to_read() == std::vector<size_t>{2});
    people[2].log = {LogEntry{day("2026-03-05"), "note", "", "", 0}};  // a note is no contact
    CHECK(planner.people_to_read().empty());
    people[0].log.clear();
    people[2].log.clear();
    CHECK(planner.entries().size() == 3);
    people[2].log = {LogEntry{day("2026-03-03"), "meeting", "Lunch", "", 0}};
    const std::vector<SyncEntry> entries = planner.entries();
    REQUIRE(entries.size() == 2);
    CHECK((entries[0].slug == "ada" && entries[1].slug == "cy" && entries[1].entry.note == "Sync"));
}

}  // namespace unit_sync_calendar
