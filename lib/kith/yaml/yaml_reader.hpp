#pragma once
// The guarded YAML reader: untrusted bytes in, a small located tree out.
// yaml-cpp 0.7.0 is driven through its event API, so no YAML::Node is ever built.
#include <string>
#include <string_view>
#include <vector>

#include "kith/yaml/yaml_value.hpp"

namespace kith {

// The deepest nesting kith reads; contact files need three levels.
inline constexpr int max_yaml_depth = 32;

// Reads one YAML document from bytes that passed check_text_bytes. Refuses anchors,
// aliases, explicit tags, duplicate keys, non-scalar keys, several documents, nesting
// deeper than max_yaml_depth and quoted values that swallow the lines after them.
// Throws an invalid-file Error with the path, line and column.
YamlValue read_yaml(std::string_view bytes, const std::string& path);

}  // namespace kith
