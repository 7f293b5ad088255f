#include <doctest/doctest.h>

#include "fixture.hpp"
#include "kith/interchange/vcard.hpp"
#include "kith/interchange/vcard_contact.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_vcard {

using namespace kith;

namespace {
const Contact* named(const ImportBatch& batch, const std::string& name) {
    for (const auto& r : batch.records)
        if (r.contact.name == name) return &r.contact;
    return nullptr;
}
}  // namespace

TEST_CASE("vcard: folded lines join, with a space or a tab, after CRLF or LF") {
    const auto file = parse_vcards("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Love\r\n lace\r\nNOTE:a\n\tb\nEND:VCARD\r\n", "x.vcf");
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].version == "3.0");
    CHECK(file.cards[0].preferred("FN")->value == "Ada Lovelace");
    CHECK(file.cards[0].preferred("NOTE")->value == "ab");
}

TEST_CASE("vcard: escapes are undone, and values split only on unescaped separators") {
    CHECK(vcard_unescape("a\\nb\\,c\\;d\\\\e") == "a\nb,c;d\\e");
    CHECK(vcard_split("Org\\; Inc;Unit", ';') == std::vector<std::string>{"Org; Inc", "Unit"});
    CHECK(vcard_split("a,b\\,c", ',') == std::vector<std::string>{"a", "b,c"});
}

TEST_CASE("vcard: groups, parameters, bare 2.1 types and quoted parameter values") {
    const auto file = parse_vcards(
        "BEGIN:VCARD\nVERSION:2.1\nitem1.EMAIL;type=INTERNET;type=pref:a@x\nTEL;CELL;VOICE:1\n"
        "TEL;TYPE=\"voice,cell\";VALUE=uri:tel:2\nEND:VCARD\n",
        "x.vcf");
    REQUIRE(file.cards.size() == 1);
    const auto& card = file.cards[0];
    CHECK(card.properties[0].group == "item1");
    CHECK(card.properties[0].name == "EMAIL");
    CHECK(card.properties[0].has_type("PREF"));
    CHECK(card.properties[1].has_type("cell"));
    CHECK(card.properties[1].has_type("voice"));
    CHECK(card.properties[2].has_type("cell"));
    CHECK(card.properties[2].param("value") == "uri");
}

TEST_CASE("vcard: quoted-printable with soft breaks, and charsets to UTF-8") {
    const auto file = parse_vcards(
        "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 N=\n=C3=BA=C3=B1ez\n"
        "ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:B=E4ckerei\nNOTE;CHARSET=WINDOWS-1252:\x93quoted\x94 \x80\n"
        "TITLE:caf\xe9\nEND:VCARD\n",
        "x.vcf");
    REQUIRE(file.cards.size() == 1);
    const auto& card = file.cards[0];
    CHECK(card.preferred("FN")->value == "José Núñez");
    CHECK(card.preferred("ORG")->value == "Bäckerei");
    CHECK(card.preferred("NOTE")->value == "“quoted” €");
    CHECK(card.preferred("TITLE")->value == "café");  // no charset, not UTF-8: read as Latin-1
}

TEST_CASE("vcard: photos, base64 and oversized properties are skipped, X- properties counted") {
    std::string huge = "BEGIN:VCARD\nVERSION:3.0\nFN:A\nPHOTO;ENCODING=b:AAAA\n BBBB\nX-ONE:1\nitem1.X-ABLabel:x\nNOTE:";
    for (int i = 0; i < 5000; ++i) huge += std::string(70, 'n') + "\n ";
    huge += "end\nKEY;VALUE=binary:zz\nLOGO:http://x\nEMAIL:a@x\nEND:VCARD\n";
    const auto file = parse_vcards(huge, "x.vcf");
    REQUIRE(file.cards.size() == 1);
    const auto& card = file.cards[0];
    CHECK(card.extensions == 2);
    CHECK(card.skipped == 4);
    REQUIRE(card.properties.size() == 2);
    CHECK(card.properties[1].name == "EMAIL");
}

TEST_CASE("vcard: a bad card is one located error; the others still read") {
    const auto file = parse_vcards("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nthis line has no colon\nEND:VCARD\n"
                                   "BEGIN:VCARD\nFN:C\nEND:VCARD\nBEGIN:VCARD\nFN:D\n",
                                   "in.vcf");
    CHECK(file.cards.size() == 2);
    REQUIRE(file.errors.size() == 2);
    CHECK(file.errors[0].located() == "in.vcf:6: a card line needs ':' between its name and value");
    CHECK(file.errors[1].located() == "in.vcf:11: card has no END:VCARD");
}

