#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kith/views/health.hpp"
#include "kith/views/health_json.hpp"
#include "kith/views/report_html.hpp"
#include "kith/views/stats_view.hpp"
#include "kith/base/xml.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_health {

using namespace kith;

namespace {

Day day(const char* text) { return *parse_iso_day(text); }

LogEntry entry(const char* when, const char* kind = "call", const char* with = "") {
    return LogEntry{day(when), kind, "", with, 0};
}

FollowUp promise(const char* due, const char* done = nullptr) {
    FollowUp f{day(due), "promise", std::nullopt, 0};
    if (done) f.done = day(done);
    return f;
}

Contact person(const char* slug, const char* tier) {
    Contact c;
    c.slug = slug;
    c.name = std::string("Person ") + slug;
    c.tier = tier;
    return c;
}

// A small network, hand-computed on 2026-11-28 over 4 months (from 2026-08-01, recent half from 2026-10-01).
std::vector<Contact> network() {
    Contact a = person("a", "core");
    a.log = {entry("2026-08-05"), entry("2026-08-20", "lunch"), entry("2026-10-05", "note"), entry("2026-11-20")};
    a.followups = {promise("2026-09-10", "2026-09-09"), promise("2026-10-15", "2026-10-20"), promise("2026-11-01"),
                   promise("2026-11-10", "2026-12-01"), promise("2026-11-28"), promise("2026-12-10"),
                   promise("2026-07-01", "2026-07-01")};
    Contact b = person("b", "core");
    b.log = {entry("2026-09-01", "intro", "c"), entry("2026-10-25")};
    b.log[0].note = "they should meet about the engine, which is a long story to tell in one tooltip";
    Contact c = person("c", "core");
    c.log = {entry("2026-08-10", "coffee"), entry("2026-09-01", "intro", "b")};
    c.followups = {promise("2026-09-20", "2026-09-15")};
    Contact d = person("d", "core");
    d.since = day("2026-11-05");
    Contact e = person("e", "close");
    Contact f = person("f", "loose");
    f.log = {entry("2026-08-02"), entry("2026-08-03"), entry("2026-08-04"), entry("2026-10-02"),
             entry("2026-11-01", "intro", "zed")};
    Contact g = person("g", "core");
    g.archived = true;
    g.log = {entry("2026-11-01")};
    g.followups = {promise("2026-11-01")};
    Contact h = person("h", "vip");
    h.log = {entry("2026-11-27"), entry("2026-12-01")};
    return {h, g, f, e, d, c, b, a};  // not in slug order: the figures must not depend on it
}

Health health_of(const std::vector<Contact>& contacts) {
    return compute_health(contacts, default_config(), day("2026-11-28"), 4);
}

}  // namespace

TEST_CASE("health: the window, people and interactions") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    CHECK(format_day(h.from) == "2026-08-01");
    CHECK(format_day(h.half) == "2026-10-01");
    CHECK(h.people == 7);         // g is archived
    CHECK(h.interactions == 13);  // notes, entries after today and archived people do not count
    REQUIRE(h.days.size() == 120);
    CHECK(h.days[31].count == 2);  // 2026-09-01: the introduction, logged on both
    CHECK(h.days[31].who ==
          std::vector<std::string>{"Person b (intro: they should meet about the engine, which is a long story to…)",
                                   "Person c (intro)"});
    CHECK(h.weeks == std::vector<size_t>{0, 4, 1, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1});
}

TEST_CASE("health: each tier on time, due soon, overdue and median staleness") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    REQUIRE(h.tiers.size() == 4);
    CHECK(h.tiers[0].tier == "core");
    CHECK(h.tiers[0].members == 4);
    CHECK(h.tiers[0].on_time == 1);   // a, due 2026-12-20, beyond the 14-day notice
    CHECK(h.tiers[0].due_soon == 1);  // d, due 2026-12-05
    CHECK(h.tiers[0].overdue == 2);   // b and c
    CHECK(*h.tiers[0].median_staleness == doctest::Approx((23.0 + 34.0) / 60.0));
    CHECK(h.tiers[1].tier == "close");
    CHECK(h.tiers[1].overdue == 1);  // e: never in touch
    CHECK_FALSE(h.tiers[1].median_staleness);
    CHECK(h.tiers[2].tier == "loose");
    CHECK(h.tiers[2].on_time == 1);
    CHECK(*h.tiers[2].median_staleness == doctest::Approx(27.0 / 180.0));
    CHECK(h.tiers[3].tier == "vip");  // a tier the settings do not know comes last
    CHECK(h.tiers[3].on_time == 1);
}

TEST_CASE("health: the most overdue first, with their last interaction") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    REQUIRE(h.overdue.size() == 3);
    CHECK(h.overdue[0].slug == "c");
    CHECK(h.overdue[0].overdue == 58);
    CHECK(h.overdue[0].last.starts_with("intro 2026-09-01"));
    CHECK(h.overdue[1].slug == "b");
    CHECK(h.overdue[1].overdue == 4);
    CHECK(h.overdue[2].slug == "e");
    CHECK(h.overdue[2].overdue == 0);
    CHECK(h.overdue[2].last == "no contact yet");
}

