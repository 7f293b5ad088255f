#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "kith/interchange/import_plan.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_import_plan {

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

// A plan with the records it was made from: an add decision's person is its record's contact.
struct Planned : ImportPlan {
    ImportRecords records;
    const Contact& contact(size_t decision) const { return records[decisions[decision].record].contact; }
};
Planned plan_of(const std::vector<Contact>& existing, ImportRecords records, const std::string& tier) {
    Planned planned;
    planned.records = std::move(records);
    static_cast<ImportPlan&>(planned) = plan_import(existing, planned.records, tier);
    return planned;
}
}  // namespace

TEST_CASE("import plan: new people are added with a free slug and the tier asked for") {
    const std::vector<Contact> existing = {person("ada-lovelace", "Ada Lovelace", {"ada@example.org"})};
    const auto plan = plan_of(existing, {record(person("", "José Núñez")), record(person("", "Ada  Lovelace ", {"other@x"}, {})),
                                             record(person("", "Ada Lovelace Jr", {}, {}))},
                                  "loose");
    REQUIRE(plan.decisions.size() == 3);
    CHECK(plan.decisions[0].action == ImportAction::add);
    CHECK(plan.contact(0).slug == "jose-nunez");
    CHECK(plan.contact(0).tier == "loose");
    CHECK(plan.contact(0).path == "contacts/jose-nunez.yaml");
    CHECK(plan.decisions[1].action == ImportAction::merge);  // same name, blanks aside
    CHECK(plan.decisions[1].matched_by == "name");
    CHECK(plan.contact(2).slug == "ada-lovelace-jr");
    CHECK(plan.added == 2);
    CHECK(plan.merged == 1);
}

TEST_CASE("import plan: a taken slug gets a number") {
    const std::vector<Contact> existing = {person("sam-lee", "Sam Lee", {"sam@a"})};
    // "Sam-Lee!" is another name (so an add), but its slug is taken
    const auto plan = plan_of(existing, {record(person("", "Sam-Lee!", {"sam@c"}))}, "");
    CHECK(plan.decisions[0].action == ImportAction::add);
    CHECK(plan.contact(0).slug == "sam-lee-2");
}

