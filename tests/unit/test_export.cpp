#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "kith/model/contact_file.hpp"
#include "kith/interchange/csv.hpp"
#include "kith/query/email_lookup.hpp"
#include "kith/interchange/export.hpp"
#include "kith/interchange/vcard_contact.hpp"
#include "kith/interchange/vcard_write.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_export {

using namespace kith;
using Strings = std::vector<std::string>;

namespace {
Contact ada() {
    Contact c;
    c.slug = "ada-lovelace";
    c.name = "Ada Lovelace";
    c.aka = {"Ada King", "A, L"};
    c.org = "Analytical Engines; Ltd";
    c.title = "Lead Analyst";
    c.email = {"ada@example.org", "ada@work.example"};
    c.phone = {"+44 20 7946 0000"};
    c.address = "12 St James's Square, London";
    c.url = {"https://ada.example.org"};
    c.tags = {"mentor", "london"};
    c.notes = "Prefers mornings.\nAsk about the paper; the \\ engine.";
    c.birthday = MonthDay{12, 10, 1815};
    c.dates = {{MonthDay{6, 1, 2020}, "anniversary"}};
    return c;
}
}  // namespace

TEST_CASE("vcard writer: escaping and 75-octet folding, UTF-8 safe, CRLF") {
    CHECK(vcard_escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
    CHECK(vcard_escape("x\ry\vz\x1f\t") == "x\\ny\uFFFDz\uFFFD\t");  // a vCard value carries no CTL but the tab
    CHECK(vcard_fold("FN:short") == "FN:short\r\n");
    std::string line = "NOTE:";
    for (int i = 0; i < 60; ++i) line += "é山";
    const std::string folded = vcard_fold(line);
    size_t start = 0;
    std::string unfolded;
    while (start < folded.size()) {
        const size_t end = folded.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        const std::string_view piece(folded.data() + start + (start ? 1 : 0), end - start - (start ? 1 : 0));
        CHECK((static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80);
        unfolded += piece;
        start = end + 2;
    }
    CHECK(unfolded == line);
}

TEST_CASE("vcard writer: the UID is the contact's own, else stable and derived from the slug") {
    Contact c = ada();
    const std::string first = render_vcard(c);
    CHECK(first == render_vcard(c));
    CHECK(first.find("UID:" + stable_uid("ada-lovelace") + "\r\n") != std::string::npos);
    CHECK(stable_uid("ada-lovelace").rfind("urn:uuid:", 0) == 0);
    CHECK(stable_uid("ada-lovelace").size() == 45);
    CHECK(stable_uid("ada-lovelace") != stable_uid("grace-hopper"));
    c.uid = "7D5A9C1E-8E2B";
    CHECK(render_vcard(c).find("UID:7D5A9C1E-8E2B\r\n") != std::string::npos);
}

TEST_CASE("vcard writer: 4.0 by default, 3.0 on request, dates in each version's form") {
    const std::string v4 = render_vcard(ada());
    CHECK(v4.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\n", 0) == 0);
    CHECK(v4.find("BDAY:18151210\r\n") != std::string::npos);
    CHECK(v4.find("ANNIVERSARY:20200601\r\n") != std::string::npos);
    CHECK(v4.find("ORG:Analytical Engines\\; Ltd\r\n") != std::string::npos);
    CHECK(v4.find("NICKNAME:Ada King\r\nNICKNAME:A\\, L\r\n") != std::string::npos);  // one each: vobject reads one text
    const std::string v3 = render_vcard(ada(), 3);
    CHECK(v3.find("VERSION:3.0\r\n") != std::string::npos);
    CHECK(v3.find("BDAY:1815-12-10\r\n") != std::string::npos);
    CHECK(v3.find("EMAIL;TYPE=INTERNET:ada@example.org\r\n") != std::string::npos);
    CHECK(v3.find("\r\nX-ANNIVERSARY:") != std::string::npos);  // 3.0 has no ANNIVERSARY: the extension Apple writes
    Contact yearless = ada();
    yearless.birthday = MonthDay{12, 10, std::nullopt};
    CHECK(render_vcard(yearless).find("BDAY:--1210\r\n") != std::string::npos);
}

TEST_CASE("vcard round trip: every field vCard carries comes back") {
    for (int version : {3, 4}) {
        const auto batch = read_vcard_contacts(render_vcard(ada(), version), "rt.vcf");
        REQUIRE(batch.errors.empty());
        REQUIRE(batch.records.size() == 1);
        const Contact& back = batch.records[0].contact;
        const Contact a = ada();
        CHECK(back.name == a.name);
        CHECK(back.aka == a.aka);
        CHECK(back.org == a.org);
        CHECK(back.title == a.title);
        CHECK(back.email == a.email);
        CHECK(back.phone == a.phone);
        CHECK(back.address == a.address);
        CHECK(back.url == a.url);
        CHECK(back.tags == a.tags);
        CHECK(back.notes == a.notes);
        CHECK(back.birthday == a.birthday);
        CHECK(back.uid == stable_uid("ada-lovelace"));
        if (version == 4) CHECK(back.dates.size() == 1);
    }
}

TEST_CASE("export csv: a header and one row per person, read back the same") {
    Contact grace;
    grace.slug = "grace-hopper";
    grace.name = "Grace \"Amazing\" Hopper";
    const auto rows = parse_csv(render_contacts_csv({ada(), grace}), "export.csv");
    REQUIRE(rows.size() == 3);
    const CsvColumns columns(rows[0]);
    CHECK(columns.get(rows[1], "email") == "ada@example.org ::: ada@work.example");
    CHECK(columns.get(rows[1], "notes") == ada().notes);
    CHECK(columns.get(rows[1], "birthday") == "1815-12-10");
    CHECK(columns.get(rows[2], "name") == "Grace \"Amazing\" Hopper");
    CHECK(columns.get(rows[2], "birthday") == "");
}

TEST_CASE("vcard writer: every text property is escaped, so a line break in any value never ends the card") {
    Contact c = ada();
    c.url = {"https://x.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Forged", "a,b;c"};
    c.aka = {"x\nEND:VCARD"};
    c.uid = "u\rEND:VCARD";
    for (int version : {3, 4}) {
        const std::string card = render_vcard(c, version);
        CHECK(card.find("\r\nEND:VCARD\r\n") == card.size() - 13);  // the card's own END, and only it
        CHECK(card.find("URL:https://x.example\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Forged\r\n") != std::string::npos);
        CHECK(card.find("URL:a\\,b\\;c\r\n") != std::string::npos);
        const auto batch = read_vcard_contacts(card, "forged.vcf");
        REQUIRE(batch.records.size() == 1);
        CHECK(batch.records[0].contact.url == Strings{"https://x.example\nEND:VCARD\nBEGIN:VCARD\nFN:Forged", "a,b;c"});
    }
}

TEST_CASE("export csv: a cell a spreadsheet would run as a formula gets a leading quote, in every column") {
    Contact c;
    c.slug = "-x";
    c.name = "=HYPERLINK(\"http://evil.example\")";
    c.org = "+cmd|' /C calc'!A0";
    c.tags = {"@SUM(1)", "=not first"};
    c.title = "'quoted";
    c.notes = "\tx";
    c.met = "\rx";
    c.role = "safe = fine";
    const auto rows = parse_csv(render_contacts_csv({c}), "export.csv");
    REQUIRE(rows.size() == 2);
    const CsvColumns columns(rows[0]);
    CHECK(rows[1].fields[0] == "'-x");
    CHECK(columns.get(rows[1], "name") == "'=HYPERLINK(\"http://evil.example\")");
    CHECK(columns.get(rows[1], "org") == "'+cmd|' /C calc'!A0");
    CHECK(columns.get(rows[1], "tags") == "'@SUM(1) ::: =not first");
    CHECK(columns.get(rows[1], "title") == "''quoted");  // so one leading quote dropped is always the value
    CHECK(rows[1].fields[16] == "'\rx");
    CHECK(columns.get(rows[1], "role") == "safe = fine");
    CHECK(columns.get(rows[1], "notes") == "'\tx");
}

TEST_CASE("export stream: a slug exported already (in contacts/ and archive/) is left out and said why") {
    Contact active = ada(), archived = ada();
    active.path = "contacts/ada-lovelace.yaml";
    archived.path = "archive/ada-lovelace.yaml";
    archived.archived = true;
    archived.name = "Ada Archived";
    ExportStream stream("json", 4, default_config(), *parse_iso_day("2026-11-28"));
    std::ostringstream out;
    CHECK_FALSE(stream.add(active, out));
    const std::optional<Error> left_out = stream.add(archived, out);
    REQUIRE(left_out);
    CHECK(left_out->kind() == ErrorKind::invalid);
    CHECK(left_out->located().rfind("archive/ada-lovelace.yaml: the slug 'ada-lovelace' is also in contacts/", 0) == 0);
    stream.finish(out);
    const auto j = nlohmann::json::parse(out.str());
    REQUIRE(j.size() == 1);
    CHECK(j[0]["name"] == "Ada Lovelace");
}

TEST_CASE("export json: everything, log and follow-ups included") {
    Contact c = ada();
    c.log = {{*parse_iso_day("2026-10-11"), "lunch", "New role", "", 0}};
    c.followups = {{*parse_iso_day("2026-12-05"), "send the paper", std::nullopt, 0}};
    const auto j = nlohmann::json::parse(render_contacts_json({c}));
    REQUIRE(j.size() == 1);
    CHECK(j[0]["name"] == "Ada Lovelace");
    CHECK(j[0]["url"][0] == "https://ada.example.org");
    CHECK(j[0]["birthday"] == "1815-12-10");
    CHECK(j[0]["role"].is_null());
    CHECK(j[0]["log"][0]["kind"] == "lunch");
    CHECK(j[0]["followups"][0]["done"].is_null());
    CHECK(j[0]["dates"][0]["what"] == "anniversary");
    CHECK(render_contacts_json({}) == "[]\n");
}

TEST_CASE("export ics: a valid calendar with the birthdays ahead") {
    const std::string ics = render_export_ics({ada()}, default_config(), *parse_iso_day("2026-11-28"));
    CHECK(ics.rfind("BEGIN:VCALENDAR", 0) == 0);
    CHECK(ics.find("RRULE:FREQ=YEARLY") != std::string::npos);
}

TEST_CASE("email lookup: every address of every match, by name, aka, email or org, folded") {
    Contact jose;
    jose.name = "José Núñez";
    jose.email = {"jose@example.es"};
    jose.org = "Robótica\tSA";
    Contact nomail;
    nomail.name = "Nuno No-Mail";
    const std::vector<Contact> people = {ada(), jose, nomail};
    CHECK(find_emails(people, "NUNEZ").size() == 1);
    CHECK(find_emails(people, "king").size() == 2);     // aka: both of Ada's addresses
    CHECK(find_emails(people, "work.example").size() == 2);
    CHECK(find_emails(people, "analytical").size() == 2);
    CHECK(find_emails(people, "nuno").empty());          // no address to give
    CHECK(find_emails(people, "nobody").empty());
    CHECK(render_email_query(find_emails(people, "robotica"), "robotica") ==
          "kith: 1 address for 'robotica'\njose@example.es\tJosé Núñez\tRobótica SA\n");
}

TEST_CASE("email lookup: an address is given only when a mail client reads it as that one address") {
    Contact smith;
    smith.name = "Smith, \"John\"\t<x>\n\u202e\u2028\u0085";
    smith.email = {"john@example.org, eve@evil.example", "a<b@c>", "\"q\"@x", "sp ace@x", "semi;@x", "tab\t@x", "nl\n@x",
                   "bidi\u202e@x", "sep\u2028@x", "c1\u0085@x", "a@b@c", "@x", "x@", "two(c)@x", "ok+tag@example.org",
                   "josé@example.es", "root"};
    const std::string answer = render_email_query(find_emails({smith}, "smith"), "smith");
    CHECK(answer == "kith: 3 addresses for 'smith' (14 left out: not one plain address; see 'kith show')\n"
                    "ok+tag@example.org\tSmith, \"John\" <x> \\u202e\\u2028\\u0085\t\n"
                    "josé@example.es\tSmith, \"John\" <x> \\u202e\\u2028\\u0085\t\n"
                    "root\tSmith, \"John\" <x> \\u202e\\u2028\\u0085\t\n");
    CHECK(render_email_query(find_emails({smith}, "smith"), "a\nb\x1b").rfind("kith: 3 addresses for 'a b\\e'", 0) == 0);
}

TEST_CASE("contact files: url and uid are read, and new files write them in canonical order") {
    const Contact c = parse_contact("name: Ada\nurl: [\"https://ada.example.org\"]\nuid: urn:uuid:1234\n", "contacts/ada.yaml",
                                    default_config());
    CHECK(c.url == Strings{"https://ada.example.org"});
    CHECK(c.uid == "urn:uuid:1234");
    Contact fresh = ada();
    fresh.uid = "urn:uuid:1234";
    fresh.since = parse_iso_day("2026-11-28");
    const std::string text = render_new_contact(fresh);
    CHECK(text.find("address: ") < text.find("url: ["));
    CHECK(text.find("since: ") < text.find("uid: "));
    const Contact back = parse_contact(text, "contacts/ada.yaml", default_config());
    CHECK(back.url == fresh.url);
    CHECK(back.uid == fresh.uid);
    const auto& keys = canonical_keys();
    CHECK(std::find(keys.begin(), keys.end(), "url") == std::find(keys.begin(), keys.end(), "address") + 1);
    CHECK(std::find(keys.begin(), keys.end(), "uid") + 1 == std::find(keys.begin(), keys.end(), "dates"));
}

}  // namespace unit_export
