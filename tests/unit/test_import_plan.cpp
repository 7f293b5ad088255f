#include <doctest/doctest.h>

#include "kith/import_plan.hpp"

using namespace kith;
using Strings = std::vector<std::string>;

namespace {
Contact person(std::string slug, std::string name, Strings email = {}, Strings url = {}) {
    Contact c;
    c.slug = std::move(slug);
    c.name = std::move(name);
    c.email = std::move(email);
    c.url = std::move(url);
    return c;
}
ImportRecord record(Contact c, int line = 1) { return {std::move(c), line}; }
}  // namespace

TEST_CASE("import plan: new people are added with a free slug and the tier asked for") {
    const std::vector<Contact> existing = {person("ada-lovelace", "Ada Lovelace", {"ada@example.org"})};
    const auto plan = plan_import(existing, {record(person("", "José Núñez")), record(person("", "Ada  Lovelace ", {"other@x"}, {})),
                                             record(person("", "Ada Lovelace Jr", {}, {}))},
                                  "loose");
    REQUIRE(plan.decisions.size() == 3);
    CHECK(plan.decisions[0].action == ImportAction::add);
    CHECK(plan.decisions[0].contact.slug == "jose-nunez");
    CHECK(plan.decisions[0].contact.tier == "loose");
    CHECK(plan.decisions[0].contact.path == "contacts/jose-nunez.yaml");
    CHECK(plan.decisions[1].action == ImportAction::merge);  // same name, blanks aside
    CHECK(plan.decisions[1].matched_by == "name");
    CHECK(plan.decisions[2].contact.slug == "ada-lovelace-jr");
    CHECK(plan.added == 2);
    CHECK(plan.merged == 1);
}

TEST_CASE("import plan: a taken slug gets a number") {
    const std::vector<Contact> existing = {person("sam-lee", "Sam Lee", {"sam@a"})};
    // "Sam-Lee!" is another name (so an add), but its slug is taken
    const auto plan = plan_import(existing, {record(person("", "Sam-Lee!", {"sam@c"}))}, "");
    CHECK(plan.decisions[0].action == ImportAction::add);
    CHECK(plan.decisions[0].contact.slug == "sam-lee-2");
}

TEST_CASE("import plan: matched by email first, then URL, then name") {
    const std::vector<Contact> existing = {person("a", "Ada Lovelace", {"Ada@Example.org"}),
                                           person("b", "Grace Hopper", {}, {"https://www.linkedin.com/in/grace/"}),
                                           person("c", "Claude Shannon")};
    const auto plan = plan_import(existing,
                                  {record(person("", "A. Lovelace", {"ada@example.org"})),
                                   record(person("", "Grace B. Hopper", {}, {"http://linkedin.com/in/grace"})),
                                   record(person("", "claude shannon")),
                                   record(person("", "Grace Hopper", {"ada@example.org"}))},
                                  "");
    CHECK(plan.decisions[0].slug == "a");
    CHECK(plan.decisions[0].matched_by == "email");
    CHECK(plan.decisions[1].slug == "b");
    CHECK(plan.decisions[1].matched_by == "url");
    CHECK(plan.decisions[2].slug == "c");
    CHECK(plan.decisions[2].matched_by == "name");
    CHECK(plan.decisions[3].slug == "a");  // email wins over name
}

TEST_CASE("import plan: new facts merge, values the user set are kept and reported") {
    Contact ada = person("ada", "Ada Lovelace", {"ada@example.org"});
    ada.title = "Lead Analyst";
    ada.birthday = MonthDay{12, 10, std::nullopt};
    Contact in = person("", "Ada Lovelace", {"ADA@example.org", "ada@work.example"}, {"https://ada.example.org"});
    in.title = "Countess";
    in.org = "Analytical Engines";
    in.birthday = MonthDay{12, 10, 1815};
    in.tags = {"mentor"};
    in.dates = {{MonthDay{6, 1, 2020}, "anniversary"}};
    const auto plan = plan_import({ada}, {record(in)}, "");
    REQUIRE(plan.decisions.size() == 1);
    const auto& d = plan.decisions[0];
    CHECK(d.action == ImportAction::merge);
    std::vector<std::string> facts;
    for (const auto& f : d.facts) facts.push_back(f.key + "=" + f.value);
    CHECK(facts == Strings{"org=Analytical Engines", "email=ada@work.example", "url=https://ada.example.org", "tags=mentor",
                           "dates=2020-06-01 anniversary"});
    CHECK(d.disagreements == Strings{"title: kept 'Lead Analyst', the import says 'Countess'",
                                     "birthday: kept '--12-10', the import says '1815-12-10'"});
}

TEST_CASE("import plan: a person matched by email under another name keeps it as an aka") {
    const auto plan = plan_import({person("ada", "Ada Lovelace", {"ada@x"})}, {record(person("", "Ada King", {"ada@x"}))}, "");
    REQUIRE(plan.decisions[0].facts.size() == 1);
    CHECK(plan.decisions[0].facts[0].key == "aka");
    CHECK(plan.decisions[0].facts[0].value == "Ada King");
}

