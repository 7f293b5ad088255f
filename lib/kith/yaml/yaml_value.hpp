#pragma once
// The reader's located tree: a YAML value with the place it starts at, and how two compare.
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

// True when two values read the same (kind, text, items and entries, in order), wherever they stand.
bool same_value(const YamlValue& a, const YamlValue& b);

}  // namespace kith
