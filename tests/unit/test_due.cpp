#include <doctest/doctest.h>

#include "kith/model/due.hpp"
#include "kith/views/due_view.hpp"
#include "kith/model/status.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_due {

using namespace kith;

static Day day(const char* text) { return *parse_iso_day(text); }

static Contact person(const char* slug, const char* tier = "") {
    Contact c;
    c.slug = slug;
    c.name = slug;
    c.tier = tier;
    return c;
}

static DueQuery on(const char* today) {
    DueQuery query;
    query.today = day(today);
    return query;
}

static LogEntry entry(const char* when, const char* kind = "call") { return LogEntry{day(when), kind, "", "", 0}; }

TEST_CASE("staleness: last contact, cadence of the tier, overdue and ratio") {
    const Config config = default_config();
    Contact c = person("a", "core");  // 30d
    c.log = {entry("2026-10-01"), entry("2026-10-20", "lunch")};
    const ContactStatus s = contact_status(c, config, day("2026-11-28"));
    CHECK(format_day(*s.last_contact) == "2026-10-20");
    CHECK(format_day(s.due_on) == "2026-11-19");
    CHECK(s.overdue == 9);
    CHECK(s.is_due());
    CHECK(*s.staleness == doctest::Approx(39.0 / 30.0));
}

TEST_CASE("a note does not count as contact") {
    Contact c = person("a", "core");
    c.log = {entry("2026-10-01"), entry("2026-11-27", "note")};
    CHECK(format_day(*contact_status(c, default_config(), day("2026-11-28")).last_contact) == "2026-10-01");
}

TEST_CASE("entries after today are ignored: --today in the past shows the network as it was") {
    Contact c = person("a", "core");
    c.log = {entry("2026-01-01"), entry("2026-11-27")};
    const ContactStatus s = contact_status(c, default_config(), day("2026-01-15"));
    CHECK(format_day(*s.last_contact) == "2026-01-01");
    CHECK(s.overdue == -16);
}

TEST_CASE("since applies to people never logged; without it they are due now, overdue 0") {
    Contact c = person("a");  // default tier: loose, 180d
    c.since = day("2026-06-01");
    CHECK(format_day(contact_status(c, default_config(), day("2026-11-28")).due_on) == "2026-11-28");
    CHECK(contact_status(c, default_config(), day("2026-11-28")).overdue == 0);
    c.since = day("2026-06-02");
    CHECK(contact_status(c, default_config(), day("2026-11-28")).overdue == -1);
    Contact never = person("b");
    const ContactStatus s = contact_status(never, default_config(), day("2026-11-28"));
    CHECK(s.overdue == 0);
    CHECK(s.is_due());
    CHECK_FALSE(s.staleness);
    never.log = {entry("2026-11-28", "note")};
    CHECK(contact_status(never, default_config(), day("2026-11-28")).overdue == 0);
}

TEST_CASE("first_due is the due day of a person never in touch; a logged contact makes it irrelevant") {
    Contact c = person("a");  // default tier: loose, 180d
    c.since = day("2026-11-28");
    c.first_due = day("2026-12-20");
    ContactStatus s = contact_status(c, default_config(), day("2026-11-28"));
    CHECK(format_day(s.due_on) == "2026-12-20");
    CHECK(s.overdue == -22);
    CHECK_FALSE(s.is_due());
    CHECK(contact_status(c, default_config(), day("2026-12-20")).is_due());
    CHECK(due_items({c}, default_config(), on("2026-12-19")).empty());
    CHECK(due_items({c}, default_config(), on("2026-12-21")).size() == 1);
    c.snooze = day("2027-01-05");  // a snooze still moves it later
    CHECK(format_day(contact_status(c, default_config(), day("2026-11-28")).due_on) == "2027-01-05");
    c.snooze.reset();
    c.log = {entry("2026-12-01", "note")};  // a note is no contact: first_due still holds
    CHECK(format_day(contact_status(c, default_config(), day("2026-12-02")).due_on) == "2026-12-20");
    c.log = {entry("2026-12-01")};
    s = contact_status(c, default_config(), day("2026-12-02"));
    CHECK(format_day(s.due_on) == "2027-05-30");  // 180 days after the call
    CHECK(s.reference == day("2026-12-01"));
    Contact no_since = person("b");  // first_due without since: due on that day, no staleness
    no_since.first_due = day("2026-12-20");
    CHECK(format_day(contact_status(no_since, default_config(), day("2026-11-28")).due_on) == "2026-12-20");
}

