#include <doctest/doctest.h>

#include "kith/interchange/ics.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_ics {

using namespace kith;

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines") {
    CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("TEXT values carry no control character but the tab: CR LF, CR and LF are line breaks, the rest U+FFFD") {
    // RFC 5545 3.3.11 (and RFC 6350 3.3) forbid CTLs other than HTAB in a value.
    CHECK(ics_escape("a\vb\fc\x01" "d\x1b[0m\x7f\tz") == "a\uFFFDb\uFFFDc\uFFFDd\uFFFD[0m\uFFFD\tz");
    CHECK(ics_escape("1\r\n2\r3\n4\r\r\n5") == "1\\n2\\n3\\n4\\n\\n5");
    CHECK(ics_escape("\u0085\u2028\U0001F600") == "\u0085\u2028\U0001F600");  // not CTLs: carried as they are
}

TEST_CASE("lines fold at 75 octets with CRLF and a space, never inside a UTF-8 sequence") {
    CHECK(ics_fold("SUMMARY:short") == "SUMMARY:short\r\n");
    const std::string ascii = "DESCRIPTION:" + std::string(100, 'x');
    const std::string folded = ics_fold(ascii);
    CHECK(folded.substr(0, 77) == ascii.substr(0, 75) + "\r\n");
    CHECK(folded[77] == ' ');
    std::string cjk = "SUMMARY:";
    for (int i = 0; i < 40; ++i) cjk += "山";
    const std::string out = ics_fold(cjk);
    size_t start = 0;
    while (start < out.size()) {
        const size_t end = out.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        const auto first = static_cast<unsigned char>(out[start == 0 ? 0 : start + 1]);
        CHECK((first & 0xC0) != 0x80);  // no line starts inside a character
        start = end + 2;
    }
}

TEST_CASE("a calendar has stable UIDs, VTODOs and yearly VEVENTs") {
    Contact c;
    c.slug = "ada";
    c.name = "Ada, Countess";
    DueItem todo;
    todo.what = DueKind::followup;
    todo.contact = &c;
    todo.tier = "core";
    todo.due = *parse_iso_day("2026-12-05");
    todo.detail = "send paper";
    DueItem birthday = todo;
    birthday.what = DueKind::birthday;
    birthday.due = *parse_iso_day("2026-12-10");
    birthday.detail = "birthday";
    const std::string one = render_ics({todo, birthday}, *parse_iso_day("2026-11-28"));
    const std::string two = render_ics({todo, birthday}, *parse_iso_day("2026-11-29"));
    CHECK(one.find("BEGIN:VTODO\r\n") != std::string::npos);
    CHECK(one.find("DUE;VALUE=DATE:20261205\r\n") != std::string::npos);
    CHECK(one.find("BEGIN:VEVENT\r\n") != std::string::npos);
    CHECK(one.find("RRULE:FREQ=YEARLY\r\n") != std::string::npos);
    CHECK(one.find("SUMMARY:Ada\\, Countess's birthday\r\n") != std::string::npos);
    const auto uids = [](const std::string& ics) {
        std::vector<std::string> out;
        for (size_t at = ics.find("UID:"); at != std::string::npos; at = ics.find("UID:", at + 1))
            out.push_back(ics.substr(at, ics.find("\r\n", at) - at));
        return out;
    };
    CHECK(uids(one) == uids(two));
    CHECK(uids(one)[0] != uids(one)[1]);
    CHECK(one.ends_with("END:VCALENDAR\r\n"));
}

namespace {

DueItem item_of(const Contact& c, DueKind what, const char* due, std::string detail) {
    DueItem item;
    item.what = what;
    item.contact = &c;
    item.tier = "core";
    item.due = *parse_iso_day(due);
    item.detail = std::move(detail);
    return item;
}

// The value of the first `NAME:` line after `from`, unfolded lines only.
std::string value_of(const std::string& ics, const std::string& name, size_t from = 0) {
    const size_t at = ics.find("\r\n" + name + ":", from);
    if (at == std::string::npos) return "";
    const size_t start = at + 3 + name.size();
    return ics.substr(start, ics.find("\r\n", start) - start);
}

}  // namespace

