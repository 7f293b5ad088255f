#include <doctest/doctest.h>

#include "fixture.hpp"
#include "kith/interchange/csv.hpp"
#include "kith/interchange/google_csv.hpp"
#include "kith/interchange/linkedin_csv.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_csv {

using namespace kith;
using Strings = std::vector<std::string>;

TEST_CASE("csv: quoted fields, embedded newlines, doubled quotes, a BOM, CRLF; lines of records kept") {
    const auto rows = parse_csv("\xEF\xBB\xBFname,note\r\nAda,\"line one\r\nline \"\"two\"\"\"\r\n\r\nGrace,\"a, b\"\r\n", "x.csv");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == Strings{"name", "note"});
    CHECK(rows[1].fields == Strings{"Ada", "line one\r\nline \"two\""});
    CHECK(rows[1].line == 2);
    CHECK(rows[2].fields == Strings{"Grace", "a, b"});
    CHECK(rows[2].line == 5);
}

TEST_CASE("csv: an unclosed quote is an error at the record's line") {
    CHECK_THROWS_WITH_AS(parse_csv("a,b\nc,\"never closed\nmore\n", "x.csv"),
                         "malformed csv: a quoted field is never closed", Error);
    try {
        parse_csv("a,b\nc,\"never closed\nmore\n", "x.csv");
    } catch (const Error& e) {
        CHECK(e.where().line == 2);
    }
}

TEST_CASE("csv: fields are quoted as RFC 4180 asks, and read back the same") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field(" edge") == "\" edge\"");
    const Strings fields = {"a,b", "say \"hi\"", "two\r\nlines", " edge", ""};
    const auto rows = parse_csv(csv_line(fields), "x.csv");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].fields == fields);
}

TEST_CASE("csv: columns are found by name, never by position") {
    const auto rows = parse_csv("B,A,E-mail 1 - Value,E-mail 2 - Value\n2,1,x@a,\n", "x.csv");
    const CsvColumns columns(rows[0]);
    CHECK(columns.get(rows[1], "a") == "1");
    CHECK(columns.get(rows[1], " B ") == "2");
    CHECK(columns.get(rows[1], "missing") == "");
    CHECK(columns.numbered(rows[1], "E-mail", "Value") == Strings{"x@a"});
}

TEST_CASE("google csv: the current export") {
    const auto batch = read_google_csv(read_fixture("google-contacts.csv"), "google.csv");
    REQUIRE(batch.records.size() == 3);
    const Contact& ada = batch.records[0].contact;
    CHECK(ada.name == "Ada Lovelace");
    CHECK(ada.aka == Strings{"Ada King"});
    CHECK(ada.org == "Analytical Engines Ltd, Numbers");
    CHECK(ada.title == "Lead Analyst");
    CHECK(ada.email == Strings{"ada@example.org", "ada.king@example.org", "ada@engines.example"});
    CHECK(ada.phone == Strings{"+44 20 7946 0000"});
    CHECK(ada.address == "12 St James's Square, London SW1Y 4JH, United Kingdom");
    CHECK(ada.url == Strings{"https://ada.example.org"});
    CHECK(ada.tags == Strings{"Mentors", "London"});
    CHECK(ada.birthday == MonthDay{12, 10, 1815});
    CHECK(ada.notes == "Prefers mornings.\nAsk about the \"Bernoulli\" paper, please.");
    REQUIRE(ada.dates.size() == 1);
    CHECK(ada.dates[0].what == "anniversary");
    CHECK(ada.dates[0].date == MonthDay{6, 1, 2020});
    const Contact& grace = batch.records[1].contact;
    CHECK(grace.name == "Rear Admiral Grace Brewster Hopper");
    CHECK(grace.birthday == MonthDay{12, 9, std::nullopt});
    CHECK(grace.phone == Strings{"+1 202-555-0143", "+1 202-555-0199"});
    CHECK(grace.tags.empty());
    CHECK(batch.records[1].line == 6);
    REQUIRE(batch.errors.size() == 1);
    CHECK(batch.errors[0].located() == "google.csv:7: row has no name, organisation or email; skipped");
    REQUIRE(batch.warnings.size() == 1);
    CHECK(batch.warnings[0].located() == "google.csv:8: birthday 'April 30' is not a date; left out");
    CHECK(batch.records[2].contact.name == "Claude Shannon");
}