TEST_CASE("import plan: matched by email first, then URL, then name") {
    const std::vector<Contact> existing = {person("a", "Ada Lovelace", {"Ada@Example.org"}),
                                           person("b", "Grace Hopper", {}, {"https://www.linkedin.com/in/grace/"}),
                                           person("c", "Claude Shannon")};
    const auto plan = plan_of(existing,
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
    const auto plan = plan_of({ada}, {record(in)}, "");
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
    const auto plan = plan_of({person("ada", "Ada Lovelace", {"ada@x"})}, {record(person("", "Ada King", {"ada@x"}))}, "");
    REQUIRE(plan.decisions[0].facts.size() == 1);
    CHECK(plan.decisions[0].facts[0].key == "aka");
    CHECK(plan.decisions[0].facts[0].value == "Ada King");
}

TEST_CASE("import plan: importing the same records again adds no one and merges nothing") {
    ImportRecords records = {record(person("", "Ada Lovelace", {"ada@x"}, {"https://ada.example"})),
                                         record(person("", "Grace Hopper", {"grace@x"}))};
    records[0].contact.title = "Analyst";
    records[0].contact.birthday = MonthDay{12, 10, 1815};
    const auto first = plan_of({}, records, "");
    CHECK(first.added == 2);
    std::vector<Contact> now;
    for (size_t d = 0; d < first.decisions.size(); ++d) now.push_back(first.contact(d));
    const auto second = plan_of(now, records, "");
    CHECK(second.added == 0);
    CHECK(second.merged == 0);
    CHECK(second.skipped == 2);
}

TEST_CASE("import plan: the same person twice in one file is added once, with both records' facts") {
    Contact first = person("", "Ada Lovelace", {"ada@x"});
    Contact again = person("", "Ada Lovelace", {"ada@work"});
    again.org = "Engines";
    const auto plan = plan_of({}, {record(first), record(again)}, "");
    CHECK(plan.added == 1);
    CHECK(plan.decisions[1].action == ImportAction::skip);
    CHECK(plan.contact(0).email == Strings{"ada@x", "ada@work"});
    CHECK(plan.contact(0).org == "Engines");
}

TEST_CASE("import plan: ImportNetwork keeps keys alone, and each person matched is read once, when planned") {
    std::vector<Contact> existing;
    for (int i = 0; i < 400; ++i) {
        Contact c = person("p" + std::to_string(i), "Person " + std::to_string(i));
        c.path = "contacts/" + c.slug + ".yaml";
        if (i % 3 == 0) c.email = {"P" + std::to_string(i) + "@Example.org"};
        if (i % 5 == 0) c.url = {"https://www.example.org/p" + std::to_string(i) + "/"};
        if (i % 7 == 0) c.aka = {"Nick " + std::to_string(i)};
        if (i % 4 == 0) c.title = "Engineer";
        c.archived = i % 11 == 0;
        existing.push_back(c);
    }
    existing.push_back(person("new-person", "Someone Unrelated"));   // holds the slug a new person would take
    existing.push_back(person("p-dup", "Person Twin", {"p3@example.org"}));  // a second holder of a key: the first wins
    // Each record with what it must become: the slug matched (or added) and by what ("" for an add).
    ImportRecords records;
    std::vector<std::pair<std::string, std::string>> expected;
    for (int i = 0; i < 400; ++i) {
        const std::string n = std::to_string(i), p = "p" + n;
        Contact in = person("", "Imported " + n);
        if (i % 27 == 0) in.email = {"p" + n + "@example.org"}, expected.emplace_back(p, "email");  // case folded
        else if (i % 5 == 0 && i % 3 != 0) in.url = {"http://example.org/p" + n}, expected.emplace_back(p, "url");
        else if (i % 7 == 0 && i % 5 != 0) in.name = "nick " + n, expected.emplace_back(p, "name");  // an aka
        else if (i % 13 == 0) in.name = "PERSON  " + n, expected.emplace_back(p, "name");
        else if (i % 17 == 0) expected.emplace_back("imported-" + n, "");
        else continue;
        in.title = i % 4 == 0 ? "Director" : "";
        in.org = "Org " + n;
        records.push_back(record(in));
    }
    records.push_back(record(person("", "New Person", {"new@x"}))), expected.emplace_back("new-person-2", "");
    records.push_back(record(person("", "New Person", {"new@x", "new@y"}))), expected.emplace_back("new-person-2", "email");
    records.push_back(record(person("", "p3 twin", {"P3@example.org"}))), expected.emplace_back("p3", "email");
    records.push_back(record(person("", "Nick 14", {}, {}))), expected.emplace_back("p14", "name");
    records.push_back(record(person("", "Person 6", {"p6@other.org"}))), expected.emplace_back("p6", "name");
    records.push_back(record(person("", "Person 6", {"p6@other.org", "p6@third.org"}))), expected.emplace_back("p6", "name");

    ImportNetwork gathered(records);
    for (const auto& c : existing) gathered.add(c);
    CHECK(gathered.known().size() < existing.size() / 2);  // most people are not even known by their keys
    std::map<std::string, int> reads;
    size_t batches = 0;
    const ImportPlan plan = plan_import(std::move(gathered), records, "loose", [&](const std::vector<KnownPerson>& people) {
        ++batches;
        std::vector<Contact> read;
        for (const auto& known : people) {
            ++reads[known.path];
            CHECK(existing[known.position].path == known.path);
            read.push_back(existing[known.position]);
        }
        return read;
    });
    REQUIRE(plan.decisions.size() == expected.size());
    std::set<std::string> matched;
    for (size_t i = 0; i < expected.size(); ++i) {
        const ImportDecision& d = plan.decisions[i];
        CHECK_MESSAGE(d.slug == expected[i].first, records[i].contact.name);
        CHECK_MESSAGE(d.matched_by == expected[i].second, records[i].contact.name);
        CHECK(d.path == "contacts/" + expected[i].first + ".yaml");
        CHECK((d.action == ImportAction::add) == expected[i].second.empty());
        if (!expected[i].second.empty() && d.slug.starts_with("p")) matched.insert(d.path);
        if (d.action == ImportAction::add) CHECK(records[i].contact.tier == "loose");
    }
    for (const auto& read : reads) CHECK_MESSAGE(read.second == 1, read.first);  // read once, and only when matched
    CHECK(reads.size() == matched.size());
    // Facts: an empty org is filled, a title set is kept; the same new person twice is one person.
    const auto p52 = std::find(expected.begin(), expected.end(), std::pair<std::string, std::string>{"p52", "name"});
    REQUIRE(p52 != expected.end());
    const ImportDecision& d52 = plan.decisions[static_cast<size_t>(p52 - expected.begin())];
    CHECK(d52.action == ImportAction::merge);
    CHECK(std::any_of(d52.facts.begin(), d52.facts.end(), [](const ImportFact& f) { return f.key == "org" && f.value == "Org 52"; }));
    CHECK(d52.disagreements == Strings{"title: kept 'Engineer', the import says 'Director'"});
    const size_t twin = expected.size() - 5;  // the second "New Person"
    CHECK(plan.decisions[twin].action == ImportAction::skip);
    CHECK(records[twin - 1].contact.email == Strings{"new@x", "new@y"});
    // Two records for one person: the second sees what the first merged (its own keys are no keys).
    REQUIRE(plan.decisions.back().facts.size() == 1);
    CHECK(plan.decisions.back().facts.front().value == "p6@third.org");
    CHECK(reads["contacts/p6.yaml"] == 1);
    CHECK(plan.added == size_t(std::count_if(expected.begin(), expected.end(), [](const auto& e) { return e.second.empty(); })));
}

}  // namespace unit_import_plan
