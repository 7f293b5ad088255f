#include <doctest/doctest.h>

#include "kith/edit/comments.hpp"
#include "kith/model/person_keys.hpp"
#include "kith/query/duplicates.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_duplicates {

using namespace kith;

namespace {

Contact person(const std::string& slug, const std::string& name) {
    Contact c;
    c.slug = slug;
    c.name = name;
    return c;
}

}  // namespace

TEST_CASE("keys: e-mails folded, phones as digits (six at least), URLs without scheme, names without case or accents") {
    CHECK(email_key(" Ada@Example.ORG ") == "ada@example.org");
    CHECK(phone_key("+44 (20) 7946-0000") == "+442079460000");
    CHECK(phone_key("ext. 12") == "");
    CHECK(url_key("https://www.LinkedIn.com/in/ada/") == "linkedin.com/in/ada");
    CHECK(name_key("José  NÚÑEZ.") == "jose nunez");
}

TEST_CASE("duplicates pair people by each shared key, once per pair, with every reason, ordered by slugs") {
    Contact a = person("b-ada", "Ada Lovelace");
    a.email = {"ada@example.org"};
    Contact b = person("a-ada", "ADA LOVELACE");
    b.email = {"Ada@example.org", "ada@example.org"};
    b.phone = {"020 7946 0000"};
    Contact c = person("c", "Someone Else");
    c.phone = {"(020) 7946-0000"};
    c.aka = {"Ada  Lovelace"};
    const auto pairs = find_duplicates({a, b, c});
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].a == "a-ada");
    CHECK(pairs[0].b == "b-ada");
    CHECK(pairs[0].reasons == std::vector<std::string>{"email ada@example.org", "name ada lovelace"});
    CHECK(pairs[1].a == "a-ada");
    CHECK(pairs[1].b == "c");
    CHECK(pairs[1].reasons == std::vector<std::string>{"phone 02079460000", "name ada lovelace"});  // e-mail, phone, URL, name
    CHECK(pairs[2].reasons == std::vector<std::string>{"name ada lovelace"});
    CHECK(find_duplicates({person("x", "X One"), person("y", "Y Two")}).empty());
}

TEST_CASE("holders_of finds who has a name, an aka or an e-mail of a new person") {
    Contact have = person("ada", "Ada Lovelace");
    have.aka = {"Ada King"};
    have.email = {"ada@example.org"};
    Contact wanted = person("", "ada king");
    CHECK(holders_of(wanted, {have}).at(0).reasons == std::vector<std::string>{"name ada king"});
    wanted = person("", "Maggie");
    wanted.email = {"ADA@example.org"};
    CHECK(holders_of(wanted, {have}).at(0).reasons == std::vector<std::string>{"email ada@example.org"});
    wanted.email = {"maggie@example.org"};
    CHECK(holders_of(wanted, {have}).empty());
}

TEST_CASE("comments: comment lines and comments after values, never a '#' inside a value") {
    const std::string text =
        "# top\nname: Ada  # after\nnote: it's #1 # real\nq: \"a # b\"\nr: 'it''s # no'  # yes\nurl: a#b\n"
        "notes: |\n  # text, not a comment\nlog:\n  - {date: 2026-01-01, note: \"x # y\"}  # item\n";
    const auto found = find_comments(text, "x.yaml");
    REQUIRE(found.size() == 5);
    CHECK(found[0].line == 1);
    CHECK(found[0].text == "# top");
    CHECK(found[1].text == "# after");
    CHECK(found[2].text == "#1 # real");
    CHECK(found[3].text == "# yes");
    CHECK(found[4].line == 10);
    CHECK(found[4].text == "# item");
}

}  // namespace unit_duplicates
