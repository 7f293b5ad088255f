#include <doctest/doctest.h>

#include "kith/base/slug.hpp"
#include "kith/base/text.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_slug {

using namespace kith;

TEST_CASE("slugs fold Latin letters to ASCII") {
    CHECK(make_slug("José Núñez") == "jose-nunez");
    CHECK(make_slug("Ada Lovelace") == "ada-lovelace");
    CHECK(make_slug("  Jean-Luc   Picard!! ") == "jean-luc-picard");
    CHECK(make_slug("Søren Kierkegaard") == "soren-kierkegaard");
    CHECK(make_slug("Łukasz Żółć") == "lukasz-zolc");
    CHECK(make_slug("Straße") == "strasse");
    CHECK(make_slug("O'Brien, Mary (Dr.)") == "o-brien-mary-dr");
}

TEST_CASE("slugs keep other scripts as UTF-8") {
    CHECK(make_slug("山田 太郎") == "山田-太郎");
    CHECK(make_slug("Иван Петров") == "иван-петров");
}

TEST_CASE("slugs never hold '/', never start with '.', and fit in 80 bytes") {
    CHECK(make_slug("../../etc/passwd") == "etc-passwd");
    CHECK(make_slug(".hidden") == "hidden");
    CHECK(make_slug("!!!") == "");
    const std::string long_name(200, 'a');
    CHECK(make_slug(long_name).size() == 80);
    std::string cjk;
    for (int i = 0; i < 40; ++i) cjk += "山";  // 3 bytes each
    const std::string cut = make_slug(cjk);
    CHECK(cut.size() <= 80);
    CHECK_FALSE(find_invalid_utf8(cut));
}

TEST_CASE("slug problems") {
    CHECK(slug_problem("ada") == "");
    CHECK(slug_problem("") != "");
    CHECK(slug_problem("a/b") != "");
    CHECK(slug_problem(".ada") != "");
    CHECK(slug_problem("..") != "");
    CHECK(slug_problem("a b") != "");
    CHECK(slug_problem(std::string(81, 'a')) != "");
}

TEST_CASE("display width counts CJK as two columns") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("山田") == 4);
    CHECK(display_width("José") == 4);
    CHECK(fit_width("山田太郎", 5) == "山田…");
    CHECK(fit_width("abcdef", 4) == "abc…");
    CHECK(fit_width("abc", 4) == "abc");
    CHECK(pad_right("山", 4) == "山  ");
}

TEST_CASE("display width of ASCII text is what it is beside other text") {
    for (int c = 0; c < 0x80; ++c) {  // the ASCII-only way and utf8proc's agree on every character
        const std::string alone(3, static_cast<char>(c));
        CHECK(display_width(alone) == display_width(alone + "\u00e9") - 1);
    }
}

TEST_CASE("folding ignores case and accents") {
    CHECK(fold("JOSÉ") == fold("jose"));
    CHECK(contains_folded("Analytical Engines Ltd", "engines"));
    CHECK_FALSE(contains_folded("Analytical", "engines"));
}

TEST_CASE("a slug holds nothing a shell or a glob would read (SPEC 3)") {
    for (const char* bad : {"$(touch x)", "a$b", "a`b`", "o'brien", "say\"hi", "a*", "a?", "a[1]", "a{b,c}",
                            "a\\b", "hey!", "a;b", "a&b", "a|b", "a<b", "a>b", "a(b)", "#a", "~ada", "a\tb",
                            "a\xc2\xa0" "b", "a\xe2\x80\x83" "b", "a\xe2\x80\xae" "b", "a\x1b[2J", "-rf", ".hidden"}) {
        CAPTURE(bad);
        CHECK(slug_problem(bad) != "");
    }
    for (const char* good : {"ada", "ada-lovelace", "jose-nunez", "山田-太郎", "a.b", "a_b", "a+b", "a@b", "a,b",
                             "a=b", "a%b", "a:b", "007"})
        CHECK(slug_problem(good) == "");
    CHECK(slug_problem(make_slug("$(touch x) `rm` 'q' \"d\" * ? [a] {b} ! ; & | < >")) == "");
}

TEST_CASE("a numbered slug fits in 80 bytes and is cut between characters, never inside one") {
    CHECK(numbered_slug("ada-lovelace", 2) == "ada-lovelace-2");
    std::string name;
    for (int i = 0; i < 60; ++i) name += "\xe5\xb1\xb1";  // 山, three bytes each
    const std::string han = make_slug(name);
    REQUIRE(han.size() <= max_slug_bytes);
    for (int n : {2, 10, 12345}) {
        const std::string slug = numbered_slug(han, n);
        CHECK(slug.size() <= max_slug_bytes);
        CHECK_MESSAGE(slug_problem(slug).empty(), slug);
        CHECK(slug.ends_with("-" + std::to_string(n)));
    }
    CHECK(numbered_slug(std::string(79, 'a') + "-b", 3).ends_with("a-3"));
}

}  // namespace unit_slug
