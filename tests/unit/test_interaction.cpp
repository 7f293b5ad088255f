#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/base/error.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/interaction.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_interaction {

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

namespace {

// The lines of `out` that are not in `file`, found by walking both: the rest of `out` must be
// `file`'s lines, byte for byte and in order (a last line gets its line break when lines follow).
std::vector<std::string> added_lines(const std::string& file, const std::string& out) {
    const auto lines = [](const std::string& text) {
        std::vector<std::string> found;
        for (size_t at = 0; at < text.size();) {
            const size_t end = std::min(text.find('\n', at), text.size() - 1) + 1;
            found.push_back(text.substr(at, end - at));
            at = end;
        }
        return found;
    };
    const std::vector<std::string> before = lines(file), after = lines(out);
    std::vector<std::string> added;
    size_t kept = 0;
    for (const std::string& line : after) {
        const bool last = kept + 1 == before.size() && !file.ends_with('\n');
        if (kept < before.size() && (line == before[kept] || (last && line == before[kept] + "\n"))) ++kept;
        else added.push_back(line);
    }
    CHECK(kept == before.size());
    return added;
}

}  // namespace

// Issue 22, item 11: a sync writes each person's file once, with all its new entries in one edit.
TEST_CASE("log entries added in one edit give the text of adding them one by one, the rest of the file kept") {
    const auto on = [](const char* day, const char* kind, const char* note) { return LogEntry{*parse_iso_day(day), kind, note, "", 0}; };
    const std::vector<std::string> files = {
        "name: Ada\n",
        "name: Ada  # the first\nlog: []  # none yet\nnotes: hi\n",
        "name: Ada\nlog:\n",
        "# who\nname: Ada\nlog:\n  # March\n  - {date: 2026-03-01, kind: call}\n\n  - date: 2026-03-05\n    kind: lunch  # long\n"
        "  # later\n  - {date: 2026-03-09, kind: email}\n  # end of the log\n\ntags: [a]\n",
        "name: Ada\r\nlog:\r\n    - {date: 2026-03-09, kind: call}\r\n    - {date: 2026-03-01, kind: call}\r\n",  // out of order, CRLF
        "name: Ada\nlog:\n- {date: 2026-03-03}\n- {date: 2026-03-04, kind: call}\nnotes: |\n  text\n",  // no final newline below
        "name: Ada\nlog:\n  - {date: 2026-03-03, kind: call}",
    };
    const std::vector<std::vector<LogEntry>> batches = {
        {on("2026-03-02", "email", "")},
        {on("2026-03-10", "email", ""), on("2026-02-01", "email", ""), on("2026-03-05", "meeting", "Plan: 1, 2"),
         on("2026-03-03", "email", ""), on("2026-03-05", "meeting", "Review #2"), on("2026-03-01", "email", "")},
        {on("2026-04-01", "email", ""), on("2026-04-02", "email", ""), on("2026-01-01", "meeting", "a"), on("2026-01-01", "meeting", "b")},
    };
    for (const std::string& file : files) {
        for (const auto& batch : batches) {
            CAPTURE(file);
            std::string one_by_one = file;
            for (const LogEntry& entry : batch) one_by_one = add_log_entry(one_by_one, entry, "x.yaml");
            const std::string together = add_log_entries(file, batch, "x.yaml");
            CHECK(together == one_by_one);
            if (file.find("[]") == std::string::npos)  // "log: []" becomes "log:"; every other line stays
                CHECK(added_lines(file, together).size() == batch.size() + (file.find("log:") == std::string::npos ? 1 : 0));
            CHECK(parse_contact(together, "x.yaml", default_config()).log.size() ==
                  parse_contact(file, "x.yaml", default_config()).log.size() + batch.size());
        }
    }
    CHECK(add_log_entries("name: Ada\n", {}, "x.yaml") == "name: Ada\n");
    // Checked by the reader as every edit: a log kith cannot tell the items of is refused whole.
    CHECK_REFUSED(add_log_entries("name: Ada\nlog: [{date: 2026-03-01}]\n", batches[1], "x.yaml"), ErrorKind::invalid,
                  "'log' is written on one line");
}

}  // namespace unit_interaction
