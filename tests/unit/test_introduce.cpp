#include <doctest/doctest.h>

#include "kith/query/introduce.hpp"
#include "kith/query/suggest.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_introduce {

using namespace kith;

static Contact make(const char* slug, const char* name) {
    Contact c;
    c.slug = slug;
    c.name = name;
    return c;
}

static bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

static Config signed_config() {
    Config config = default_config();
    config.me_name = "Sam Rivera";
    return config;
}

TEST_CASE("a full introduction says who, what they share, how I know them, and why") {
    Contact a = make("ada", "Ada Lovelace");
    a.title = "Lead Analyst";
    a.org = "Analytical Engines";
    a.role = "Runs the numbers team";
    a.email = {"ada@example.org"};
    a.met = "PyCon 2019";
    a.interests = {"Mathematics", "poetry", "chess"};
    a.tags = {"london"};
    Contact b = make("omar", "Omar Haddad");
    b.title = "Founder";
    b.org = "Sandstone";
    b.interests = {"poetry", "mathematics"};
    b.tags = {"london"};
    const Introduction intro = compose_introduction(a, b, signed_config(), "Omar needs a data partner");
    CHECK(intro.shared_interests == std::vector<std::string>{"Mathematics", "poetry"});
    CHECK(intro.shared_tags == std::vector<std::string>{"london"});
    const std::string& body = intro.introduce.body;
    CHECK(has(body, "Ada, Omar,\n"));
    CHECK(has(body, "Ada, meet Omar Haddad, Founder at Sandstone.\n"));
    CHECK(has(body, "Omar, meet Ada Lovelace, Lead Analyst at Analytical Engines (runs the numbers team).\n"));
    CHECK(has(body, "How I know Ada: PyCon 2019.\n"));
    CHECK(has(body, "You share an interest in Mathematics and poetry.\n"));
    CHECK(has(body, "Why I think you should talk: Omar needs a data partner.\n"));
    CHECK(body.ends_with("\nSam Rivera\n"));
    CHECK_FALSE(has(body, "london"));  // tags are private labels
    CHECK(intro.introduce.to == std::vector<std::string>{"Ada Lovelace <ada@example.org>", "Omar Haddad"});
    CHECK(intro.ask_a.subject == "Would you like to meet Omar Haddad?");
    CHECK(has(intro.ask_a.body, "Hi Ada,\n"));
    CHECK(has(intro.ask_b.body, "I'd like to introduce you to Ada Lovelace, Lead Analyst at Analytical Engines"));
}

TEST_CASE("missing fields read naturally: no 'at ,' fragments, no empty lists") {
    const Contact a = make("a", "Ann");
    Contact b = make("b", "Bo Li");
    b.org = "Acme";
    const Introduction intro = compose_introduction(a, b, default_config(), "");
    const std::string all = intro.introduce.body + intro.ask_a.body + intro.ask_b.body;
    CHECK(has(intro.introduce.body, "Ann, meet Bo Li, at Acme.\n"));
    CHECK(has(intro.introduce.body, "Bo, meet Ann.\n"));
    for (const char* fragment : {"at ,", " ,", ",.", "interest in .", "How I know", "Why I think", "  ", "\n\n\n"}) {
        CAPTURE(fragment);
        CHECK_FALSE(has(all, fragment));
    }
    CHECK(intro.introduce.body.ends_with("I'll leave it to you from here.\n"));  // no signature without me
    Contact c = make("c", "Cy");
    c.role = "CEO of a small startup";
    CHECK(has(compose_introduction(a, c, default_config(), "").introduce.body, "Ann, meet Cy (CEO of a small startup)."));
}

