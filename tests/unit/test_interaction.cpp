#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/interaction.hpp"
#include "refused.hpp"

using namespace kith;

TEST_CASE("log entries are one flow line with quoted notes when needed") {
    const LogEntry e{*parse_iso_day("2026-11-28"), "lunch", "Talked: hardware, plans", "", 0};
    CHECK(log_entry_line(e) == "{date: 2026-11-28, kind: lunch, note: \"Talked: hardware, plans\"}");
    const LogEntry intro{*parse_iso_day("2026-11-28"), "intro", "", "grace-hopper", 0};
    CHECK(log_entry_line(intro) == "{date: 2026-11-28, kind: intro, with: grace-hopper}");
    const LogEntry bare{*parse_iso_day("2026-11-28"), "", "", "", 0};
    CHECK(log_entry_line(bare) == "{date: 2026-11-28}");
}

TEST_CASE("an entry added to a file reads back with the same fields") {
    const std::string file = "name: Ada\nlog:\n  - {date: 2026-10-01, kind: call}\n";
    const LogEntry e{*parse_iso_day("2026-09-01"), "coffee", "no", "", 0};
    const Contact c = parse_contact(add_log_entry(file, e, "x"), "x", default_config());
    REQUIRE(c.log.size() == 2);
    CHECK(c.log[0].kind == "coffee");
    CHECK(c.log[0].note == "no");
}

TEST_CASE("done picks the open follow-up by text, refusing ambiguity") {
    Contact c;
    c.name = "Ada";
    c.followups = {{*parse_iso_day("2026-11-01"), "send the paper", *parse_iso_day("2026-11-02"), 0},
                   {*parse_iso_day("2026-12-01"), "send the slides", std::nullopt, 0},
                   {*parse_iso_day("2026-12-02"), "ask about the role", std::nullopt, 0}};
    CHECK(pick_open_followup(c, "slides") == 1);
    CHECK(pick_open_followup(c, "ROLE") == 2);
    CHECK_REFUSED(pick_open_followup(c, ""),
        ErrorKind::usage, "Ada has 2 open follow-ups: 'send the slides', 'ask about");
    CHECK_REFUSED(pick_open_followup(c, "paper"),
        ErrorKind::usage, "no open follow-up of Ada matches 'paper' (open: 'send the");  // done already
    CHECK_REFUSED(pick_open_followup(c, "zzz"),
        ErrorKind::usage, "no open follow-up of Ada matches 'zzz' (open: 'send the");
    c.followups.pop_back();
    CHECK(pick_open_followup(c, "") == 1);
}

TEST_CASE("a log day after today is refused") {
    CHECK_REFUSED(check_not_future(*parse_iso_day("2026-11-29"), *parse_iso_day("2026-11-28")),
        ErrorKind::usage, "cannot log 2026-11-29, a day after today (2026-11-28); a");
    CHECK_NOTHROW(check_not_future(*parse_iso_day("2026-11-28"), *parse_iso_day("2026-11-28")));
}

TEST_CASE("done decides under the lock: a follow-up added in between does not shift which item is closed") {
    // What `kith done ada paper` read before it took the lock: one open follow-up, item 0.
    const std::string seen = "name: Ada\nfollowups:\n  - {due: 2026-12-05, what: send the paper}\n";
    // Under the lock the file is another: a `kith follow` put an earlier follow-up before it.
    const std::string now = add_followup(seen, FollowUp{*parse_iso_day("2026-12-01"), "call about the role", std::nullopt, 0}, "x");
    const Day today = *parse_iso_day("2026-11-28");
    // The old way, an index from the first read applied to the second text, closes the wrong one.
    const size_t stale = pick_open_followup(parse_contact(seen, "x", default_config()), "paper");
    const Contact wrong = parse_contact(set_item_field(now, "followups", stale, "done", "2026-11-28", "x"), "x", default_config());
    CHECK(wrong.followups[0].what == "call about the role");
    CHECK(wrong.followups[0].done);
    // The edit `done` makes decides from the text it is handed.
    FollowUp closed;
    const Contact after = parse_contact(close_followup(now, "paper", today, "x", default_config(), closed), "x", default_config());
    CHECK(closed.what == "send the paper");
    REQUIRE(after.followups.size() == 2);
    CHECK(after.followups[0].what == "call about the role");
    CHECK_FALSE(after.followups[0].done);
    CHECK(after.followups[1].what == "send the paper");
    CHECK(after.followups[1].done == today);
    // Without TEXT, the one open follow-up it saw is now one of two: refused, nothing closed.
    CHECK_REFUSED(close_followup(now, "", today, "x", default_config(), closed),
        ErrorKind::usage, "Ada has 2 open follow-ups: 'call about the role', 'send the");
    // Closed in between by another `done`: gone, refused.
    const std::string gone = set_item_field(now, "followups", 1, "done", "2026-11-27", "x");
    CHECK_REFUSED(close_followup(gone, "paper", today, "x", default_config(), closed),
        ErrorKind::usage, "no open follow-up of Ada matches 'paper' (open: 'call about");
}
