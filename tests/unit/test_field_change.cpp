#include <doctest/doctest.h>

#include "kith/base/error.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/model/field_change.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_field_change {

using namespace kith;

namespace {

const Day today = *parse_iso_day("2026-11-28");

// Applies the changes typed as `kith set` takes them ({key, value}; a value "" clears the key).
std::string set(const std::string& text, const std::vector<std::pair<const char*, const char*>>& typed,
                std::vector<std::string>* said = nullptr) {
    std::vector<FieldChange> changes;
    for (const auto& [key, value] : typed) {
        const Field& field = *find_field(key);
        changes.push_back(*value ? read_field_change(field, value, today, default_config()) : clear_field(field));
    }
    std::vector<std::string> done;
    const std::string out = apply_field_changes(text, changes, default_config(), "contacts/ada.yaml", done);
    if (said) *said = done;
    return out;
}

const std::string ada =
    "# Ada, met at PyCon\n"
    "name: Ada Lovelace\n"
    "tier: core   # keep close\n"
    "email: [ada@example.org, \"ada@old.example\"]  # work first\n"
    "tags:\n"
    "  - mentor   # since 2019\n"
    "  - london\n"
    "notes: |\n"
    "  Prefers mornings.\n";

}  // namespace

TEST_CASE("set: every field but the entries has an option, named after add's or its key") {
    std::vector<std::string> options;
    for (const Field* field : settable_fields()) options.push_back(set_option(*field));
    for (const char* wanted : {"--name", "--aka", "--tier", "--cadence", "--email", "--tag", "--interest", "--since",
                               "--first-due", "--snooze", "--birthday", "--introduced-by", "--uid", "--notes"})
        CHECK(std::find(options.begin(), options.end(), wanted) != options.end());
    for (const char* entries : {"--log", "--followups", "--dates"})
        CHECK(std::find(options.begin(), options.end(), entries) == options.end());
    CHECK(options.size() + 3 == contact_fields().size());
}

TEST_CASE("set: a scalar changes its line alone, keeping its comment") {
    std::vector<std::string> said;
    const std::string out = set(ada, {{"tier", "close"}, {"org", "Analytical Engines"}}, &said);
    CHECK(out == "# Ada, met at PyCon\n"
                 "name: Ada Lovelace\n"
                 "tier: close   # keep close\n"
                 "org: Analytical Engines\n"
                 "email: [ada@example.org, \"ada@old.example\"]  # work first\n"
                 "tags:\n"
                 "  - mentor   # since 2019\n"
                 "  - london\n"
                 "notes: |\n"
                 "  Prefers mornings.\n");
    CHECK(said == std::vector<std::string>{"tier 'close'", "org 'Analytical Engines'"});
}

TEST_CASE("set: dates, birthdays and durations are read as the command line reads them") {
    const std::string out = set(ada, {{"snooze", "end of month"}, {"birthday", "12-10"}, {"cadence", "2w"}, {"since", "2 weeks ago"}});
    const Contact c = parse_contact(out, "contacts/ada.yaml", default_config());
    CHECK(format_day(*c.snooze) == "2026-11-30");
    CHECK(format_month_day(*c.birthday) == "--12-10");
    CHECK(c.cadence->text() == "2w");
    CHECK(format_day(*c.since) == "2026-11-14");
    struct Bad {
        const char* field;
        const char* value;
        const char* says;
    };
    for (const Bad bad : {Bad{"snooze", "someday", "cannot read 'someday' as a date"},
                          Bad{"birthday", "13-40", "--birthday: '13-40' is not a day"},
                          Bad{"cadence", "fortnight", "--cadence: 'fortnight' is not a duration"},
                          Bad{"tier", "cor", "unknown tier 'cor' (tiers: core, close, loose)"}}) {
        CAPTURE(bad.field);
        CHECK_REFUSED(read_field_change(*find_field(bad.field), bad.value, today, default_config()), ErrorKind::usage,
                      bad.says);
    }
}

TEST_CASE("set: --no-FIELD removes the key; a name cannot be removed") {
    std::vector<std::string> said;
    const std::string out = set(ada, {{"notes", ""}, {"tier", ""}}, &said);
    CHECK(out.find("notes") == std::string::npos);
    CHECK(out.find("Prefers") == std::string::npos);
    CHECK(out.find("tier") == std::string::npos);
    CHECK(out.find("# Ada, met at PyCon\nname: Ada Lovelace\nemail:") == 0);
    CHECK(said == std::vector<std::string>{"no notes", "no tier"});
    CHECK_REFUSED(clear_field(*find_field("name")),
        ErrorKind::usage, "--no-name: every person needs a name; give --name NEW");
    CHECK(set(ada, {{"snooze", ""}}) == ada);  // nothing there: no change
}

TEST_CASE("lists: +x adds in the list's style, -x removes, the other items and comments stay") {
    std::vector<std::string> said;
    std::string out = set(ada, {{"email", "+ada@new.example"}, {"tags", "-london"}, {"tags", "+poetry"}}, &said);
    CHECK(out.find("email: [ada@example.org, \"ada@old.example\", ada@new.example]  # work first\n") != std::string::npos);
    CHECK(out.find("tags:\n  - mentor   # since 2019\n  - poetry\nnotes:") != std::string::npos);
    CHECK(said == std::vector<std::string>{"email +ada@new.example", "tags -london", "tags +poetry"});
    out = set(ada, {{"email", "-ADA@OLD.EXAMPLE"}}, &said);  // found ignoring case
    CHECK(out.find("email: [ada@example.org]  # work first\n") != std::string::npos);
    CHECK(said == std::vector<std::string>{"email -ada@old.example"});
    CHECK(set(ada, {{"tags", "+Mentor"}, {"tags", "-nowhere"}}, &said) == ada);
    CHECK(said.empty());
    // A phone that starts with + is written with a second one.
    out = set(ada, {{"phone", "++44 20 7946 0000"}});
    CHECK(parse_contact(out, "contacts/ada.yaml", default_config()).phone == std::vector<std::string>{"+44 20 7946 0000"});
}

TEST_CASE("remove_list_items: a block list loses its items' lines, a flow list is written again, a text is removed") {
    CHECK(remove_list_items("name: A\ntags:\n  - a  # one\n  - b\n  - c\n", "tags", {"b", "c"}, canonical_keys(), "x") ==
          "name: A\ntags:\n  - a  # one\n");
    CHECK(remove_list_items("name: A\ntags: [a, 'b', c]  # x\n", "tags", {"b"}, canonical_keys(), "x") ==
          "name: A\ntags: [a, c]  # x\n");
    CHECK(remove_list_items("name: A\ntags: b\n", "tags", {"b"}, canonical_keys(), "x") == "name: A\n");
    CHECK(remove_list_items("name: A\ntags: [a]\n", "tags", {"z"}, canonical_keys(), "x") == "name: A\ntags: [a]\n");
    CHECK_REFUSED((remove_list_items("name: A\ntags: {a: 1}\n", "tags", {"a"}, canonical_keys(), "x")),
        ErrorKind::invalid, "'tags' is not a list of texts");
}

}  // namespace unit_field_change
