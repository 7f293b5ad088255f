#include "kith/model/schema.hpp"

#include "kith/base/error.hpp"

namespace kith {

void SchemaReader::fail(const YamlValue& at, std::string message) const {
    throw Error(ErrorKind::invalid, std::move(message), Location{path_, at.line, at.column});
}

std::string SchemaReader::text(const YamlValue& value, const std::string& key) const {
    if (value.kind == YamlValue::Kind::null) return "";
    if (value.kind != YamlValue::Kind::scalar) fail(value, "'" + key + "' must be text, not a list or map");
    return value.text;
}

std::vector<std::string> SchemaReader::text_list(const YamlValue& value, const std::string& key) const {
    if (value.kind == YamlValue::Kind::null) return {};
    if (value.kind == YamlValue::Kind::scalar) return {value.text};
    if (value.kind != YamlValue::Kind::sequence) fail(value, "'" + key + "' must be a list of texts");
    std::vector<std::string> out;
    for (const auto& item : value.items) {
        if (item.kind == YamlValue::Kind::null) continue;
        if (item.kind != YamlValue::Kind::scalar) fail(item, "each item of '" + key + "' must be text");
        out.push_back(item.text);
    }
    return out;
}

std::optional<Day> SchemaReader::day(const YamlValue& value, const std::string& key) const {
    const std::string written = text(value, key);
    if (written.empty()) return std::nullopt;
    const auto parsed = parse_iso_day(written);
    if (!parsed) fail(value, "'" + key + "' must be a day as YYYY-MM-DD, not '" + written + "'");
    return parsed;
}

std::optional<Duration> SchemaReader::duration(const YamlValue& value, const std::string& key) const {
    const std::string written = text(value, key);
    if (written.empty()) return std::nullopt;
    const auto parsed = parse_duration(written);
    if (!parsed) fail(value, "'" + key + "' must be a duration such as 30d, 2w, 3m or 1y (at most 9999y), not '" + written + "'");
    return parsed;
}

std::optional<MonthDay> SchemaReader::month_day(const YamlValue& value, const std::string& key) const {
    const std::string written = text(value, key);
    if (written.empty()) return std::nullopt;
    const auto parsed = parse_month_day(written);
    if (!parsed) fail(value, "'" + key + "' must be YYYY-MM-DD or --MM-DD, not '" + written + "'");
    return parsed;
}

bool SchemaReader::boolean(const YamlValue& value, const std::string& key) const {
    const std::string written = text(value, key);
    if (written == "true" || written == "yes" || written == "on") return true;
    if (written == "false" || written == "no" || written == "off" || written.empty()) return false;
    fail(value, "'" + key + "' must be true or false, not '" + written + "'");
}

void SchemaReader::expect_map(const YamlValue& value, const std::string& what) const {
    if (value.kind != YamlValue::Kind::map && value.kind != YamlValue::Kind::null)
        fail(value, what + " must be a map of 'key: value' lines");
}

void SchemaReader::expect_sequence(const YamlValue& value, const std::string& key) const {
    if (value.kind != YamlValue::Kind::sequence && value.kind != YamlValue::Kind::null)
        fail(value, "'" + key + "' must be a list");
}

}  // namespace kith