TEST_CASE("an empty calendar still has its properties") {
    const std::string empty =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith//kith due//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n";
    CHECK(render_ics({}, *parse_iso_day("2026-11-28")) == empty);
    CHECK(render_ics({}, *parse_iso_day("2026-11-28"), IcsTodos::events) == empty);
}

TEST_CASE("a yearly birthday says nothing that is wrong next year, and keeps its UID") {
    Contact c;
    c.slug = "sofia";
    c.name = "Sofia";
    c.birthday = MonthDay{11, 29, 1990};
    const std::string now = render_ics({item_of(c, DueKind::birthday, "2026-11-29", "turns 36")}, *parse_iso_day("2026-11-28"));
    const std::string next = render_ics({item_of(c, DueKind::birthday, "2027-11-29", "turns 37")}, *parse_iso_day("2027-11-28"));
    CHECK(value_of(now, "SUMMARY") == "Sofia's birthday");
    CHECK(now.find("turns") == std::string::npos);
    CHECK(value_of(now, "RRULE") == "FREQ=YEARLY");
    CHECK(value_of(now, "DESCRIPTION").starts_with("born 1990\\ntier: core"));
    CHECK(value_of(now, "UID") == value_of(next, "UID"));
}

TEST_CASE("a yearly day on 29 February recurs on the last day of February") {
    Contact c;
    c.slug = "leap";
    c.name = "Leap";
    c.birthday = MonthDay{2, 29, std::nullopt};
    c.dates = {YearlyDate{MonthDay{2, 29, 2000}, "wedding"}, YearlyDate{MonthDay{2, 28, 2001}, "founded"}};
    const std::string ics = render_ics({item_of(c, DueKind::birthday, "2027-02-28", "birthday"),
                                        item_of(c, DueKind::date, "2027-02-28", "wedding"),
                                        item_of(c, DueKind::date, "2027-02-28", "founded")},
                                       *parse_iso_day("2027-02-20"));
    const size_t wedding = ics.find("SUMMARY:Leap: wedding"), founded = ics.find("SUMMARY:Leap: founded");
    CHECK(value_of(ics, "RRULE") == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
    CHECK(value_of(ics, "RRULE", wedding) == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
    CHECK(value_of(ics, "DESCRIPTION", wedding).starts_with("since 2000\\n"));
    CHECK(value_of(ics, "RRULE", founded) == "FREQ=YEARLY");
}

TEST_CASE("with events, follow-ups and contacts are all-day VEVENTs: overdue on today, ahead on their day") {
    Contact c;
    c.slug = "ada";
    c.name = "Ada";
    const Day today = *parse_iso_day("2026-11-28");
    DueItem late = item_of(c, DueKind::contact, "2026-11-20", "no contact yet");
    late.overdue = 8;
    DueItem ahead = item_of(c, DueKind::followup, "2026-12-05", "send paper");
    ahead.overdue = -7;
    const std::string todos = render_ics({late, ahead}, today);
    const std::string events = render_ics({late, ahead}, today, IcsTodos::events);
    CHECK(todos.find("BEGIN:VTODO") != std::string::npos);
    CHECK(events.find("VTODO") == std::string::npos);
    CHECK(events.find("RRULE") == std::string::npos);
    const size_t second = events.find("SUMMARY:Ada: send paper");
    CHECK(value_of(events, "SUMMARY") == "Get in touch with Ada");
    CHECK(value_of(events, "DTSTART;VALUE=DATE") == "20261128");
    CHECK(value_of(events, "DTEND;VALUE=DATE") == "20261129");
    CHECK(value_of(events, "DESCRIPTION").starts_with("due: 2026-11-20\\ntier: core\\nlast: no contact yet"));
    CHECK(value_of(events, "DTSTART;VALUE=DATE", second) == "20261205");
    CHECK(value_of(events, "DTEND;VALUE=DATE", second) == "20261206");
    CHECK(value_of(events, "TRANSP", second) == "TRANSPARENT");
    // The same thing has the same UID whichever way it is written.
    CHECK(value_of(todos, "UID") == value_of(events, "UID"));
}

}  // namespace unit_ics