TEST_CASE("google csv: the legacy export, with a BOM and Group Membership") {
    const auto batch = read_google_csv(read_fixture("google-legacy.csv"), "legacy.csv");
    CHECK(batch.errors.empty());
    REQUIRE(batch.records.size() == 2);
    const Contact& jose = batch.records[0].contact;
    CHECK(jose.name == "José Núñez");
    CHECK(jose.aka == Strings{"Pepe"});
    CHECK(jose.org == "Robotica SA");
    CHECK(jose.title == "CTO");
    CHECK(jose.email == Strings{"jose@example.es", "pepe@example.es"});
    CHECK(jose.tags == Strings{"Robotics"});
    CHECK(jose.birthday == MonthDay{2, 14, std::nullopt});
    CHECK(jose.url == Strings{"https://jose.example.es"});
    const Contact& linus = batch.records[1].contact;
    CHECK(linus.name == "Linus Torvalds");  // no Name: assembled from its parts
    CHECK(linus.tags == Strings{"Friends"});
}

TEST_CASE("google csv: a file that is not a Google export is refused") {
    CHECK_REFUSED(read_google_csv("a,b\n1,2\n", "x.csv"),
        ErrorKind::invalid, "not a Google Contacts export: no 'First Name' or 'Given");
}

TEST_CASE("linkedin: Connected On in both forms") {
    CHECK(parse_connected_on("15 Mar 2024") == parse_iso_day("2024-03-15"));
    CHECK(parse_connected_on("07-Feb-22") == parse_iso_day("2022-02-07"));
    CHECK(parse_connected_on("2023-01-05") == parse_iso_day("2023-01-05"));
    CHECK(parse_connected_on("1/8/18, 6:14 PM") == parse_iso_day("2018-01-08"));
    CHECK(parse_connected_on("12/31/2017") == parse_iso_day("2017-12-31"));
    CHECK_FALSE(parse_connected_on("13/8/18, 6:14 PM"));
    CHECK_FALSE(parse_connected_on("31 Feb 2021"));
    CHECK_FALSE(parse_connected_on("15 Foo 2024"));
    CHECK_FALSE(parse_connected_on("yesterday"));
}

TEST_CASE("linkedin: BOM and Notes preamble skipped, header found by content") {
    const auto batch = read_linkedin_csv(read_fixture("linkedin-connections.csv"), "Connections.csv");
    REQUIRE(batch.records.size() == 3);
    const Contact& ada = batch.records[0].contact;
    CHECK(ada.name == "Ada Lovelace");
    CHECK(ada.url == Strings{"https://www.linkedin.com/in/adalovelace"});
    CHECK(ada.email == Strings{"ada@example.org"});
    CHECK(ada.org == "Analytical Engines Ltd");
    CHECK(ada.title == "Lead Analyst");
    CHECK(ada.met == "LinkedIn, connected 2024-03-15");
    CHECK_FALSE(ada.since);
    CHECK(batch.records[0].line == 5);
    const Contact& grace = batch.records[1].contact;
    CHECK(grace.email.empty());
    CHECK(grace.org == "US Navy, Research");
    CHECK(grace.title == "Rear Admiral, \"Amazing\"");
    CHECK(grace.met == "LinkedIn, connected 2022-02-07");
    REQUIRE(batch.errors.size() == 1);  // a date left out is a warning: the person is added
    CHECK(batch.errors[0].located() == "Connections.csv:7: connection has no name; skipped");
    REQUIRE(batch.warnings.size() == 1);
    CHECK(batch.warnings[0].located() == "Connections.csv:8: 'Connected On' date '31 Feb 2021' is not a date; left out");
}

