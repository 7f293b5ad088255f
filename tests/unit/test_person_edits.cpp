#include <doctest/doctest.h>

#include "kith/model/contact_file.hpp"
#include "kith/model/person_edits.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_person_edits {

using namespace kith;

namespace {

const std::string ada =
    "name: Ada Lovelace   # the first programmer\n"
    "tier: close\n"
    "log:\n"
    "  - {date: 2026-10-01, kind: call}\n"
    "  - {date: 2026-11-02, kind: lunch, note: plans}  # newest\n"
    "  - {date: 2026-09-01, kind: email}\n"
    "followups:\n"
    "  - {due: 2026-12-01, what: send the slides}\n"
    "  - {due: 2026-12-05, what: ask about the role}\n";

Day day(const char* text) { return *parse_iso_day(text); }

}  // namespace

TEST_CASE("undo_last_entry removes the newest entry by day, not the last written, and says which") {
    const EntryChange undone = undo_last_entry(ada, "contacts/ada.yaml", default_config());
    CHECK(undone.was.date == day("2026-11-02"));
    CHECK(undone.was.kind == "lunch");
    CHECK(undone.text == "name: Ada Lovelace   # the first programmer\ntier: close\nlog:\n"
                         "  - {date: 2026-10-01, kind: call}\n  - {date: 2026-09-01, kind: email}\n"
                         "followups:\n  - {due: 2026-12-01, what: send the slides}\n  - {due: 2026-12-05, what: ask about the role}\n");
    CHECK_REFUSED(undo_last_entry("name: Ada\n", "contacts/ada.yaml", default_config()), ErrorKind::usage, "Ada has no log entry");
}

TEST_CASE("amend_last_entry keeps what the correction does not give, and places the entry by its new day") {
    EntryFix fix;
    fix.note = "plans, and the slides";
    fix.date = day("2026-09-15");
    const EntryChange amended = amend_last_entry(ada, fix, "contacts/ada.yaml", default_config());
    CHECK(amended.was.note == "plans");
    CHECK(amended.now.kind == "lunch");
    CHECK(amended.now.note == "plans, and the slides");
    const Contact read = parse_contact(amended.text, "contacts/ada.yaml", default_config());
    REQUIRE(read.log.size() == 3);
    CHECK(read.log[0].date == day("2026-09-15"));  // before the entry of 2026-10-01 it follows by day
    CHECK(amended.text.starts_with("name: Ada Lovelace   # the first programmer\n"));
}

TEST_CASE("set_tier says the placement before and after, and sets the cadence only when given") {
    const TierChange tiered = set_tier(ada, "core", std::nullopt, "contacts/ada.yaml", default_config());
    CHECK(tiered.was.tier == "close");
    CHECK(tiered.now.tier == "core");
    CHECK(tiered.text.find("tier: core\n") != std::string::npos);
    CHECK(tiered.text.find("cadence") == std::string::npos);
    const TierChange paced = set_tier(ada, "close", parse_duration("8w"), "contacts/ada.yaml", default_config());
    CHECK(paced.was.tier == paced.now.tier);
    CHECK(paced.now.cadence == "8w");
    CHECK(paced.text.find("cadence: 8w\n") != std::string::npos);
}

TEST_CASE("snooze and clear_snooze change the file only when it changes") {
    const TextChange snoozed = snooze(ada, day("2027-01-10"), "contacts/ada.yaml", default_config());
    CHECK(snoozed.changed);
    CHECK(parse_contact(snoozed.text, "x", default_config()).snooze == day("2027-01-10"));
    const TextChange again = snooze(snoozed.text, day("2027-01-10"), "contacts/ada.yaml", default_config());
    CHECK_FALSE(again.changed);
    CHECK(again.text == snoozed.text);
    const TextChange cleared = clear_snooze(snoozed.text, "contacts/ada.yaml", default_config());
    CHECK(cleared.changed);
    CHECK(cleared.text == ada);
    CHECK_FALSE(clear_snooze(ada, "contacts/ada.yaml", default_config()).changed);
}

TEST_CASE("cancel_followup removes the open follow-up the words name, and refuses words that name none") {
    const FollowUpChange cancelled = cancel_followup(ada, "role", "contacts/ada.yaml", default_config());
    CHECK(cancelled.followup.what == "ask about the role");
    CHECK(cancelled.text.find("ask about the role") == std::string::npos);
    CHECK(cancelled.text.find("send the slides") != std::string::npos);
    CHECK_REFUSED(cancel_followup(ada, "paper", "contacts/ada.yaml", default_config()), ErrorKind::usage, "paper");
}

TEST_CASE("rename_person keeps the old name as an aka once, and log_interaction adds an entry and a follow-up") {
    Contact person = parse_contact(ada, "contacts/ada-lovelace.yaml", default_config());
    person.slug = "ada-lovelace";
    const std::string renamed = rename_person(ada, person, "Ada King", "ada-lovelace", true, default_config());
    const Contact read = parse_contact(renamed, "x", default_config());
    CHECK(read.name == "Ada King");
    REQUIRE(read.aka.size() == 1);
    CHECK(read.aka[0] == "Ada Lovelace");
    CHECK(renamed.find("# the first programmer") != std::string::npos);
    CHECK(parse_contact(rename_person(ada, person, "Ada King", "ada-lovelace", false, default_config()), "x", default_config())
              .aka.empty());
    const std::string logged = log_interaction(ada, LogEntry{day("2026-11-20"), "call", "", "", 0},
                                               FollowUp{day("2026-12-24"), "send a card", std::nullopt, 0}, "x");
    const Contact after = parse_contact(logged, "x", default_config());
    CHECK(after.log.size() == 4);
    CHECK(after.followups.back().what == "send a card");
}

}  // namespace unit_person_edits
