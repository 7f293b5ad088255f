#include <doctest/doctest.h>

#include "kith/ics.hpp"

using namespace kith;

TEST_CASE("TEXT values escape backslash, semicolon, comma and newlines") {
    CHECK(ics_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
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