TEST_CASE("linkedin: a file without the header is refused") {
    CHECK_REFUSED(read_linkedin_csv("Notes:\nnothing here\n", "c.csv"),
        ErrorKind::invalid, "not a LinkedIn Connections.csv: no 'First");
    CHECK_REFUSED(read_linkedin_csv("", "c.csv"), ErrorKind::invalid, "not a LinkedIn Connections.csv: no 'First");
}

TEST_CASE("csv: UTF-16 exports (with a BOM) and Windows-1252 fields read as UTF-8") {
    std::string utf16 = "\xFF\xFE";
    for (char32_t c : std::u32string(U"Name,Given Name\r\nJos\u00e9 \U0001F600,Jos\u00e9\r\n")) {
        if (c > 0xFFFF) {
            const char32_t v = c - 0x10000;
            for (char32_t u : {0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)}) utf16.append({static_cast<char>(u & 0xFF), static_cast<char>(u >> 8)});
        } else {
            utf16.append({static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)});
        }
    }
    const auto batch = read_google_csv(utf16, "legacy.csv");
    REQUIRE(batch.records.size() == 1);
    CHECK(batch.records[0].contact.name == "José 😀");
    const auto latin = read_google_csv("First Name,Last Name\nFran\xe7ois,M\xfcller\n", "x.csv");
    REQUIRE(latin.records.size() == 1);
    CHECK(latin.records[0].contact.name == "François Müller");
}

// Issue 18, items 8 and 21.
TEST_CASE("csv: every line end ends a record, and a line break inside quotes is kept as written") {
    for (const std::string end : {"\n", "\r\n", "\r", "\r\r\n"}) {
        CAPTURE(end);
        const auto rows = parse_csv("a,b" + end + "1,\"x\r\ny\"" + end + end + "2,z" + end, "x.csv");
        REQUIRE(rows.size() == 3);
        CHECK(rows[1].fields == Strings{"1", "x\r\ny"});
        CHECK(rows[2].fields == Strings{"2", "z"});
        CHECK(rows[2].line == 5);  // the quoted CR LF ends a line too
    }
}

TEST_CASE("google csv: an event's label goes with its own number; a bad value is an error, a dropped cell a warning") {
    const auto batch = read_google_csv("First Name,Event 1 - Label,Event 1 - Value,Event 2 - Label,Event 2 - Value,"
                                       "Address 1 - Formatted,Address 2 - Formatted\n"
                                       "Eve,,someday,Anniversary,2001-06-09,Home,Work ::: Other,extra\n",
                                       "e.csv");
    REQUIRE(batch.records.size() == 1);
    const Contact& eve = batch.records[0].contact;
    REQUIRE(eve.dates.size() == 1);
    CHECK(eve.dates[0].what == "anniversary");
    CHECK(eve.address == "Home");
    CHECK(batch.errors.empty());
    REQUIRE(batch.warnings.size() == 3);
    CHECK(batch.warnings[0].located() == "e.csv:2: 'Event 1 - Value' 'someday' is not a date; left out");
    CHECK(batch.warnings[1].located() == "e.csv:2: 2 addresses after the first left out ('Work'): a contact keeps one address");
    CHECK(batch.warnings[2].located() == "e.csv:2: 1 cell past the header's 7 columns left out");
}

TEST_CASE("google and linkedin csv: a file with a header and no row, or no header, is refused saying what it held") {
    CHECK_THROWS_WITH_AS(read_google_csv("First Name,Last Name\r\n", "g.csv"),
                         "holds no contact, only the header line; nothing was imported", Error);
    CHECK_THROWS_WITH_AS(read_google_csv("", "g.csv"), "holds no Google Contacts header: it is empty; nothing was imported",
                         Error);
    CHECK_THROWS_WITH_AS(read_linkedin_csv("Notes:\r\nFirst Name,Last Name,Connected On\r\n", "l.csv"),
                         "holds no connection, only the header line; nothing was imported", Error);
}

}  // namespace unit_csv