TEST_CASE("health: promises month by month") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    REQUIRE(h.promises.size() == 4);
    CHECK(h.promises[0].label() == "2026-08");
    CHECK(h.promises[0].on_time + h.promises[0].late + h.promises[0].open_past_due == 0);
    CHECK(h.promises[1].on_time == 2);  // a's and c's, done before their day
    CHECK(h.promises[2].late == 1);
    CHECK(h.promises[3].open_past_due == 2);  // done after today is not done yet; due today is not past due
    CHECK(h.promises_on_time == 2);
    CHECK(h.promises_late == 1);
    CHECK(h.promises_open == 2);
    CHECK(h.kept_percent() == 40);
    CHECK_FALSE(health_of({}).kept_percent());
}

TEST_CASE("health: introductions counted once, followed up by a later contact or a done follow-up") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    REQUIRE(h.intros.size() == 2);
    CHECK(h.intros[0].from_slug == "f");
    CHECK(h.intros[0].with_name == "zed");  // not in the network: the slug
    CHECK_FALSE(h.intros[0].followed_up);
    CHECK(h.intros[1].from_slug == "b");
    CHECK(h.intros[1].with_name == "Person c");
    CHECK(format_day(*h.intros[1].followed_up) == "2026-09-15");  // c's follow-up, before b's call
}

TEST_CASE("health: gone quiet, largest fall first, then the busier before") {
    const auto contacts = network();
    const Health h = health_of(contacts);
    REQUIRE(h.quiet.size() == 3);
    CHECK(h.quiet[0].slug == "c");
    CHECK((h.quiet[0].before == 2 && h.quiet[0].recent == 0));
    CHECK(h.quiet[1].slug == "f");
    CHECK((h.quiet[1].before == 3 && h.quiet[1].recent == 2));
    CHECK(h.quiet[2].slug == "a");
}

TEST_CASE("health: json holds the same figures") {
    const auto contacts = network();
    const auto j = nlohmann::json::parse(health_json(health_of(contacts), 2));
    CHECK(j["people"] == 7);
    CHECK(j["tiers"][0]["due_soon"] == 1);
    CHECK(j["tiers"][0]["median_staleness"] == 0.95);
    CHECK(j["tiers"][1]["median_staleness"].is_null());
    CHECK(j["promises"]["kept_percent"] == 40);
    CHECK(j["promises"]["months"][3]["open_past_due"] == 2);
    CHECK(j["overdue_count"] == 3);
    CHECK(j["overdue"].size() == 2);  // cut to top
    CHECK(j["introductions"]["count"] == 2);
    CHECK(j["introductions"]["followed_up"] == 1);
    CHECK(j["quiet"][0]["slug"] == "c");
    CHECK(j["days"].size() == 120);
}

TEST_CASE("stats: tier bars and sparkline") {
    TierHealth tier{"core", 4, 1, 1, 2, std::nullopt};
    CHECK(tier_bar(tier, 20, false) == "█████▒▒▒▒▒░░░░░░░░░░");
    CHECK(tier_bar(TierHealth{"x", 3, 1, 1, 1, std::nullopt}, 10, false) == "████▒▒▒░░░");
    CHECK(tier_bar(TierHealth{}, 3, false) == "···");
    CHECK(sparkline({0, 1, 4, 2}) == "▁▂█▄");
    CHECK(sparkline({0, 1}) == "▁█");
}

TEST_CASE("report: xml_escape") {
    CHECK(xml_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    CHECK(xml_escape("tab\tline\n") == "tab\tline\n");
    CHECK(xml_escape("José 山田") == "José 山田");
    CHECK(xml_escape("a\x01" "b\x7f") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(xml_escape("\xC3") == "\xEF\xBF\xBD");                  // cut short
    CHECK(xml_escape("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
    CHECK(xml_escape("\xED\xA0\x80").find("\xED") == std::string::npos);  // a surrogate
    CHECK(xml_escape("\xEF\xBF\xBF") == "\xEF\xBF\xBD");          // U+FFFF
    CHECK(xml_escape("\xC2\x85") == "\xEF\xBF\xBD");              // a C1 control
}

TEST_CASE("report: user strings are escaped, in the page and in the embedded figures") {
    auto contacts = network();
    contacts[0].name = "<b>Eve</b> & \"Mallory\" </script>";
    const std::string page = render_report_html(health_of(contacts), 10);
    CHECK(page.find("<b>Eve") == std::string::npos);
    CHECK(page.find("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Mallory&quot;") != std::string::npos);
    const size_t script = page.find("<script type=\"application/json\" id=\"kith-figures\">");
    REQUIRE(script != std::string::npos);
    CHECK(page.find("</script>") == page.rfind("</script>"));
    const size_t start = page.find('>', script) + 1;
    const auto figures = nlohmann::json::parse(page.substr(start, page.find("</script>") - start));
    CHECK(figures == nlohmann::json::parse(health_json(health_of(contacts), 10)));
}

TEST_CASE("health: the window never starts before year 1") {
    const Health h = compute_health({}, default_config(), day("0001-03-05"), 12);
    CHECK(format_day(h.from) == "0001-01-01");
    CHECK(format_day(h.half) == "0001-01-01");
    CHECK(h.promises.size() == 3);
    CHECK(h.days.size() == 64);
    const Health last = compute_health({}, default_config(), day("9999-12-31"), 1);
    CHECK(format_day(last.from) == "9999-12-01");
    CHECK(last.promises.size() == 1);
}

}  // namespace unit_health
