#pragma once
// The guarded YAML reader: untrusted bytes in, a small located tree out.
// yaml-cpp 0.7.0 is driven through its event API, so no YAML::Node is ever built.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

struct YamlEntry;

// A YAML value with the place it starts at (1-based line and column).
struct YamlValue {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string text;    // a scalar's text
    bool plain = true;   // false when the scalar was quoted or a block (| or >)
    bool flow = false;   // true for [..] and {..} collections
    int line = 0;
    int column = 0;
    std::vector<YamlValue> items;                            // sequence items
    std::vector<YamlEntry> entries;                          // map keys and values, in order

    // Returns the value of `key` in a map, or nullptr.
    const YamlValue* find(std::string_view key) const;
};

// One key and its value in a map.
struct YamlEntry {
    YamlValue key;
    YamlValue value;
};

// The deepest nesting kith reads; contact files need three levels.
inline constexpr int max_yaml_depth = 32;

// Checks that bytes are UTF-8 text without NUL or control characters. Throws an
// invalid-file Error located at the first bad byte.
void check_text_bytes(std::string_view bytes, const std::string& path);

// Reads one YAML document from bytes that passed check_text_bytes. Refuses anchors,
// aliases, explicit tags, duplicate keys, non-scalar keys, several documents, nesting
// deeper than max_yaml_depth and quoted values that swallow the lines after them.
// Throws an invalid-file Error with the path, line and column.
YamlValue read_yaml(std::string_view bytes, const std::string& path);

}  // namespace kith
