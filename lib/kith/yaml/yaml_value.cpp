#include "kith/yaml/yaml_value.hpp"

namespace kith {

const YamlValue* YamlValue::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.text == key) return &v;
    return nullptr;
}

bool same_value(const YamlValue& a, const YamlValue& b) {
    if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!same_value(a.items[i], b.items[i])) return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
        if (a.entries[i].key.text != b.entries[i].key.text || !same_value(a.entries[i].value, b.entries[i].value))
            return false;
    return true;
}

}  // namespace kith
