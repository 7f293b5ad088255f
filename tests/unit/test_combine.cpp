#include <doctest/doctest.h>

#include "kith/base/error.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/query/combine.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_combine {

using namespace kith;

namespace {

Contact read(const std::string& text, const std::string& slug) {
    Contact c = parse_contact(text, "contacts/" + slug + ".yaml", default_config());
    c.slug = slug;
    return c;
}

}  // namespace

TEST_CASE("combine folds B into A's text, keeping every byte of A it does not change") {
    const std::string a_text =
        "# mine\nname: Ada\nemail: [ada@x.org]  # work\nnotes: |\n  keep\nlog:\n  - {date: 2026-01-10, kind: call}\n";
    const std::string b_text =
        "name: Ada K\nemail: [ADA@x.org, ada@home.org]\norg: Acme\nlog:\n  - {date: 2026-01-05, kind: intro, with: b}\n"
        "  - {date: 2026-01-10, kind: call}\n";
    const Combined out = combine_people(a_text, read(a_text, "a"), read(b_text, "b"), Prefer::neither, default_config());
    CHECK(out.text ==
          "# mine\nname: Ada\naka: [Ada K]\norg: Acme\nemail: [ada@x.org, ada@home.org]  # work\nnotes: |\n  keep\nlog:\n"
          "  - {date: 2026-01-05, kind: intro, with: a}\n  - {date: 2026-01-10, kind: call}\n");
    CHECK(out.taken == std::vector<std::string>{"aka +1", "org", "email +1", "log +1"});
}

TEST_CASE("combine refuses scalars that differ, naming each, unless a side is preferred; days follow their own rule") {
    const std::string a_text = "name: Ada\norg: Acme\ntitle: Boss\nsince: 2020-01-01\nsnooze: 2026-01-01\n";
    const std::string b_text = "name: Ada\norg: ACME\ntitle: Chief\nrole: Numbers\nsince: 2019-01-01\nsnooze: 2026-02-01\n";
    const Contact a = read(a_text, "a"), b = read(b_text, "b");
    try {
        combine_people(a_text, a, b, Prefer::neither, default_config());
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        CHECK(e.message().starts_with("a and b differ in title ('Boss' and 'Chief'); choose with --prefer A"));
    }
    CHECK(combine_people(a_text, a, b, Prefer::a, default_config()).text ==
          "name: Ada\norg: Acme\ntitle: Boss\nrole: Numbers\nsince: 2019-01-01\nsnooze: 2026-02-01\n");
    CHECK(combine_people(a_text, a, b, Prefer::b, default_config()).text ==
          "name: Ada\norg: Acme\ntitle: Chief\nrole: Numbers\nsince: 2019-01-01\nsnooze: 2026-02-01\n");
}

TEST_CASE("uncarried names B's comments, unknown keys and unknown item fields, each at its place") {
    const auto found = uncarried("name: B  # x\nmine: 1\nlog:\n  - {date: 2026-01-01, mood: ok}\n", "contacts/b.yaml");
    REQUIRE(found.size() == 3);
    CHECK(found[0].located() == "contacts/b.yaml:1: a comment merge cannot carry: '# x'");
    CHECK(found[1].where().line == 2);
    CHECK(found[2].message() == "a field of 'log' merge cannot carry: 'mood'");
    CHECK(uncarried("name: B\nnotes: \"# no\"\n", "b.yaml").empty());
}

}  // namespace unit_combine