TEST_CASE("a person's cadence overrides the tier's; months clamp to the month's end") {
    Contact c = person("a", "loose");
    c.cadence = Duration{1, 'm'};
    c.log = {entry("2026-01-31")};
    CHECK(format_day(contact_status(c, default_config(), day("2026-03-01")).due_on) == "2026-02-28");
    c.log = {entry("2024-01-31")};
    CHECK(format_day(contact_status(c, default_config(), day("2024-03-01")).due_on) == "2024-02-29");
}

TEST_CASE("snooze moves the due day later, never earlier") {
    Contact c = person("a", "core");
    c.log = {entry("2026-10-01")};
    c.snooze = day("2026-12-10");
    const ContactStatus s = contact_status(c, default_config(), day("2026-11-28"));
    CHECK(format_day(s.due_on) == "2026-12-10");
    CHECK(s.overdue == -12);
    c.snooze = day("2026-10-05");
    CHECK(format_day(contact_status(c, default_config(), day("2026-11-28")).due_on) == "2026-10-31");
}

static std::vector<std::string> due_lines(const std::vector<Contact>& contacts, const DueQuery& query) {
    std::vector<std::string> out;
    for (const auto& item : due_items(contacts, default_config(), query))
        out.push_back(std::string(to_string(item.what)) + " " + item.contact->slug + " " + format_day(item.due) + " " +
                      std::to_string(item.overdue) + " " + item.detail);
    return out;
}

TEST_CASE("follow-ups are due on their day and stay due until done") {
    Contact c = person("a", "core");
    c.log = {entry("2026-11-27")};
    c.followups = {{day("2026-11-01"), "old promise", std::nullopt, 0},
                   {day("2026-11-02"), "kept", day("2026-11-03"), 0},
                   {day("2026-12-01"), "later", std::nullopt, 0}};
    DueQuery query = on("2026-11-28");
    CHECK(due_lines({c}, query) == std::vector<std::string>{"followup a 2026-11-01 27 old promise"});
    query.within = Duration{3, 'd'};
    CHECK(due_lines({c}, query) ==
          std::vector<std::string>{"followup a 2026-11-01 27 old promise", "followup a 2026-12-01 -3 later"});
}

TEST_CASE("birthdays and dates show from the tier's notice until the day, then leave") {
    Contact core = person("c", "core");  // notice 14d
    core.log = {entry("2026-11-27")};
    core.birthday = MonthDay{12, 12, 1990};
    Contact loose = person("l", "loose");  // notice 2d
    loose.log = {entry("2026-11-27")};
    loose.birthday = MonthDay{12, 1, std::nullopt};
    loose.dates = {{MonthDay{11, 30, 2020}, "anniversary"}};
    DueQuery query = on("2026-11-28");
    CHECK(due_lines({core, loose}, query) ==
          std::vector<std::string>{"date l 2026-11-30 -2 anniversary", "birthday c 2026-12-12 -14 turns 36"});
    query.today = day("2026-12-13");  // the day after: gone until next year
    query.within = Duration{1, 'w'};
    CHECK(due_lines({core}, query).empty());
    query.today = day("2026-12-12");
    CHECK(due_lines({core}, query) == std::vector<std::string>{"birthday c 2026-12-12 0 turns 36"});
}

TEST_CASE("--within widens the window beyond a short notice; a tier without notice shows on the day") {
    Config config = default_config();
    config.tiers[2].notice.reset();
    Contact c = person("l", "loose");
    c.log = {entry("2026-11-27")};
    c.birthday = MonthDay{12, 5, std::nullopt};
    DueQuery query = on("2026-11-28");
    CHECK(due_items({c}, config, query).empty());
    query.today = day("2026-12-05");
    CHECK(due_items({c}, config, query).size() == 1);
    query.today = day("2026-11-28");
    query.within = Duration{1, 'w'};
    CHECK(due_items({c}, config, query).size() == 1);
}

