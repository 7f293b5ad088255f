#include "kith/model/config_file.hpp"

#include <set>

#include "kith/base/error.hpp"
#include "kith/model/schema.hpp"
#include "kith/yaml/yaml_emit.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith {
namespace {

std::vector<Tier> read_tiers(const SchemaReader& in, const YamlValue& list) {
    in.expect_sequence(list, "tiers");
    if (list.items.empty()) in.fail(list, "'tiers' needs at least one tier");
    std::vector<Tier> tiers;
    std::set<std::string> seen;
    for (const auto& item : list.items) {
        if (item.kind != YamlValue::Kind::map) in.fail(item, "each tier must be a map such as {name: core, cadence: 30d}");
        const YamlValue* name = item.find("name");
        const YamlValue* cadence = item.find("cadence");
        if (!name || in.text(*name, "name").empty()) in.fail(item, "each tier needs a 'name'");
        if (!cadence) in.fail(item, "tier '" + name->text + "' needs a 'cadence' such as 30d");
        if (!seen.insert(name->text).second) in.fail(*name, "tier '" + name->text + "' is listed twice");
        Tier tier{name->text, *in.duration(*cadence, "cadence"), std::nullopt};
        if (const YamlValue* notice = item.find("notice")) tier.notice = in.duration(*notice, "notice");
        tiers.push_back(std::move(tier));
    }
    return tiers;
}

}  // namespace

Config parse_config(std::string_view bytes, const std::string& path) {
    const SchemaReader in(path);
    const YamlValue root = read_yaml(bytes, path);
    in.expect_map(root, "kith.yaml");
    Config config = default_config();
    if (const YamlValue* tiers = root.find("tiers")) {
        config.tiers = read_tiers(in, *tiers);
        if (!config.find_tier(config.default_tier)) config.default_tier = config.tiers.back().name;
    }
    if (const YamlValue* fallback = root.find("default_tier")) {
        const std::string name = in.text(*fallback, "default_tier");
        if (!config.find_tier(name))
            in.fail(*fallback, config.unknown_tier(name));
        config.default_tier = name;
    }
    if (const YamlValue* me = root.find("me")) {
        in.expect_map(*me, "'me'");
        if (const YamlValue* name = me->find("name")) config.me_name = in.text(*name, "name");
        if (const YamlValue* email = me->find("email")) config.me_email = in.text(*email, "email");
        if (const YamlValue* more = me->find("addresses")) config.me_addresses = in.text_list(*more, "addresses");
    }
    if (const YamlValue* git = root.find("git")) {
        in.expect_map(*git, "'git'");
        if (const YamlValue* autocommit = git->find("autocommit")) config.autocommit = in.boolean(*autocommit, "autocommit");
    }
    return config;
}

std::string default_config_text() {
    return R"(# kith settings. Every key is optional; these are the defaults.

# Tiers, closest first: the order is the rank.
#   cadence: how often to be in touch before someone shows as due
#   notice:  how early birthdays and yearly dates show up in `kith due`
tiers:
  - {name: core,  cadence: 30d,  notice: 14d}   # decisive people: boss, key colleagues, key customers
  - {name: close, cadence: 90d,  notice: 7d}    # the ring around them
  - {name: loose, cadence: 180d, notice: 2d}    # people who may matter later

# The tier of people added without --tier.
default_tier: loose

# Who signs introductions.
# me: {name: Sam Rivera, email: sam@example.org}

# When true, every change kith makes is committed to git with a clear message.
git: {autocommit: false}
)";
}

std::optional<std::string> default_config_text_signed(const std::string& name, const std::string& email) {
    std::string text = default_config_text();
    const std::string example = "# me: {name: Sam Rivera, email: sam@example.org}";
    const size_t at = text.find(example);
    if (name.empty() || at == std::string::npos) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> me = {{"name", yaml_scalar(name)}};
    if (!email.empty()) me.emplace_back("email", yaml_scalar(email));
    text.replace(at, example.size(), "me: " + yaml_flow_map(me) + "   # from git config user.name and user.email");
    return text;
}

}  // namespace kith
