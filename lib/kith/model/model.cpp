#include "kith/model/model.hpp"

#include "kith/base/error.hpp"

namespace kith {

const Tier* Config::find_tier(const std::string& name) const {
    for (const auto& tier : tiers)
        if (tier.name == name) return &tier;
    return nullptr;
}

size_t Config::rank(const std::string& name) const {
    for (size_t i = 0; i < tiers.size(); ++i)
        if (tiers[i].name == name) return i;
    return tiers.size();
}

std::string Config::tier_names() const {
    std::string out;
    for (const auto& tier : tiers) out += (out.empty() ? "" : ", ") + tier.name;
    return out;
}

std::string Config::unknown_tier(const std::string& name) const {
    return "unknown tier '" + name + "' (tiers: " + tier_names() + ")";
}

void Config::require_tier(const std::string& name) const {
    if (!find_tier(name)) fail_usage(unknown_tier(name));
}

Config default_config() {
    Config config;
    config.tiers = {
        {"core", {30, 'd'}, Duration{14, 'd'}},
        {"close", {90, 'd'}, Duration{7, 'd'}},
        {"loose", {180, 'd'}, Duration{2, 'd'}},
    };
    config.default_tier = "loose";
    return config;
}

bool counts_as_contact(const std::string& kind) { return kind != "note"; }

const std::string& tier_of(const Contact& contact, const Config& config) {
    return contact.tier.empty() ? config.default_tier : contact.tier;
}

}  // namespace kith