TEST_CASE("vcard: a nested 2.1 AGENT card is skipped, not mixed into its host") {
    const auto file = parse_vcards("BEGIN:VCARD\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Assistant\nEND:VCARD\nEMAIL:b@x\nEND:VCARD\n", "x");
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].preferred("FN")->value == "Boss");
    CHECK(file.cards[0].preferred("EMAIL")->value == "b@x");
}

TEST_CASE("vcard: an Android 2.1 export") {
    const auto batch = read_vcard_contacts(read_fixture("android-2.1.vcf"), "android.vcf");
    REQUIRE(batch.records.size() == 2);
    const Contact* jose = named(batch, "José Núñez");
    REQUIRE(jose);
    CHECK(jose->phone == std::vector<std::string>{"+34 600 123 456", "+34 91 123 4567"});
    CHECK(jose->email == std::vector<std::string>{"jose@example.es"});
    CHECK(jose->address == "Calle Mayor 1, Madrid, 28013, España");
    CHECK(jose->notes == "Met at the Madrid meetup.\nWants an intro to someone in robotics; ask about the new lab.");
    CHECK(jose->birthday == MonthDay{2, 14, 1985});
    const Contact* francois = named(batch, "François Müller");
    REQUIRE(francois);
    CHECK(francois->org == "Bäckerei Müller");
    CHECK(batch.extensions == 1);
    CHECK(batch.skipped == 1);
    REQUIRE(batch.errors.size() == 1);  // the card with only a phone number
    CHECK(batch.errors[0].located() == "android.vcf:26: card has no name (FN, N, ORG or EMAIL); skipped");
}

TEST_CASE("vcard: an Apple Contacts 3.0 export") {
    const auto batch = read_vcard_contacts(read_fixture("apple-3.0.vcf"), "apple.vcf");
    CHECK(batch.errors.empty());
    REQUIRE(batch.records.size() == 2);
    const Contact& ada = batch.records[0].contact;
    CHECK(ada.name == "Ada Lovelace");
    CHECK(ada.aka == std::vector<std::string>{"Ada King"});
    CHECK(ada.org == "Analytical Engines Ltd, Numbers Team");
    CHECK(ada.title == "Lead Analyst");
    CHECK(ada.email == std::vector<std::string>{"ada@example.org", "ada.king@engines.example"});
    CHECK(ada.address == "12 St James's Square, London, SW1Y 4JH, United Kingdom");
    CHECK(ada.url == std::vector<std::string>{"https://ada.example.org"});
    CHECK(ada.birthday == MonthDay{12, 10, std::nullopt});  // X-APPLE-OMIT-YEAR
    CHECK(ada.notes == "Prefers mornings.\nAsk about the Bernoulli paper, and the engine.");
    CHECK(ada.tags == std::vector<std::string>{"mentor", "london"});
    CHECK(ada.uid == "7D5A9C1E-8E2B-4A7A-9C1D-3F2B1A0E9D8C");
    CHECK(batch.records[1].contact.birthday == MonthDay{12, 26, 1791});
    CHECK(batch.records[1].line == 26);
    CHECK(batch.skipped == 1);
    CHECK(batch.extensions == 5);
}

TEST_CASE("vcard: a Google 3.0 export: escaped URL, system categories, N without FN") {
    const auto batch = read_vcard_contacts(read_fixture("google-3.0.vcf"), "google.vcf");
    REQUIRE(batch.records.size() == 2);
    const Contact& grace = batch.records[0].contact;
    CHECK(grace.url == std::vector<std::string>{"https://grace.example.com"});
    CHECK(grace.tags == std::vector<std::string>{"Mentors"});
    CHECK(grace.aka == std::vector<std::string>{"Amazing Grace"});
    CHECK(grace.address == "1 Navy Way, Arlington, VA, 22201, USA");
    CHECK(batch.records[1].contact.name == "Claude Shannon");
    CHECK(batch.records[1].contact.birthday == MonthDay{4, 30, std::nullopt});
    CHECK(batch.records[1].contact.tags.empty());
}

TEST_CASE("vcard: a Nextcloud 4.0 export with LF line ends") {
    const auto batch = read_vcard_contacts(read_fixture("nextcloud-4.0.vcf"), "nc.vcf");
    REQUIRE(batch.records.size() == 1);
    const Contact& linus = batch.records[0].contact;
    CHECK(linus.uid == "4f1c2b7e-2a9d-4c3b-9e1f-0a1b2c3d4e5f");
    CHECK(linus.org == "Linux Foundation, Kernel");
    CHECK(linus.role == "Maintainer");
    CHECK(linus.phone == std::vector<std::string>{"+1-503-555-0100"});
    CHECK(linus.birthday == MonthDay{12, 28, std::nullopt});
    REQUIRE(linus.dates.size() == 1);
    CHECK(linus.dates[0].date == MonthDay{12, 15, 1996});
    CHECK(linus.dates[0].what == "anniversary");
    CHECK(linus.notes.find("server folds it across several lines, as RFC") != std::string::npos);
}

