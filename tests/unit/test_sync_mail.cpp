#include <doctest/doctest.h>

#include <map>

#include "kith/model/contact_file.hpp"
#include "kith/model/interaction.hpp"
#include "kith/sync/sync_log.hpp"
#include "kith/sync/sync_mail.hpp"
#include "kith/sync/sync_mail_address.hpp"
#include "kith/sync/sync_mail_head.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_sync_mail {

using namespace kith;

namespace {

// A message as a test writes it: its headers in a map.
class FakeMessage final : public MailMessage {
public:
    FakeMessage(std::string id, std::int64_t time, std::map<std::string, std::string> headers)
        : id_(std::move(id)), time_(time), headers_(std::move(headers)) {}
    std::string id() const override { return id_; }
    std::int64_t time() const override { return time_; }
    std::string from() const override { return header("from"); }
    std::string subject() const override { return header("subject"); }
    std::string header(const char* name) const override {
        const auto found = headers_.find(name);
        if (std::string(name) != "from" && std::string(name) != "subject") ++files_read;
        return found == headers_.end() ? "" : found->second;
    }
    mutable int files_read = 0;

private:
    std::string id_;
    std::int64_t time_;
    std::map<std::string, std::string> headers_;
};

Contact person(std::string slug, std::vector<std::string> email, std::vector<LogEntry> log = {}) {
    Contact c;
    c.slug = c.name = slug;
    c.path = "contacts/" + slug + ".yaml";
    c.email = std::move(email);
    c.log = std::move(log);
    return c;
}

Day day(const char* text) { return *parse_iso_day(text); }
// UTC days: the tests' messages are at noon UTC.
Day utc_day(std::int64_t time) { return Day{date::days{time / 86400}}; }
std::int64_t noon(const char* text) { return day(text).time_since_epoch().count() * 86400LL + 43200; }

MailRules rules(bool subjects = false) {
    return MailRules{{"sam@example.org", "Sam@Work.example"}, day("2026-01-01"), day("2026-12-31"), subjects, utc_day};
}

}  // namespace

TEST_CASE("an address compares by its local part as written and its domain in any case") {
    CHECK(address_key("Bob@EXAMPLE.org") == "Bob@example.org");
    CHECK(address_key(" \"bob\"@example.org ") == "bob@example.org");
    CHECK(address_key("example.org").empty());
    CHECK(address_key("@example.org").empty());
    CHECK(address_key("bob@").empty());
}

TEST_CASE("address lists: names, quotes, comments, groups and commas inside names") {
    using Keys = std::vector<std::string>;
    CHECK(address_keys("Okafor, Bob <bob@example.org>") == Keys{"bob@example.org"});
    CHECK(address_keys("\"Rivera, Sam\" <sam@EXAMPLE.org>, ada@x.example") == Keys{"sam@example.org", "ada@x.example"});
    CHECK(address_keys("sam@example.org (Sam, at home)") == Keys{"sam@example.org"});
    CHECK(address_keys("undisclosed-recipients:;") == Keys{});
    CHECK(address_keys("team: a@x.example, b@y.example; c@z.example") == Keys{"a@x.example", "b@y.example", "c@z.example"});
    CHECK(address_keys("\"bob\"@example.org") == Keys{"bob@example.org"});
    CHECK(address_keys("<@route.example:carol@example.com>") == Keys{"carol@example.com"});
    CHECK(address_keys("") == Keys{});
}

