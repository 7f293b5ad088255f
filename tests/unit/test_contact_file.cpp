#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/base/error.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_contact_file {

using namespace kith;

static std::string problem(const std::string& bytes) {
    try {
        parse_contact(bytes, "contacts/x.yaml", default_config());
    } catch (const Error& e) {
        return e.located();
    }
    return "";
}

TEST_CASE("a full contact of SPEC 3 reads into its struct") {
    const std::string file = R"(name: Ada Lovelace
aka: [Ada King]
tier: core
cadence: 2w
title: Lead Analyst
org: Analytical Engines Ltd
email: [ada@example.org]
phone: ["+44 20 7946 0000"]
prefer: email
interests: [mathematics, poetry]
tags: mentor
birthday: 1815-12-10
since: 2019-03-02
snooze: 2026-12-10
my_own_key: {anything: [goes]}
dates:
  - {date: 2020-06-01, what: started at Analytical Engines}
followups:
  - {due: 2026-12-05, what: send the engine paper}
  - {due: 2026-11-01, what: ask if the intro helped, done: 2026-11-03}
log:
  - {date: 2026-10-11, kind: lunch, note: New role; wants hardware contacts}
  - {date: 2026-11-26, kind: intro, with: grace-hopper}
)";
    const Contact c = parse_contact(file, "contacts/ada.yaml", default_config());
    CHECK(c.name == "Ada Lovelace");
    CHECK(c.aka == std::vector<std::string>{"Ada King"});
    CHECK(c.cadence == Duration{2, 'w'});
    CHECK(c.phone[0] == "+44 20 7946 0000");
    CHECK(c.tags == std::vector<std::string>{"mentor"});
    CHECK(c.birthday == MonthDay{12, 10, 1815});
    CHECK(format_day(*c.snooze) == "2026-12-10");
    CHECK(c.dates.size() == 1);
    CHECK(c.followups.size() == 2);
    CHECK(c.followups[1].done);
    CHECK(c.log.size() == 2);
    CHECK(c.log[1].with == "grace-hopper");
    CHECK(c.log[0].line == 22);
}

TEST_CASE("schema errors are located at the value") {
    CHECK(problem("name: Ada\n\n\n\n\n\ntier: cor\n") ==
          "contacts/x.yaml:7:7: unknown tier 'cor' (tiers: core, close, loose)");
    CHECK(problem("name: Ada\nsince: 2019-02-30\n") ==
          "contacts/x.yaml:2:8: 'since' must be a day as YYYY-MM-DD, not '2019-02-30'");
    CHECK(problem("name: Ada\ncadence: often\n").find("2:10: 'cadence' must be a duration") != std::string::npos);
    CHECK(problem("name: Ada\nlog:\n  - {kind: call}\n").find("3:5: each item of 'log' needs a 'date'") != std::string::npos);
    CHECK(problem("name: Ada\nlog: call\n").find("2:6: 'log' must be a list") != std::string::npos);
    CHECK(problem("name: [a, b]\n").find("1:7: 'name' must be text") != std::string::npos);
    CHECK(problem("tier: core\n").find("'name' is required") != std::string::npos);
    CHECK(problem("- just\n- a list\n").find("must be a map") != std::string::npos);
    CHECK(problem("").find("must be a map") != std::string::npos);
}

TEST_CASE("new files are written in canonical order, quoting what needs it") {
    Contact c;
    c.name = "Ada Lovelace";
    c.tier = "core";
    c.title = "Lead: Analyst";
    c.since = parse_iso_day("2026-11-28");
    c.birthday = MonthDay{12, 10, std::nullopt};
    c.interests = {"maths", "no"};
    c.cadence = Duration{2, 'w'};
    const std::string text = render_new_contact(c);
    CHECK(text ==
          "name: Ada Lovelace\ntier: core\ncadence: 2w\ntitle: \"Lead: Analyst\"\ninterests: [maths, \"no\"]\n"
          "birthday: --12-10\nsince: 2026-11-28\n");
    const Contact back = parse_contact(text, "contacts/ada.yaml", default_config());
    CHECK(back.title == "Lead: Analyst");
    CHECK(back.interests == c.interests);
    CHECK(back.birthday == c.birthday);
}

}  // namespace unit_contact_file