TEST_CASE("import plan: importing the same records again adds no one and merges nothing") {
    std::vector<ImportRecord> records = {record(person("", "Ada Lovelace", {"ada@x"}, {"https://ada.example"})),
                                         record(person("", "Grace Hopper", {"grace@x"}))};
    records[0].contact.title = "Analyst";
    records[0].contact.birthday = MonthDay{12, 10, 1815};
    const auto first = plan_import({}, records, "");
    CHECK(first.added == 2);
    std::vector<Contact> now;
    for (const auto& d : first.decisions) now.push_back(d.contact);
    const auto second = plan_import(now, records, "");
    CHECK(second.added == 0);
    CHECK(second.merged == 0);
    CHECK(second.skipped == 2);
}

TEST_CASE("import plan: the same person twice in one file is added once, with both records' facts") {
    Contact first = person("", "Ada Lovelace", {"ada@x"});
    Contact again = person("", "Ada Lovelace", {"ada@work"});
    again.org = "Engines";
    const auto plan = plan_import({}, {record(first), record(again)}, "");
    CHECK(plan.added == 1);
    CHECK(plan.decisions[1].action == ImportAction::skip);
    CHECK(plan.decisions[0].contact.email == Strings{"ada@x", "ada@work"});
    CHECK(plan.decisions[0].contact.org == "Engines");
}

namespace {
// The plan as text, to compare two plans decision by decision.
std::string describe(const ImportPlan& plan) {
    std::string out = std::to_string(plan.added) + "/" + std::to_string(plan.merged) + "/" + std::to_string(plan.skipped) + "\n";
    for (const auto& d : plan.decisions) {
        out += std::string(to_string(d.action)) + " " + std::to_string(d.record) + " " + d.slug + " " + d.matched_by + ":";
        for (const auto& f : d.facts) out += " " + f.key + "=" + f.value + (f.list_item ? "+" : "");
        for (const auto& x : d.disagreements) out += " !" + x;
        const Contact& c = d.contact;
        out += " | " + c.slug + " " + c.path + " " + c.tier + " " + c.name + " " + c.org;
        for (const auto& e : c.email) out += " " + e;
        for (const auto& a : c.aka) out += " aka " + a;
        out += "\n";
    }
    return out;
}
}  // namespace

TEST_CASE("import plan: the people gathered by ImportNetwork give the plan of the whole network") {
    std::vector<Contact> existing;
    for (int i = 0; i < 400; ++i) {
        Contact c = person("p" + std::to_string(i), "Person " + std::to_string(i));
        if (i % 3 == 0) c.email = {"P" + std::to_string(i) + "@Example.org"};
        if (i % 5 == 0) c.url = {"https://www.example.org/p" + std::to_string(i) + "/"};
        if (i % 7 == 0) c.aka = {"Nick " + std::to_string(i)};
        if (i % 4 == 0) c.title = "Engineer";
        c.archived = i % 11 == 0;
        c.log = {LogEntry{*parse_iso_day("2026-01-02"), "call", "talked", "", 3}};
        existing.push_back(c);
    }
    existing.push_back(person("new-person", "Someone Unrelated"));   // holds the slug a new person would take
    existing.push_back(person("p-dup", "Person Twin", {"p3@example.org"}));  // a second holder of a key: the first wins
    std::vector<ImportRecord> records;
    for (int i = 0; i < 400; ++i) {
        Contact in = person("", "Imported " + std::to_string(i));
        if (i % 3 == 0 && i % 27 == 0) in.email = {"p" + std::to_string(i) + "@example.org"};  // by email (case folded)
        else if (i % 5 == 0 && i % 3 != 0) in.url = {"http://example.org/p" + std::to_string(i)};  // by URL (scheme, www, slash)
        else if (i % 7 == 0 && i % 5 != 0) in.name = "nick " + std::to_string(i);  // by aka
        else if (i % 13 == 0) in.name = "PERSON  " + std::to_string(i);            // by name
        else if (i % 17 != 0) continue;                                            // 17, 34, ...: new people
        in.title = i % 4 == 0 ? "Director" : "";
        in.org = "Org " + std::to_string(i);
        records.push_back(record(in));
    }
    records.push_back(record(person("", "New Person", {"new@x"})));
    records.push_back(record(person("", "New Person", {"new@x", "new@y"})));  // the same new person again
    records.push_back(record(person("", "p3 twin", {"P3@example.org"})));
    records.push_back(record(person("", "Nick 14", {}, {})));

    const std::string whole = describe(plan_import(existing, records, "loose"));
    ImportNetwork gathered(records);
    for (auto c : existing) gathered.add(std::move(c));
    CHECK(gathered.kept().size() < existing.size() / 2);  // most people are not kept in full
    for (const auto& c : gathered.kept()) CHECK(c.log.empty());
    std::vector<ImportRecord> taken = records;
    const std::string streamed = describe(plan_import(std::move(gathered), taken, "loose"));
    CHECK(streamed == whole);
    CHECK(whole.find(" new-person-2 email:") != std::string::npos);  // the slug of a person not kept is still taken
    for (const char* by : {"email", "url", "name"}) CHECK(whole.find(std::string(" ") + by + ":") != std::string::npos);
}
