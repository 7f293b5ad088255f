#include <doctest/doctest.h>

#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"

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