TEST_CASE("mail counts between you and a person, once a day, never list mail or a co-recipient") {
    const std::vector<Contact> people = {person("ada", {"ada@example.org"}), person("bob", {"Bob@Example.ORG"}),
                                         person("judy", {"judy@example.org"})};
    MailPlanner planner(people, rules(true));
    planner.add(FakeMessage("2", noon("2026-03-01") + 60, {{"from", "ada@example.org"}, {"to", "sam@work.EXAMPLE"}, {"subject", "Later"}}));
    planner.add(FakeMessage("1", noon("2026-03-01"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}, {"subject", "  First \t one "}}));
    planner.add(FakeMessage("3", noon("2026-03-02"), {{"from", "Sam <sam@example.org>"}, {"cc", "Bob@example.org, x@y.example"}}));
    planner.add(FakeMessage("4", noon("2026-03-03"), {{"from", "ada@example.org"}, {"to", "judy@example.org"}, {"cc", "sam@example.org"}}));
    planner.add(FakeMessage("5", noon("2026-03-04"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}, {"list-id", "<l.example>"}}));
    planner.add(FakeMessage("6", noon("2026-03-05"), {{"from", "ada@example.org"}, {"to", "SAM@example.org"}}));
    planner.add(FakeMessage("7", 0, {{"from", "ada@example.org"}, {"to", "sam@example.org"}}));
    planner.add(FakeMessage("8", noon("2027-01-01"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}}));
    const std::vector<SyncEntry> entries = planner.entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].slug == "ada");
    CHECK(entries[0].entry.date == day("2026-03-01"));
    CHECK(entries[0].entry.note == "First one");
    CHECK(entries[1].slug == "ada");
    CHECK(entries[1].entry.date == day("2026-03-03"));
    CHECK(entries[2].slug == "bob");
    CHECK(entries[2].entry.kind == "email");
}

TEST_CASE("a message from a stranger, or from someone already logged that day, costs no file read") {
    const std::vector<Contact> people = {person("ada", {"ada@example.org"}, {{day("2026-03-01"), "email", "", "", 0}})};
    MailPlanner planner(people, rules());
    const FakeMessage stranger("1", noon("2026-03-01"), {{"from", "x@stranger.example"}, {"to", "sam@example.org"}});
    const FakeMessage logged("2", noon("2026-03-01"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}});
    planner.add(stranger);
    planner.add(logged);
    CHECK(stranger.files_read == 0);
    CHECK(logged.files_read == 0);
    CHECK(planner.entries().empty());
}

TEST_CASE("the day's earliest subject wins, the lowest id at the same second") {
    const std::vector<Contact> people = {person("ada", {"ada@example.org"})};
    MailPlanner planner(people, rules(true));
    planner.add(FakeMessage("b", noon("2026-03-01"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}, {"subject", "Tie B"}}));
    planner.add(FakeMessage("a", noon("2026-03-01"), {{"from", "ada@example.org"}, {"to", "sam@example.org"}, {"subject", "Tie A"}}));
    REQUIRE(planner.entries().size() == 1);
    CHECK(planner.entries()[0].entry.note == "Tie A");
}

TEST_CASE("entries a file already holds are not added again; other kinds do not stop an email entry") {
    const std::string file = "name: Ada\nlog:\n  - {date: 2026-03-01, kind: email, note: by hand}\n  - {date: 2026-03-02, kind: call}\n"
                             "  - {date: 2026-03-03, kind: meeting}\n";
    const auto planned_entry = [](const char* on, const char* kind, const char* note, const char* summary) {
        return SyncEntry{"ada", "x", "Ada", {day(on), kind, note, "", 0}, {day(on), kind, summary, "", 0}};
    };
    const std::vector<SyncEntry> planned = {
        planned_entry("2026-03-01", "email", "", ""), planned_entry("2026-03-02", "email", "Hi", "Hi"),
        planned_entry("2026-03-02", "meeting", "", "Sync"),            // no meeting that day yet
        planned_entry("2026-03-03", "meeting", "Standup", "Standup"),  // a meeting without a note stands for any
        planned_entry("2026-03-02", "meeting", "", "Lunch")};          // the day's note-less meeting, just added
    std::vector<const SyncEntry*> pointers;
    for (const SyncEntry& e : planned) pointers.push_back(&e);
    size_t added = 0;
    const std::string out = add_missing_entries(file, pointers, "x", default_config(), added);
    CHECK(added == 2);
    CHECK(parse_contact(out, "x", default_config()).log.size() == 5);
    CHECK(add_missing_entries(out, pointers, "x", default_config(), added) == out);
    CHECK(added == 0);
}