TEST_CASE("vcard: birthdays in every export form; a bad one is an error and the person stays") {
    for (const char* text : {"1815-12-10", "18151210", "1815-12-10T00:00:00Z", "18151210T000000"})
        CHECK(parse_export_date(text) == MonthDay{12, 10, 1815});
    for (const char* text : {"--1210", "--12-10", "12-10"}) CHECK(parse_export_date(text) == MonthDay{12, 10, std::nullopt});
    CHECK_FALSE(parse_export_date("1815-13-10"));
    CHECK_FALSE(parse_export_date("soon"));
    const auto batch = read_vcard_contacts("BEGIN:VCARD\nFN:A\nBDAY:someday\nEND:VCARD\n", "b.vcf");
    REQUIRE(batch.records.size() == 1);
    CHECK_FALSE(batch.records[0].contact.birthday);
    CHECK(batch.errors.empty());  // the card is added: a value left out is a warning
    REQUIRE(batch.warnings.size() == 1);
    CHECK(batch.warnings[0].located() == "b.vcf:3: BDAY 'someday' is not a date; left out");
}

// Issue 18, items 8, 14 and 21.
TEST_CASE("vcard: iOS 5's CR CR LF and CR alone end lines; a folded line and a soft break still join") {
    for (const std::string end : {"\r\r\n", "\r", "\n", "\r\n"}) {
        CAPTURE(end);
        const std::string card = "BEGIN:VCARD" + end + "VERSION:2.1" + end + "FN:Io" + end + " s" + end +
                                 "NOTE;ENCODING=QUOTED-PRINTABLE:a=" + end + "b" + end + "END:VCARD" + end;
        const auto file = parse_vcards(card, "x.vcf");
        REQUIRE(file.cards.size() == 1);
        CHECK(file.cards[0].preferred("FN")->value == "Ios");
        CHECK(file.cards[0].preferred("NOTE")->value == "ab");
    }
}

TEST_CASE("vcard: a line over 64 KiB keeps its name; its value is skipped with a warning, the rest of the card read") {
    const std::string note = std::string(70 * 1024, 'n');
    const auto file = parse_vcards("BEGIN:VCARD\nFN:A\nNOTE:" + note + "\nEMAIL:a@x\nX-BIG:" + note + "\nEND:VCARD\n", "x.vcf");
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].preferred("NOTE") == nullptr);
    CHECK(file.cards[0].preferred("EMAIL")->value == "a@x");
    REQUIRE(file.warnings.size() == 2);
    CHECK(file.warnings[0].located() == "x.vcf:3: 'NOTE' is longer than 64 KiB, the most kith reads of a line; its value is skipped");
    CHECK(file.errors.empty());
}

TEST_CASE("vcard: a NUL byte is left out with a warning; a card with more than 1 MiB of text is one error") {
    const auto file = parse_vcards(std::string("BEGIN:VCARD\nFN:A\nNOTE:x\0y\nEND:VCARD\n", 36), "x.vcf");
    REQUIRE(file.cards.size() == 1);
    CHECK(file.cards[0].preferred("NOTE")->value == "xy");
    REQUIRE(file.warnings.size() == 1);
    CHECK(file.warnings[0].located().starts_with("x.vcf:3: 'NOTE' holds 1 NUL byte"));
    std::string big = "BEGIN:VCARD\nFN:Big\n";
    for (int i = 0; i < 20; ++i) big += "NOTE:" + std::string(60000, 'x') + "\n";
    const auto too_big = parse_vcards(big + "END:VCARD\nBEGIN:VCARD\nFN:Small\nEND:VCARD\n", "x.vcf");
    REQUIRE(too_big.cards.size() == 1);
    REQUIRE(too_big.errors.size() == 1);
    CHECK(too_big.errors[0].located() == "x.vcf:1: the card holds more than 1 MiB of text, more than a contact file may; skipped");
}

TEST_CASE("vcard: a file that holds no card is one error saying what it looked like") {
    const auto file = parse_vcards("First Name,Last Name\nAda,L\n", "x.csv");
    REQUIRE(file.errors.size() == 1);
    CHECK(file.errors[0].located() == "x.csv: holds no vCard (no BEGIN:VCARD line): its first line is 'First Name,Last Name'; "
                                      "it looks like a Google Contacts CSV: try 'kith import google'");
}

}  // namespace unit_vcard