TEST_CASE("unicode names and long lists") {
    Contact a = make("taro", "山田 太郎");
    a.interests = {"robotics", "hardware", "sensors", "go", "tea"};
    Contact b = make("jose", "José Núñez");
    b.interests = {"tea", "Go", "SENSORS", "hardware", "robotics"};
    const Introduction intro = compose_introduction(a, b, default_config(), "");
    CHECK(has(intro.introduce.body, "山田 太郎, José,\n"));
    CHECK(has(intro.ask_a.body, "Hi 山田 太郎,\n"));
    CHECK(has(intro.introduce.body, "You share an interest in robotics, hardware, sensors, go and tea.\n"));
}

TEST_CASE("an introduction recorded in either file is found") {
    Contact a = make("a", "A"), b = make("b", "B");
    CHECK_FALSE(already_introduced(a, b));
    b.log.push_back(LogEntry{*parse_iso_day("2026-01-01"), "intro", "", "a", 0});
    CHECK(already_introduced(a, b));
    CHECK(already_introduced(b, a));
}

static std::vector<std::string> pairs(const std::vector<Contact>& people, SuggestQuery query = {}) {
    std::vector<std::string> out;
    for (const auto& s : suggest_introductions(people, default_config(), query))
        out.push_back(s.a->slug + "+" + s.b->slug);
    return out;
}

TEST_CASE("suggestions rank shared interests, tags and matching whys, with reasons") {
    std::vector<Contact> people = {make("ada", "Ada"), make("bob", "Bob"), make("cy", "Cy"), make("di", "Di")};
    people[0].interests = {"hardware", "poetry"};
    people[0].why = "Learn how hardware teams plan";
    people[0].org = "Engines";
    people[1].interests = {"hardware"};
    people[1].title = "Hardware lead";
    people[1].org = "Navy";
    people[2].interests = {"poetry"};
    people[2].tags = {"london"};
    people[3].tags = {"london"};
    const auto ranked = suggest_introductions(people, default_config(), {});
    REQUIRE(ranked.size() == 3);
    CHECK(ranked[0].a->slug == "ada");
    CHECK(ranked[0].b->slug == "bob");
    // 3 (hardware) + 4 (Ada's why matches Bob) + 0.5 (other org) + 2 × 1/3 (both loose).
    CHECK(ranked[0].score == doctest::Approx(8.17));
    CHECK(ranked[0].reasons[0] == "both into hardware");
    CHECK(ranked[0].reasons[1] == "Ada wants 'Learn how hardware teams plan': Bob has hardware");
    CHECK(ranked[0].reasons[2] == "Engines / Navy");
    CHECK(pairs(people) == std::vector<std::string>{"ada+bob", "ada+cy", "cy+di"});
}

TEST_CASE("suggestions leave out the introduced, the same organisation, the archived") {
    std::vector<Contact> people = {make("a", "A"), make("b", "B"), make("c", "C"), make("d", "D")};
    for (auto& p : people) p.interests = {"chess"};
    people[0].org = "Acme";
    people[1].org = "ACME";
    people[2].log.push_back(LogEntry{*parse_iso_day("2026-01-01"), "intro", "", "d", 0});
    CHECK(pairs(people) == std::vector<std::string>{"a+c", "a+d", "b+c", "b+d"});
    SuggestQuery with_org;
    with_org.same_org = true;
    CHECK(pairs(people, with_org).size() == 5);
    people[3].introduced_by = "a";
    people[1].archived = true;
    CHECK(pairs(people) == std::vector<std::string>{"a+c"});
}

TEST_CASE("suggestions for one person, a limit, and a deterministic order on ties") {
    std::vector<Contact> people;
    for (const char* slug : {"e", "d", "c", "b", "a"}) {
        people.push_back(make(slug, slug));
        people.back().interests = {"chess"};
    }
    SuggestQuery query;
    query.limit = 3;
    CHECK(pairs(people, query) == std::vector<std::string>{"a+b", "a+c", "a+d"});
    query.only = &people[1];  // d
    query.limit = 0;
    CHECK(pairs(people, query) == std::vector<std::string>{"a+d", "b+d", "c+d", "d+e"});
}

}  // namespace unit_introduce
