#include "kith/edit/editor_check.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::editing {

EditedFile open_for_edit(std::string_view text, const std::string& path) {
    YamlValue root = read_yaml(text, path);
    Lines file(text, path, &root);
    if (root.kind != YamlValue::Kind::map && root.kind != YamlValue::Kind::null)
        refuse("the file is not a map of 'key: value' lines; kith edits only such files", path,
               static_cast<size_t>(std::max(root.line, 1) - 1), 0);
    std::vector<bool> is_key(file.lines.size(), false);
    for (const auto& entry : root.entries) {
        const size_t line = static_cast<size_t>(std::max(entry.key.line, 1) - 1);
        const auto found = line < file.lines.size() && !file.scalar[line] && entry.key.column == 1
                               ? key_at(file.lines[line])
                               : std::nullopt;
        if (!found || found->key != entry.key.text)
            refuse("kith cannot find where the key '" + entry.key.text.substr(0, 40) +
                       "' is written; it edits files whose keys stand as 'key:' at the start of a line",
                   path, line, static_cast<size_t>(std::max(entry.key.column, 1) - 1));
        is_key[line] = true;
    }
    for (size_t i = 0; i < file.lines.size(); ++i) {
        if (file.scalar[i] || is_key[i] || !key_at(file.lines[i])) continue;
        refuse("this line looks like a key, but it is part of a value; kith does not edit such a file", path, i, 0);
    }
    return {std::move(root), std::move(file)};
}

std::string checked_edit(const YamlValue& before, std::string after, std::string_view key, const std::string& path,
                         const AsMeant& as_meant) {
    YamlValue now;
    try {
        now = read_yaml(after, path);
    } catch (const Error&) {
        throw Error(ErrorKind::invalid, "kith cannot change '" + std::string(key) +
                                            "' here without leaving the file unreadable; change it by hand",
                    Location{path, 0, 0});
    }
    std::vector<const YamlEntry*> was, is;
    for (const auto& entry : before.entries)
        if (entry.key.text != key) was.push_back(&entry);
    for (const auto& entry : now.entries)
        if (entry.key.text != key) is.push_back(&entry);
    for (size_t i = 0; i < std::max(was.size(), is.size()); ++i) {
        const YamlEntry* other = i < was.size() ? was[i] : is[i];
        if (i < was.size() && i < is.size() && other->key.text == is[i]->key.text && same_value(other->value, is[i]->value))
            continue;
        throw Error(ErrorKind::invalid, "kith cannot change '" + std::string(key) + "' here without changing '" +
                                            other->key.text.substr(0, 40) + "' too; change it by hand",
                    Location{path, other->key.line, other->key.column});
    }
    if (!as_meant(before.find(key), now.find(key))) {
        const YamlValue* where = before.find(key);
        throw Error(ErrorKind::invalid, "kith cannot tell how '" + std::string(key) +
                                            "' is written here well enough to change it; change it by hand",
                    Location{path, where ? where->line : 0, where ? where->column : 0});
    }
    return after;
}

bool one_item_more(const YamlValue* before, const YamlValue* after) { return items_more(before, after, 1); }

bool items_more(const YamlValue* before, const YamlValue* after, size_t count) {
    if (!after || after->kind != YamlValue::Kind::sequence) return false;
    const size_t old_count = before && before->kind == YamlValue::Kind::sequence ? before->items.size() : 0;
    if (after->items.size() != old_count + count) return false;
    size_t kept = 0;
    for (const auto& item : after->items)
        if (kept < old_count && same_value(item, before->items[kept])) ++kept;
    return kept == old_count;
}

bool is_plain(std::string_view value) {
    return !value.empty() && std::string_view("\"'[{|>").find(value[0]) == std::string_view::npos;
}

void check_no_tab_after(const Lines& file, size_t at, const std::string& path) {
    for (size_t i = at + 1; i < file.lines.size(); ++i) {
        const std::string_view line = content(file.lines[i]);
        const size_t first = line.find_first_not_of(" \t");
        const size_t tab = line.substr(0, first).find('\t');
        if (tab != std::string_view::npos)
            refuse("a line indented with a tab follows where kith would write; indent it with spaces", path, i, tab);
        if (first != std::string_view::npos) return;
    }
}

}  // namespace kith::editing