TEST_CASE("29 February birthdays fall on 28 February in other years") {
    Contact c = person("c", "core");
    c.log = {entry("2027-02-20")};
    c.birthday = MonthDay{2, 29, 2000};
    DueQuery query = on("2027-02-28");
    CHECK(due_lines({c}, query) == std::vector<std::string>{"birthday c 2027-02-28 0 turns 27"});
}

TEST_CASE("order: due day, tier rank, slug, kind, detail; archived never due; filters and limit") {
    Contact a = person("a", "loose"), b = person("b", "core"), z = person("z", "core"), gone = person("gone", "core");
    for (Contact* c : {&a, &b, &z, &gone}) c->log = {entry("2026-01-01")};
    a.cadence = b.cadence = z.cadence = Duration{10, 'd'};
    b.followups = {{day("2026-01-11"), "b2", std::nullopt, 0}, {day("2026-01-11"), "b1", std::nullopt, 0}};
    z.tags = {"london"};
    gone.archived = true;
    DueQuery query = on("2026-02-01");
    CHECK(due_lines({a, b, z, gone}, query) == std::vector<std::string>{
                                                   "contact b 2026-01-11 21 call 2026-01-01",
                                                   "followup b 2026-01-11 21 b1",
                                                   "followup b 2026-01-11 21 b2",
                                                   "contact z 2026-01-11 21 call 2026-01-01",
                                                   "contact a 2026-01-11 21 call 2026-01-01",
                                               });
    query.tags = {"london"};
    CHECK(due_lines({a, b, z}, query).size() == 1);
    query.tags = {};
    query.tiers = {"loose"};
    CHECK(due_lines({a, b, z}, query).size() == 1);
    query.tiers = {};
    query.limit = 2;
    CHECK(due_lines({a, b, z}, query).size() == 2);
}

TEST_CASE("the due table has SPEC 6's columns, and text groups the kinds") {
    Contact c = person("ada", "core");
    c.name = "Ada";
    c.prefer = "email";
    c.email = {"ada@example.org", "ada@home.example"};
    c.log = {LogEntry{day("2026-10-01"), "lunch", "New role", "", 0}};
    c.followups = {{day("2026-11-20"), "send paper", std::nullopt, 0}};
    const std::vector<Contact> contacts = {c};  // items point into it: it must outlive them
    const auto items = due_items(contacts, default_config(), on("2026-11-28"));
    const Table table = due_table(items);
    CHECK(render_tsv(table) ==
          "what\tslug\tname\ttier\tdue\toverdue\tdetail"
          "\tstaleness\tprefer\temail\tphone\tlast_date\tlast_kind\tlast_note\n"
          "contact\tada\tAda\tcore\t2026-10-31\t28\tlunch 2026-10-01: New role"
          "\t1.93\temail\tada@example.org, ada@home.example\t\t2026-10-01\tlunch\tNew role\n"
          "followup\tada\tAda\tcore\t2026-11-20\t8\tsend paper"
          "\t1.93\temail\tada@example.org, ada@home.example\t\t2026-10-01\tlunch\tNew role\n");
    const std::string json = render_json(table);
    CHECK(json.find("\"staleness\": 1.93,") != std::string::npos);
    CHECK(json.find("\"email\": [\n      \"ada@example.org\",\n      \"ada@home.example\"\n    ],") != std::string::npos);
    CHECK(json.find("\"phone\": [],") != std::string::npos);
    const std::string text = render_due_text(items, TextStyle{});
    CHECK(text ==
          "Get in touch (1)\n"
          "  Ada  core  28 days overdue  1.9×  via email  last: lunch 2026-10-01: New role\n"
          "\n"
          "Follow-ups (1)\n"
          "  Ada  core  8 days overdue  send paper\n");
    CHECK(render_due_text({}, TextStyle{}).empty());
}

TEST_CASE("an empty due table is a header in tsv, [] in json, nothing in text") {
    const Table table = due_table({});
    CHECK(render_tsv(table) ==
          "what\tslug\tname\ttier\tdue\toverdue\tdetail"
          "\tstaleness\tprefer\temail\tphone\tlast_date\tlast_kind\tlast_note\n");
    CHECK(render_json(table) == "[]\n");
    CHECK(render_text(table, TextStyle{}).empty());
}

}  // namespace unit_due
