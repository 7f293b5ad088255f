#include "kith/merge/merge_text.hpp"

#include <algorithm>

#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Drops blank lines, and comments at or left of `column`, from the end of [from, to).
size_t trim_end(const std::vector<std::string_view>& lines, size_t from, size_t to, size_t column) {
    while (to > from + 1) {
        const std::string_view line = lines[to - 1];
        const size_t first = line.find_first_not_of(" \t");
        if (!blank(line) && !(line[first] == '#' && first <= column)) break;
        --to;
    }
    return to;
}

}  // namespace

std::string identity(const YamlValue& value, std::string_view skip) {
    switch (value.kind) {
        case YamlValue::Kind::null: return "~";
        case YamlValue::Kind::scalar: return "s" + std::to_string(value.text.size()) + ":" + value.text;
        case YamlValue::Kind::sequence: {
            std::string out = "[";
            for (const auto& item : value.items) out += identity(item, "") + ",";
            return out + "]";
        }
        case YamlValue::Kind::map: {
            std::vector<std::string> entries;
            for (const auto& [key, item] : value.entries)
                if (key.text != skip) entries.push_back(identity(key, "") + "=" + identity(item, ""));
            std::sort(entries.begin(), entries.end());
            std::string out = "{";
            for (const auto& entry : entries) out += entry + ",";
            return out + "}";
        }
    }
    return "";
}

std::pair<size_t, size_t> key_lines(std::string_view text, const YamlValue& root, std::string_view key) {
    const auto lines = split_lines(text);
    for (size_t i = 0; i < root.entries.size(); ++i) {
        if (root.entries[i].key.text != key) continue;
        const size_t from = static_cast<size_t>(root.entries[i].key.line - 1);
        const size_t to = i + 1 < root.entries.size() ? static_cast<size_t>(root.entries[i + 1].key.line - 1) : lines.size();
        return {from, trim_end(lines, from, std::max(to, from + 1), 0)};
    }
    return {0, 0};
}

std::pair<size_t, size_t> item_lines(std::string_view text, const YamlValue& list, size_t index) {
    const auto lines = split_lines(text);
    const auto start = [&](size_t i) {
        size_t at = static_cast<size_t>(list.items[i].line - 1);
        // An entry may start on the line after a lone '-'.
        const auto is_dash = [&](size_t k) {
            const size_t first = lines[k].find_first_not_of(' ');
            return first != std::string_view::npos && lines[k][first] == '-';
        };
        while (at > 0 && !is_dash(at)) --at;
        return at;
    };
    const size_t from = start(index);
    size_t to = index + 1 < list.items.size() ? start(index + 1) : lines.size();
    if (index + 1 == list.items.size()) {
        // The last entry ends where the next top-level key (or a column-0 comment) starts.
        for (size_t i = static_cast<size_t>(list.items[index].line); i < lines.size(); ++i) {
            const char c = lines[i].empty() ? ' ' : lines[i][0];
            if (c != ' ' && c != '\t' && c != '-' && c != '\r' && c != '\n') {
                to = i;
                break;
            }
        }
    }
    const size_t dash = lines[from].find('-');
    return {from, trim_end(lines, from, std::max(to, from + 1), dash)};
}

std::string erase_lines(std::string_view text, size_t from, size_t to) {
    editing::Lines file(text);
    file.erase_value(from, to);
    return file.join();
}

}  // namespace kith
