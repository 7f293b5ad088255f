// due's text at 60, 80 and 120 columns; the table's word-keeping last column; graded colour.
#include <doctest/doctest.h>

#include <sstream>

#include "kith/model/due.hpp"
#include "kith/views/due_view.hpp"
#include "kith/query/excerpt.hpp"
#include "kith/views/profile.hpp"
#include "kith/base/text.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_due_view {

using namespace kith;

namespace {

Day day_of(const char* text) { return *parse_iso_day(text); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<Contact> network() {
    Contact a;
    a.slug = "alexandra-konstantinopoulou";
    a.name = "Alexandra Konstantinopoulou";
    a.tier = "core";
    a.prefer = "message";
    a.log = {LogEntry{day_of("2026-09-02"), "meeting", "Quarterly review; unhappy with latency and the new pricing", "", 0}};
    a.followups = {{day_of("2026-11-20"), "send the renewal proposal with the revised numbers for next year", std::nullopt, 0}};
    Contact b;
    b.slug = "bo";
    b.name = "Bo";
    b.tier = "loose";
    b.log = {LogEntry{day_of("2025-09-01"), "call", "Asked about senior roles", "", 0}};
    return {a, b};
}

}  // namespace

TEST_CASE("due text keeps whole names and whole days at 60, 80 and 120 columns") {
    const std::vector<Contact> contacts = network();
    DueQuery query;
    query.today = day_of("2026-11-28");
    const auto items = due_items(contacts, default_config(), query);
    for (int width : {60, 80, 120}) {
        CAPTURE(width);
        const std::string text = render_due_text(items, TextStyle{width, false});
        for (const auto& line : lines_of(text)) CHECK(display_width(line) <= width);
        if (width >= 80) CHECK(text.find("Alexandra Konstantinopoulou") != std::string::npos);
        CHECK(text.find("2026-09-02") != std::string::npos);  // the last contact's day is never cut
        CHECK(text.find("2025-09-01") != std::string::npos);
    }
    // At 120 the last contact is wrapped in its column (issue 20: wrapped, never cut); at 60 it
    // goes below, wrapped.
    const auto wide = lines_of(render_due_text(items, TextStyle{120, false}));
    CHECK(wide[3] == "  Alexandra Konstantinopoulou  core   57 days overdue   2.9×  via message  "
                     "last: meeting 2026-09-02: Quarterly review;");
    CHECK(wide[4] == std::string(75, ' ') + "unhappy with latency and the new pricing");
    const std::string at_60 = render_due_text(items, TextStyle{60, false});
    const auto narrow = lines_of(at_60);
    CHECK(narrow[1] == "  Bo           loose  273 days overdue  2.5×");  // a 27-letter name gives way at 60
    CHECK(narrow[2] == "      last: call 2025-09-01: Asked about senior roles");
    // A follow-up with no room beside the name goes below, wrapped, never cut into a column of words.
    CHECK(at_60.find("…") == at_60.find("Alexandra …") + std::string("Alexandra ").size());
    CHECK(at_60.find("…", at_60.find("…") + 1) == std::string::npos);
    CHECK(at_60.find("      send the renewal proposal with the revised numbers for\n      next year") != std::string::npos);
    const auto middle = lines_of(render_due_text(items, TextStyle{80, false}));
    CHECK(middle[3] == "  Alexandra Konstantinopoulou  core   57 days overdue   2.9×  via message");
    CHECK(middle[4] == "      last: meeting 2026-09-02: Quarterly review; unhappy with latency and the");
    CHECK(middle[5] == "      new pricing");
}

TEST_CASE("lateness is graded: ahead, today, under a week, under a month, longer") {
    CHECK(lateness_tone(-3) == Tone::soft);
    CHECK(lateness_tone(0) == Tone::plain);
    CHECK(lateness_tone(3) == Tone::late);
    CHECK(lateness_tone(8) == Tone::alert);
    CHECK(lateness_tone(45) == Tone::overdue);
    CHECK(paint("x", Tone::late, true) == "\033[33mx\033[0m");
    CHECK(paint("x", Tone::overdue, true) == "\033[1;31mx\033[0m");
    CHECK(paint("x", Tone::overdue, false) == "x");
}

TEST_CASE("wrap_words breaks between words") {
    CHECK(wrap_words("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
    CHECK(wrap_words("", 9) == std::vector<std::string>{""});
}

TEST_CASE("wrap_words breaks a word wider than a line over lines, never cuts it") {
    CHECK(wrap_words("see abcdefghijkl now", 5) == std::vector<std::string>{"see", "abcde", "fghij", "kl", "now"});
    CHECK(wrap_words("東京都千代田区", 5) == std::vector<std::string>{"東京", "都千", "代田", "区"});
    // a combining accent stays with its letter
    CHECK(wrap_words("abcde\u0301fg", 5) == std::vector<std::string>{"abcde\u0301", "fg"});
}

TEST_CASE("wrap_hanging keeps a message's place at the start and indents the rest") {
    CHECK(wrap_hanging("a.yaml:1:2: short", 40) == "a.yaml:1:2: short");
    CHECK(wrap_hanging("a.yaml:1:2: one two three four", 20) == "a.yaml:1:2: one two\n    three four");
    CHECK(wrap_hanging("contacts/abcdefghijklmnopqrstuvwxyz.yaml:1:2: bad tier", 24) ==
          "contacts/abcdefghijklmno\npqrstuvwxyz.yaml:1:2:\n    bad tier");
    CHECK(wrap_hanging("anything at all", 0) == "anything at all");
}

TEST_CASE("shrinkable columns give way together, down to the next widest, before names") {
    Table table;
    table.columns = {{.key = "a", .heading = "A", .shrink = true}, {.key = "b", .heading = "B", .shrink = true},
                     {.key = "name", .heading = "NAME", .shrink = true, .name = true}};
    table.add({std::string(30, 'a'), std::string(30, 'b'), "Ada Lovelace"});
    // 30 + 30 + 12 and two gaps of 2 is 76: at 60, the slugs lose 8 each and the name nothing
    const std::string text = render_text(table, TextStyle{60, false, false});
    CHECK(text == std::string(21, 'a') + "…  " + std::string(21, 'b') + "…  Ada Lovelace\n");
}

TEST_CASE("a match is shown in its context") {
    const std::string notes = "We met at the fair in Lyon; she builds small robots for schools and wants partners in Asia";
    CHECK(match_excerpt(notes, "robots", 3) == "…she builds small robots for schools and…");
    CHECK(match_excerpt(notes, "ROBOTS FOR", 1) == "…small robots for schools…");
    CHECK(match_excerpt("Núñez works here", "nunez") == "Núñez works here");
    CHECK(match_excerpt("a b c", "zzz") == "a b c");
}

TEST_CASE("a profile is for people: day and month, names, no 0.0×, wrapped values") {
    Contact c;
    c.slug = "ada";
    c.name = "Ada";
    c.birthday = MonthDay{12, 10, std::nullopt};
    c.introduced_by = "grace-hopper";
    c.why = "A long reason that runs on and on, far past the width of a narrow terminal window";
    c.log = {LogEntry{day_of("2026-11-28"), "intro", "", "grace-hopper", 0}};
    ProfileView view{60, {{"grace-hopper", "Grace Hopper"}}};
    const std::string text = render_profile(c, default_config(), day_of("2026-11-28"), view);
    CHECK(text.find("birthday   10 Dec\n") != std::string::npos);
    CHECK(text.find("introduced by Grace Hopper\n") != std::string::npos);
    CHECK(text.find("with Grace Hopper") != std::string::npos);
    CHECK(text.find("0.0×") == std::string::npos);
    for (const auto& line : lines_of(text)) CHECK(display_width(line) <= 60);
    CHECK(text.find("  why        A long reason that runs on and on, far past the\n"
                    "             width of a narrow terminal window\n") != std::string::npos);
    CHECK(month_day_for_people(MonthDay{2, 29, 1996}) == "29 Feb 1996");
}

}  // namespace unit_due_view
