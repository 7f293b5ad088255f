#include <doctest/doctest.h>

#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_resolve {

using namespace kith;

static std::vector<Contact> people() {
    std::vector<Contact> out(4);
    out[0].slug = "ada-lovelace";
    out[0].name = "Ada Lovelace";
    out[0].aka = {"Ada King"};
    out[1].slug = "jose-nunez";
    out[1].name = "José Núñez";
    out[2].slug = "grace-hopper";
    out[2].name = "Grace Hopper";
    out[3].slug = "grace-kelly";
    out[3].name = "Grace Kelly";
    return out;
}

static std::string usage_message(const std::vector<Contact>& all, const char* name) {
    try {
        resolve(all, name);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::usage);
        return e.message();
    }
    return "";
}

TEST_CASE("NAME by slug, name and aka, ignoring case and accents") {
    const auto all = people();
    CHECK(resolve(all, "ada-lovelace").slug == "ada-lovelace");
    CHECK(resolve(all, "ADA LOVELACE").slug == "ada-lovelace");
    CHECK(resolve(all, "ada king").slug == "ada-lovelace");
    CHECK(resolve(all, "jose nunez").slug == "jose-nunez");
    CHECK(resolve(all, "JOSÉ").slug == "jose-nunez");
}

TEST_CASE("NAME by unique prefix, then by a word's prefix") {
    const auto all = people();
    CHECK(resolve(all, "ad").slug == "ada-lovelace");
    CHECK(resolve(all, "grace-h").slug == "grace-hopper");
    CHECK(resolve(all, "hopper").slug == "grace-hopper");
    CHECK(resolve(all, "kel").slug == "grace-kelly");
}

TEST_CASE("an ambiguous NAME lists the candidates") {
    const std::string message = usage_message(people(), "grace");
    CHECK(message.find("grace-hopper") != std::string::npos);
    CHECK(message.find("grace-kelly") != std::string::npos);
}

TEST_CASE("an unknown NAME gets a did-you-mean") {
    CHECK(usage_message(people(), "ada-lovelance").find("did you mean 'ada-lovelace'") != std::string::npos);
    CHECK(usage_message(people(), "hoper").find("did you mean 'grace-hopper'") != std::string::npos);
    CHECK(usage_message(people(), "zzzzzz").find("did you mean") == std::string::npos);
}

static Contact person(const char* slug, const char* name, const char* org = "", const char* tier = "") {
    Contact c;
    c.slug = slug;
    c.name = name;
    c.org = org;
    c.tier = tier;
    return c;
}

TEST_CASE("a whole word of exactly one name wins over prefixes of others") {
    std::vector<Contact> all = {person("meister-berger", "Meister Berger"), person("mei-chen", "Mei Chen"),
                                person("meiko-ito", "Meiko Ito")};
    CHECK(resolve(all, "mei").slug == "mei-chen");
    CHECK(resolve(all, "MEI").slug == "mei-chen");
    CHECK(resolve(all, "chen").slug == "mei-chen");
    all.push_back(person("tom-baker", "Tom Baker"));
    all.back().aka = {"Tommy Mei-Lin"};  // a word of an aka counts as much as a word of the name
    CHECK(usage_message(all, "mei").find("tom-baker") != std::string::npos);
    CHECK(resolve(all, "lin").slug == "tom-baker");
    // A run of whole words: "amadeus mustermann" is one person, "max" a prefix of two.
    all.push_back(person("max-amadeus-mustermann", "Max Amadeus Mustermann"));
    all.push_back(person("maxine-roe", "Maxine Roe"));
    CHECK(resolve(all, "amadeus mustermann").slug == "max-amadeus-mustermann");
    CHECK(resolve(all, "max").slug == "max-amadeus-mustermann");
}

TEST_CASE("an exact slug or full name always wins over words and akas") {
    std::vector<Contact> all = {person("ann", "Ann"), person("ann-smith", "Ann Smith"), person("bo-ek", "Bo Ek")};
    all[2].aka = {"Ann"};
    CHECK(resolve(all, "ann").slug == "ann");
    CHECK(resolve(all, "Ann").slug == "ann");
    all[0].slug = "ann-x";  // the full name still wins over another's aka and a word of a third
    CHECK(resolve(all, "ann").slug == "ann-x");
}

TEST_CASE("an ambiguous NAME lists at most eight candidates with what tells them apart") {
    std::vector<Contact> all;
    const char* slugs[] = {"sam-a", "sam-b", "sam-c", "sam-d", "sam-e", "sam-f", "sam-g", "sam-h", "sam-i", "sam-j"};
    for (const char* slug : slugs) all.push_back(person(slug, "Sam Park", "Acme", "close"));
    all[1].org = "Globex";
    all[2].tier = "core";
    const std::string message = usage_message(all, "sam");
    CHECK(message.find("sam-a (Sam Park, Acme, close)") != std::string::npos);
    CHECK(message.find("sam-b (Sam Park, Globex, close)") != std::string::npos);
    CHECK(message.find("sam-c (Sam Park, Acme, core)") != std::string::npos);
    CHECK(message.find("sam-h") != std::string::npos);
    CHECK(message.find("sam-i") == std::string::npos);
    CHECK(message.find("and 2 more") != std::string::npos);
    CHECK(candidates(all, "sam park").size() == 10);
}

}  // namespace unit_resolve
