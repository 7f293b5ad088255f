#include "kith/edit/editor_items.hpp"

#include <algorithm>
#include <vector>

#include "kith/edit/editor_check.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_flow.hpp"

namespace kith {
namespace {

using namespace editing;
using yaml_lines::FlowMap;
using yaml_lines::read_flow_map;

bool is_null_value(std::string_view value) { return is_empty_value(value) && !value.starts_with('['); }

std::string item_name(size_t index, std::string_view key) {
    return "item " + std::to_string(index + 1) + " of '" + std::string(key) + "'";
}

// Sets the field in a one-line flow map item: its null value is replaced, else it goes
// before the map's own closing brace (never into a map nested in it).
std::string set_in_flow_item(std::string_view body, size_t open, std::string_view field, std::string_view value,
                             const std::string& where, const std::string& path, size_t line, const YamlValue& read) {
    const FlowMap map = read_flow_map(body, open);
    if (map.close == std::string_view::npos)
        refuse("cannot find where " + where + " ends; kith edits flow items ({...}) only when they stand on one line",
               path, line, open);
    // The keys found here are the reader's, in order, and the field is among them when the reader has it.
    size_t k = 0;
    bool has_field = false;
    for (const auto& entry : map.entries) {
        while (k < read.entries.size() && read.entries[k].key.text != entry.key) ++k;
        if (k++ == read.entries.size()) {
            has_field = false;
            break;
        }
        has_field = has_field || entry.key == field;
    }
    if (read.kind != YamlValue::Kind::map || k > read.entries.size() || (read.find(field) && !has_field))
        refuse("kith cannot tell the keys of " + where + " apart; write them plain, as 'key: value'", path, line, open);
    for (const auto& entry : map.entries) {
        if (entry.escaped)
            refuse(where + " has a quoted key with an escape; kith edits flow items whose keys read as written",
                   path, line, entry.value_start);
        if (entry.key != field) continue;
        const std::string_view old = body.substr(entry.value_start, entry.value_end - entry.value_start);
        if (!is_null_value(old))
            refuse(where + " has '" + std::string(field) + ": " + std::string(old) + "' already", path, line, entry.value_start);
        const bool space = body[entry.value_start - 1] != ' ' && body[entry.value_start - 1] != '\t';
        return std::string(body.substr(0, entry.value_start)) + (space ? " " : "") + std::string(value) +
               std::string(body.substr(entry.value_end));
    }
    // After a trailing comma ("{due: x,}") or in an empty map, no second comma goes in.
    size_t before = map.close;
    while (before > open + 1 && (body[before - 1] == ' ' || body[before - 1] == '\t')) --before;
    const bool comma = body[before - 1] != ',' && body[before - 1] != '{';
    return std::string(body.substr(0, before)) + (comma ? ", " : " ") + std::string(field) + ": " + std::string(value) +
           std::string(body.substr(before));
}

// set_item_field on lines whose keys have been checked, of which the reader read `root`.
std::string set_field_in_lines(Lines& file, const YamlValue& root, std::string_view key, size_t index,
                               std::string_view field, std::string_view value, const std::string& path) {
    const auto at = find_key(file, key);
    const Block block = at ? block_at(file, *at) : Block{};
    const std::vector<size_t> starts = at ? item_starts(file, *at + 1, block.end) : std::vector<size_t>{};
    // The value must be that list: its first line an item ("-llowups:" is a key of a map).
    for (size_t i = at ? *at + 1 : 0; at && i < block.end; ++i) {
        if (file.skippable(i)) continue;
        if (starts.empty() || i != starts[0])
            refuse("'" + std::string(key) + "' is not a list with one '- ' item per line", path, i, indent_of(file.lines[i]));
        break;
    }
    if (index >= starts.size())
        throw Error(ErrorKind::invalid, "cannot find " + item_name(index, key), Location{path, at ? static_cast<int>(*at) + 1 : 0, 0});
    const size_t first = starts[index];
    // The items found here are the reader's: as many, and this one where the reader has it.
    const YamlValue* list = root.find(key);
    if (!list || list->items.size() != starts.size() || list->items[index].line < static_cast<int>(first) + 1)
        refuse("kith cannot tell the items of '" + std::string(key) + "' apart; write one '- ' item per line", path,
               first, indent_of(file.lines[first]));
    // Only an item the reader reads as a map gets a field (a block scalar after "-\t" is text).
    if (list->items[index].kind != YamlValue::Kind::map)
        refuse(item_name(index, key) + " is not a map of 'key: value' lines", path, first, indent_of(file.lines[first]));
    const size_t item_end = content_end(file, first, index + 1 < starts.size() ? starts[index + 1] : block.end);
    std::string& line = file.lines[first];
    const std::string_view body = content(line);
    const size_t dash = indent_of(line);
    size_t open = body.find_first_not_of(" \t", dash + 1);
    if (open != std::string_view::npos && body[open] == '#') open = std::string_view::npos;  // "- # note"
    if (open != std::string_view::npos && body[open] == '{') {
        if (item_end != first + 1)
            refuse("cannot find where " + item_name(index, key) +
                       " ends; kith edits flow items ({...}) only when they stand on one line",
                   path, first, open);
        line = set_in_flow_item(body, open, field, value, item_name(index, key), path, first, list->items[index]) +
               line_ending(line);
        return file.join();
    }
    // A block map item: the field's line, or a new line under the item's first key, which may
    // stand on the line after a lone "-".
    size_t key_column = open;
    for (size_t i = first + 1; key_column == std::string_view::npos && i < item_end; ++i) {
        if (file.skippable(i)) continue;
        const std::string_view next = content(file.lines[i]);
        key_column = next.find_first_not_of(" \t");
        if (next[key_column] == '{' || next[key_column] == '[')
            refuse("kith edits flow items ({...}) only when they stand on one line with their '-'", path, i, key_column);
    }
    // Only a map gets a field: "- text" or "- [a]" is refused, never given a key under it.
    for (size_t i = first; key_column != std::string_view::npos && i < item_end; ++i) {
        if (file.skippable(i) || (i == first && open == std::string_view::npos)) continue;
        const std::string_view here = content(file.lines[i]);
        if (!key_at(here.substr(std::min(key_column, here.size()))))
            refuse(item_name(index, key) + " is not a map of 'key: value' lines", path, i, key_column);
        break;
    }
    for (size_t i = first; key_column != std::string_view::npos && i < item_end; ++i) {
        if (file.skippable(i) || file.scalar[i]) continue;
        const std::string_view here = content(file.lines[i]);
        if (i != first && indent_of(here) != key_column) continue;
        const auto found = key_column < here.size() ? key_at(here.substr(key_column)) : std::nullopt;
        if (!found || found->key != field) continue;
        const InlineValue old = inline_value(here, key_column + found->after_colon);
        const std::string_view written = here.substr(old.start, old.end - old.start);
        // A value on the lines below the key: the next line that is not a comment starts past the
        // key's column (spaces or tabs before it), or is a "- " item at that column. A key there is the next field.
        bool runs_on = false;
        for (size_t j = i + 1; j < item_end; ++j) {
            if (file.skippable(j)) continue;
            const std::string_view below = content(file.lines[j]);
            const size_t column = below.find_first_not_of(" \t");
            runs_on = column > key_column || (column == key_column && is_item_line(below));
            break;
        }
        if (!is_null_value(written) || runs_on)
            refuse(item_name(index, key) + " has a '" + std::string(field) + "' already", path, i, key_column);
        const size_t cut = old.end > old.start ? old.start : key_column + found->after_colon;
        file.lines[i] = std::string(here.substr(0, cut)) + (old.end > old.start ? "" : " ") + std::string(value) +
                        std::string(here.substr(old.end > old.start ? old.end : cut)) + line_ending(file.lines[i]);
        if (is_plain(value)) check_no_tab_after(file, i, path);
        return file.join();
    }
    const std::string indent(key_column == std::string_view::npos ? dash + 2 : key_column, ' ');
    file.insert(item_end, {indent + std::string(field) + ": " + std::string(value)});
    if (is_plain(value)) check_no_tab_after(file, item_end, path);
    return file.join();
}

// As meant for set_item_field: the list as before but for its index-th item, which gains
// `field` (or has it set from empty) and keeps every other field.
bool one_field_set(const YamlValue* before, const YamlValue* after, size_t index, std::string_view field) {
    if (!before || !after || after->kind != YamlValue::Kind::sequence || after->items.size() != before->items.size() ||
        index >= after->items.size())
        return false;
    for (size_t i = 0; i < after->items.size(); ++i)
        if (i != index && !same_value(before->items[i], after->items[i])) return false;
    const YamlValue& was = before->items[index];
    const YamlValue& is = after->items[index];
    if (is.kind != YamlValue::Kind::map || !is.find(field)) return false;
    size_t others = 0;
    for (const auto& entry : is.entries) {
        if (entry.key.text == field) continue;
        const YamlValue* prior = was.find(entry.key.text);
        if (!prior || !same_value(*prior, entry.value)) return false;
        ++others;
    }
    return others + (was.find(field) ? 1 : 0) == was.entries.size();
}

}  // namespace

std::string set_item_field(std::string_view text, std::string_view key, size_t index, std::string_view field,
                           std::string_view value, const std::string& path) {
    auto [root, file] = open_for_edit(text, path);
    return checked_edit(root, set_field_in_lines(file, root, key, index, field, value, path), key, path,
                        [&](const YamlValue* before, const YamlValue* after) { return one_field_set(before, after, index, field); });
}

}  // namespace kith
