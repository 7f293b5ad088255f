#include "kith/editor_check.hpp"

#include <algorithm>
#include <vector>

#include "kith/error.hpp"

namespace kith::editing {

YamlValue check_top_level_keys(const Lines& file, const std::string& path) {
    YamlValue root = read_yaml(file.join(), path);
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
    return root;
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
