#include <doctest/doctest.h>

#include "kith/model/config_file.hpp"
#include "kith/base/error.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_config {

using namespace kith;

TEST_CASE("the file init writes reads as the defaults") {
    const Config config = parse_config(default_config_text(), "kith.yaml");
    REQUIRE(config.tiers.size() == 3);
    CHECK(config.tiers[0].name == "core");
    CHECK(config.tiers[0].cadence == Duration{30, 'd'});
    CHECK(config.tiers[0].notice == Duration{14, 'd'});
    CHECK(config.tiers[2].notice == Duration{2, 'd'});
    CHECK(config.default_tier == "loose");
    CHECK_FALSE(config.autocommit);
}

TEST_CASE("custom tiers, me and git") {
    const Config config = parse_config(
        "tiers:\n  - {name: inner, cadence: 1m}\n  - {name: outer, cadence: 1y}\nme: {name: Sam, email: s@x}\n"
        "git: {autocommit: true}\n",
        "kith.yaml");
    CHECK(config.tier_names() == "inner, outer");
    CHECK(config.default_tier == "outer");
    CHECK_FALSE(config.tiers[0].notice);
    CHECK(config.me_name == "Sam");
    CHECK(config.autocommit);
    CHECK(config.rank("outer") == 1);
    CHECK(config.rank("nope") == 2);
}

TEST_CASE("bad settings are located") {
    CHECK_THROWS_WITH_AS(parse_config("default_tier: vip\n", "kith.yaml"),
                         "unknown tier 'vip' (tiers: core, close, loose)", Error);
    CHECK_REFUSED(parse_config("tiers: []\n", "kith.yaml"), ErrorKind::invalid, "'tiers' needs at least one tier");
    CHECK_REFUSED((parse_config("tiers:\n  - {name: a}\n", "kith.yaml")),
        ErrorKind::invalid, "tier 'a' needs a 'cadence' such as 30d");
    CHECK_REFUSED((parse_config("tiers:\n  - {name: a, cadence: 1d}\n  - {name: a, cadence: 2d}\n", "kith.yaml")),
        ErrorKind::invalid, "tier 'a' is listed twice");
    CHECK_REFUSED((parse_config("git: {autocommit: maybe}\n", "kith.yaml")),
        ErrorKind::invalid, "'autocommit' must be true or false, not 'maybe'");
}

}  // namespace unit_config
