#pragma once
// Checks for edits at the end of a file: every value the file held reads the same after it.
#include <string>

#include "kith/edit/editor_check.hpp"
#include "kith/yaml/yaml_reader.hpp"

// True when `after` reads, and every top-level key of `before` reads there as it did.
inline bool keeps_values(const std::string& before, const std::string& after) {
    const kith::YamlValue was = kith::read_yaml(before, "x.yaml");
    const kith::YamlValue is = kith::read_yaml(after, "x.yaml");
    for (const auto& entry : was.entries) {
        const kith::YamlValue* now = is.find(entry.key.text);
        if (!now || !kith::same_value(entry.value, *now)) return false;
    }
    return true;
}
