#include <doctest/doctest.h>

#include <sstream>

#include "kith/interchange/eml.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_eml {

using namespace kith;

namespace {

std::vector<std::string> header_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text.substr(0, text.find("\n\n")));
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("a draft has From, To, Subject and UTF-8 MIME headers, no Date, and the body as written") {
    const Draft d = render_draft({"Sam Rivera", "sam@example.org"}, {{"Ada Lovelace", "ada@example.org"}}, "Hello", "Hi Ada,\n");
    CHECK(d.text ==
          "From: Sam Rivera <sam@example.org>\nTo: Ada Lovelace <ada@example.org>\nSubject: Hello\nMIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHi Ada,\n");
    CHECK(d.left_out.empty());
}

TEST_CASE("header texts that are not plain ASCII are encoded words; no header line passes 78; controls never break a line") {
    const std::string long_name(100, 'x');
    const Draft d = render_draft({}, {{"José \"Pepe\"\nBcc: evil@example.org", "j@example.org"}, {long_name, "x@example.org"}},
                                 "Über " + std::string(120, 'a') + "\r\nBcc: evil@example.org", "body\n");
    for (const auto& line : header_lines(d.text)) {
        CHECK(line.size() <= 78);
        CHECK_FALSE(line.starts_with("Bcc:"));
        for (const char c : line) CHECK((c >= 0x20 && c < 0x7f));
    }
    CHECK(d.text.find("To: =?UTF-8?B?") != std::string::npos);
    CHECK(d.text.find("Subject: =?UTF-8?B?") != std::string::npos);
}

TEST_CASE("ASCII names with specials are quoted; long ASCII subjects fold at blanks") {
    std::string subject;
    for (int i = 0; i < 20; ++i) subject += "word" + std::to_string(i) + " ";
    const Draft d = render_draft({}, {{"Doe, John \"JD\"", "jd@example.org"}}, subject, "b\n");
    CHECK(d.text.find("To: \"Doe, John \\\"JD\\\"\" <jd@example.org>\n") != std::string::npos);
    for (const auto& line : header_lines(d.text)) CHECK(line.size() <= 78);
    CHECK(d.text.find("\n word") != std::string::npos);
}

TEST_CASE("a recipient without a usable address is left out and named; a body with a long line is base64") {
    const Draft d = render_draft({}, {{"No Mail", ""}, {"Odd", "a b@example.org"}, {"Ok", "ok@example.org"}}, "s",
                                 std::string(1200, 'x') + "\n");
    CHECK(d.left_out == std::vector<std::string>{"No Mail", "Odd"});
    CHECK(d.text.find("To: Ok <ok@example.org>\n") != std::string::npos);
    CHECK(d.text.find("Content-Transfer-Encoding: base64\n\neHh4") != std::string::npos);
    const Draft none = render_draft({}, {{"No Mail", ""}}, "s", "b\n");
    CHECK(none.text.find("To:") == std::string::npos);
}

}  // namespace unit_eml
