// The field table agrees with every place it drives: reading, writing, find, show, add's
// options, vCard and CSV.
#include <doctest/doctest.h>

#include <set>

#include "kith/model/contact_file.hpp"
#include "kith/interchange/export.hpp"
#include "kith/model/fields.hpp"
#include "kith/query/find.hpp"
#include "kith/interchange/import_plan.hpp"
#include "kith/views/profile.hpp"
#include "kith/interchange/vcard_contact.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_fields {

using namespace kith;

namespace {

Day day(int y, unsigned m, unsigned d) { return Day{date::year{y} / date::month{m} / date::day{d}}; }

// A contact with a name and `f` set to a hostile value holding the token "zqx".
Contact sample(const Field& f) {
    Contact c;
    c.name = "Sample Person";
    c.slug = "sample-person";
    const std::string key = f.key;
    switch (f.kind) {
        case FieldKind::text:
            c.*f.text = key == "tier" ? "core" : key == "name" ? "Zqx Näme: #1" : "zqx: [\"a\"], #b\t'c' - ~";
            break;
        case FieldKind::text_list: c.*f.list = {"zqx: a, b", "#2 [x]", "yes"}; break;
        case FieldKind::date: c.*f.day = day(2024, 3, 15); break;
        case FieldKind::yearly_date: c.*f.yearly = MonthDay{12, 10, 1815}; break;
        case FieldKind::duration: c.*f.duration = Duration{2, 'w'}; break;
        case FieldKind::entries:
            if (f.dates) c.*f.dates = {{MonthDay{6, 1, 1990}, "anniversary"}};
            if (f.followups) c.*f.followups = {{day(2030, 1, 2), "zqx: send {the} #paper", std::nullopt, 0}};
            if (f.log) c.*f.log = {{day(2024, 1, 2), "call", "zqx: talked, #about [it]", "", 0}};
            break;
    }
    return c;
}

}  // namespace

TEST_CASE("fields: keys are unique, each row has the member of its kind, and the signature is stable") {
    std::set<std::string> keys;
    for (const auto& f : contact_fields()) {
        CHECK(keys.insert(f.key).second);
        CHECK(find_field(f.key) == &f);
        const int members = (f.text != nullptr) + (f.list != nullptr) + (f.day != nullptr) + (f.yearly != nullptr) +
                            (f.duration != nullptr) + (f.dates != nullptr) + (f.followups != nullptr) + (f.log != nullptr);
        CHECK_MESSAGE(members == 1, std::string(f.key));
    }
    CHECK(canonical_keys().size() == contact_fields().size());
    CHECK(field_table_signature() == field_table_signature());
    CHECK(field_table_signature() != 0);
}

TEST_CASE("fields: every field renders in a new file and reads back") {
    Config config = default_config();
    for (const auto& f : contact_fields()) {
        const Contact c = sample(f);
        const std::string text = render_new_contact(c);
        CHECK_MESSAGE(text.find(std::string(f.key) + ":") != std::string::npos, std::string(f.key));
        const Contact back = parse_contact(text, "contacts/sample-person.yaml", config);
        CHECK_MESSAGE(field_equal(f, back, c), std::string(f.key));
        CHECK_MESSAGE(field_is_set(f, back), std::string(f.key));
    }
}

TEST_CASE("fields: searched fields are found, shown fields are shown") {
    const Day today = day(2026, 11, 28);
    for (const auto& f : contact_fields()) {
        const std::vector<Contact> people = {sample(f)};
        if (f.searched) {
            const auto matches = find_people(people, "zqx");
            REQUIRE_MESSAGE(matches.size() == 1, std::string(f.key));
            CHECK_MESSAGE(matches[0].field.rfind(f.key, 0) == 0, std::string(f.key));
        }
        if (*f.label && std::string(f.key) != "snooze") {
            const std::string shown = render_profile(people[0], default_config(), today);
            const auto texts = field_texts(f, people[0]);
            REQUIRE(!texts.empty());
            // Yearly days are shown for people ("10 Dec 1815"): look for the year and the label.
            const bool yearly = f.kind == FieldKind::yearly_date || std::string(f.key) == "dates";
            if (yearly) CHECK_MESSAGE(shown.find(std::string("  ") + f.label) != std::string::npos, std::string(f.key));
            const std::string first = std::string(f.key) == "log" ? "zqx: talked"
                                      : yearly                    ? texts.front().substr(0, 4)
                                                                  : texts.front().substr(0, 6);
            CHECK_MESSAGE(shown.find(first) != std::string::npos, std::string(f.key), "\n", shown);
        }
    }
}

TEST_CASE("fields: mapped fields round-trip through vCard 3 and 4, and have their CSV column") {
    for (const auto& f : contact_fields()) {
        const Contact c = sample(f);
        if (*f.vcard) {
            for (int version : {3, 4}) {
                const std::string card = render_vcard(c, version);
                CHECK_MESSAGE(card.find(f.vcard) != std::string::npos, std::string(f.key));
                const ImportBatch batch = read_vcard_contacts(card, "export.vcf");
                REQUIRE_MESSAGE(batch.records.size() == 1, std::string(f.key));
                CHECK_MESSAGE(field_equal(f, batch.records[0].contact, c), std::string(f.key), " in vCard ", version);
            }
        }
        CHECK_MESSAGE(render_contacts_json({c}).find("\"" + std::string(f.key) + "\": ") != std::string::npos,
                      std::string(f.key));
        if (*f.csv) {
            const std::string csv = render_contacts_csv({c});
            const std::string header = csv.substr(0, csv.find('\n'));
            CHECK_MESSAGE(("," + header + ",").find(std::string(",") + f.csv + ",") != std::string::npos, std::string(f.key));
        }
    }
}

TEST_CASE("fields: an import merges every field it may fill into a person who lacks it") {
    for (const auto& f : contact_fields()) {
        const std::string key = f.key;
        if (key == "name" || key == "tier" || key == "snooze" || key == "first_due" || f.kind == FieldKind::duration ||
            f.followups || f.log)
            continue;
        Contact have;
        have.name = "Sample Person";
        have.slug = "sample-person";
        Contact in = sample(f);
        in.name = "Sample Person";
        ImportRecords records = {ImportRecord{in, 1}};
        const ImportPlan plan = plan_import({have}, records, "");
        REQUIRE(plan.decisions.size() == 1);
        CHECK_MESSAGE(plan.decisions[0].action == ImportAction::merge, key);
        bool has_fact = false;
        for (const auto& fact : plan.decisions[0].facts) has_fact = has_fact || fact.key == key;
        CHECK_MESSAGE(has_fact, key);
    }
}

}  // namespace unit_fields
