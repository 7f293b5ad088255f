#include <doctest/doctest.h>

#include "kith/interchange/import_input.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_import_input {

using namespace kith;
using Strings = std::vector<std::string>;

namespace {

// Hands out `bytes` `size` bytes at a time, so that every boundary falls somewhere.
ReadChunk in_pieces(const std::string& bytes, size_t size) {
    return [bytes, size, at = size_t{0}]() mutable {
        const std::string_view rest = std::string_view(bytes).substr(std::min(at, bytes.size()));
        at += size;
        return rest.substr(0, size);
    };
}

Strings lines_of(const std::string& bytes, size_t piece, size_t max_line = 1 << 20) {
    InputLines lines(in_pieces(bytes, piece), max_line, "x");
    Strings out;
    for (InputLine line; lines.next(line);) out.push_back(line.text);
    return out;
}

std::string utf16le(const std::u32string& text) {
    std::string out = "\xFF\xFE";
    for (char32_t c : text) {
        const auto unit = [&](char32_t u) { out.append({static_cast<char>(u & 0xFF), static_cast<char>(u >> 8)}); };
        if (c > 0xFFFF) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            unit(c);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("import input: every line end is one (LF, CRLF, CR, CR CR LF, mixed), wherever a chunk ends") {
    const Strings want = {"a", "b", "", "c", "d", "e"};
    for (const std::string& bytes : {std::string("a\nb\n\nc\nd\ne\n"), std::string("a\r\nb\r\n\r\nc\r\nd\r\ne"),
                                     std::string("a\rb\r\rc\rd\re\r"), std::string("a\r\r\nb\r\r\n\r\r\nc\r\r\nd\r\r\ne\r\r\n"),
                                     std::string("a\r\r\nb\r\n\nc\rd\ne\r\n")}) {
        for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{64}}) {
            CAPTURE(bytes);
            CAPTURE(piece);
            CHECK(lines_of(bytes, piece) == want);
        }
    }
    // A CR alone, then a CR CR LF: two line ends, not one and an empty line.
    CHECK(lines_of("a\r\r\r\nb", 1) == Strings{"a", "", "b"});
}

TEST_CASE("import input: line numbers, the line end as written, a long line cut with its length and last byte") {
    InputLines lines(in_pieces("one\r\r\n" + std::string(100, 'x') + "=\rlast", 7), 10, "x");
    InputLine line;
    REQUIRE(lines.next(line));
    CHECK(line.number == 1);
    CHECK(line.ending == "\r\r\n");
    REQUIRE(lines.next(line));
    CHECK(line.number == 2);
    CHECK(line.text == std::string(10, 'x'));
    CHECK(line.length == 101);
    CHECK(line.cut());
    CHECK(line.last == '=');
    CHECK(line.ending == "\r");
    REQUIRE(lines.next(line));
    CHECK(line.text == "last");
    CHECK(line.ending == "");
    CHECK_FALSE(lines.next(line));
}

TEST_CASE("import input: a BOM is skipped; UTF-16 is read as UTF-8 even when a chunk splits a character or a pair") {
    CHECK(lines_of("\xEF\xBB\xBF" "a\nb", 1) == Strings{"a", "b"});
    const std::string wide = utf16le(U"Jos\u00e9 \U0001F600\r\nz");
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{5}})
        CHECK(lines_of(wide, piece) == Strings{"Jos\u00e9 \U0001F600", "z"});
}

TEST_CASE("import input: what an input looked like, for the error about one that yields nothing") {
    const auto described = [](const std::string& bytes, std::string_view format) {
        InputLines lines(whole_input(bytes), 1 << 20, "x");
        for (InputLine line; lines.next(line);) {
        }
        return lines.describe(format);
    };
    CHECK(described("", "vcard") == "it is empty");
    CHECK(described("\n \r\n", "vcard") == "it holds only blank lines");
    CHECK(described(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "vcard") ==
          "it looks binary (it starts with the bytes 89 50 4e 47 0d 0a 1a 0a)");
    CHECK(described("First Name,Last Name,E-mail 1 - Value\r\nAda,L,a@x\r\n", "vcard") ==
          "its first line is 'First Name,Last Name,E-mail 1 - Value'; it looks like a Google Contacts CSV: try "
          "'kith import google'");
    CHECK(described("begin:vcard\nFN:A\nEND:VCARD\n", "google") ==
          "its first line is 'begin:vcard'; it looks like a vCard file: try 'kith import vcard'");
    CHECK(described("Notes:\n\"When exporting\"\n\nFirst Name,Last Name,Connected On\n", "google").ends_with(
        "try 'kith import linkedin'"));
    CHECK(described("BEGIN:VCARD\n", "vcard") == "its first line is 'BEGIN:VCARD'");
}

TEST_CASE("import input: an input that looks binary yields no line at all") {
    std::string binary(4096, '\0');
    CHECK(lines_of(binary, 100).empty());
    // One NUL in a text is no binary file: the line is read (and the vCard reader reports the NUL).
    CHECK(lines_of(std::string("BEGIN:VCARD\nNOTE:a\0b\nEND:VCARD\n", 31), 7).size() == 3);
    // Nor are many control characters after a first line of text.
    CHECK(lines_of("BEGIN:VCARD\nNOTE:" + std::string(600, '\x01') + "\nEND:VCARD\n", 64).size() == 3);
}

TEST_CASE("import input: bytes that are not UTF-8 are read as Windows-1252, one byte at a time") {
    CHECK(utf8_or_cp1252("caf\xe9") == "caf\u00e9");
    // Valid UTF-8 around an invalid byte stays as it is (it was re-read whole as cp1252: "cafÃ©").
    CHECK(utf8_or_cp1252("caf\xc3\xa9 \xe9t\xe9 \x80") == "caf\u00e9 \u00e9t\u00e9 \u20ac");
    CHECK(utf8_or_cp1252("\xe2\x82") == "\u00e2\u201a");  // a cut sequence: each byte on its own
    CHECK(utf8_or_cp1252("plain") == "plain");
}

}  // namespace unit_import_input