TEST_CASE("a log entry records the same contact as another: email by day, meeting by day and note, or either without one") {
    const auto e = [](const char* on, const char* kind, const char* note) { return LogEntry{day(on), kind, note, "", 0}; };
    CHECK(logs_same_contact(e("2026-03-01", "email", "Re: trip"), e("2026-03-01", "email", "")));
    CHECK(logs_same_contact(e("2026-03-01", "email", "a"), e("2026-03-01", "email", "b")));
    CHECK_FALSE(logs_same_contact(e("2026-03-01", "email", ""), e("2026-03-02", "email", "")));
    CHECK_FALSE(logs_same_contact(e("2026-03-01", "call", ""), e("2026-03-01", "email", "")));
    CHECK(logs_same_contact(e("2026-03-01", "meeting", ""), e("2026-03-01", "meeting", "Standup")));
    CHECK(logs_same_contact(e("2026-03-01", "meeting", "Standup"), e("2026-03-01", "meeting", "")));
    CHECK(logs_same_contact(e("2026-03-01", "meeting", "Standup"), e("2026-03-01", "meeting", "Standup")));
    CHECK_FALSE(logs_same_contact(e("2026-03-01", "meeting", "Standup"), e("2026-03-01", "meeting", "Lunch")));
    CHECK_FALSE(logs_same_contact(e("2026-03-01", "call", ""), e("2026-03-01", "call", "x")));
}

TEST_CASE("a note is one line: white space runs made one space, as Python's split reads them") {
    CHECK(one_line_note("  tab\there \r\n x\xc2\xa0y\xe3\x80\x80z ") == "tab here x y z");
    CHECK(one_line_note("会議のお知らせ") == "会議のお知らせ");
    CHECK(one_line_note("") == "");
}

TEST_CASE("a message's head: the first header of a name, unfolded, Latin-1 read as such, the body never") {
    const std::string head = "From x Mon Jan 1\nTo: a@x.example,\r\n\tb@y.example\r\nCC: c@z.example\r\nTo: second@x.example\r\n"
                             "Subject: Caf\xe9\r\n\r\nList-Id: <not a header>\r\n";
    CHECK(mail_header(head, "to") == "a@x.example,\tb@y.example");
    CHECK(mail_header(head, "cc") == "c@z.example");
    CHECK(mail_header(head, "subject") == "Caf\xc3\xa9");
    CHECK(mail_header(head, "list-id").empty());
    CHECK(mail_head_length(head) == head.find("List-Id"));
    CHECK(mail_header("To: a@x.example\nnot a header line\nCc: b@x.example\n", "cc").empty());
}

// Issue 22, item 11: the planner works from the index's summaries (one log entry each) and
// checks only the people it planned for against their whole logs, read after the messages; only
// those whose summary says they had contact on or after the first day planned need reading.
TEST_CASE("a mail plan names the people it is for and checks their logs as they are when it is read") {
    std::vector<Contact> people = {person("ada", {"ada@x.org"}), person("bob", {"bob@x.org"}), person("cy", {"cy@x.org"}),
                                   person("dee", {"dee@x.org"})};
    people[0].log = {LogEntry{day("2026-03-05"), "call", "", "", 0}};   // ada's latest contact: after the days planned
    people[2].log = {LogEntry{day("2026-02-28"), "email", "", "", 0}};  // cy's: before them
    people[3].log = {LogEntry{day("2026-03-02"), "meeting", "", "", 0}};  // dee's: on the first one
    MailPlanner planner(people, rules());
    planner.add(FakeMessage("1", noon("2026-03-01"), {{"from", "ada@x.org"}, {"to", "sam@example.org"}}));
    planner.add(FakeMessage("2", noon("2026-03-02"), {{"from", "ada@x.org"}, {"to", "sam@example.org"}}));
    planner.add(FakeMessage("3", noon("2026-03-02"), {{"from", "sam@example.org"}, {"to", "cy@x.org, dee@x.org"}}));
    CHECK(planner.people_to_read() == std::vector<size_t>{0, 3});
    people[3].log.clear();
    CHECK(planner.entries().size() == 4);
    // The whole log, read now, has an email entry on one of those days (by hand, or another machine's sync).
    people[0].log = {LogEntry{day("2026-02-01"), "call", "", "", 0}, LogEntry{day("2026-03-02"), "email", "by hand", "", 0}};
    const std::vector<SyncEntry> entries = planner.entries();
    REQUIRE(entries.size() == 3);
    CHECK((entries[0].slug == "ada" && entries[0].entry.date == day("2026-03-01")));
    CHECK((entries[1].slug == "cy" && entries[1].entry.date == day("2026-03-02")));
    CHECK((entries[2].slug == "dee" && entries[2].entry.date == day("2026-03-02")));
}

}  // namespace unit_sync_mail
