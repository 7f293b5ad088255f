// List operations of the editor: add an item to a list in its own style, set a whole list.
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_lists.hpp"

#include <algorithm>
#include <string>

#include "kith/edit/editor_check.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/edit/undo.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_flow.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

using namespace editing;
using yaml_lines::flow_list_close;

bool has_block_items(const Lines& file, size_t at) {
    const Block block = block_at(file, at);
    for (size_t i = at + 1; i < block.end; ++i)
        if (!file.skippable(i)) return true;
    return false;
}

// The items joined as a flow list's items are: "a, b, c".
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// add_list_items on lines whose keys have been checked.
std::string add_in_lines(Lines& file, std::string_view text, std::string_view key, const std::vector<std::string>& items,
                         KeyOrder key_order, const std::string& path) {
    const auto at = find_key(file, key);
    const std::string item = joined(items);
    const std::string flow_one = "[" + item + "]";
    if (!at) return set_top_level(text, key, flow_one, key_order, path);
    std::string& line = file.lines[*at];
    const auto found = key_at(line);
    const std::string_view body = content(line);
    const InlineValue old = inline_value(line, found->after_colon);
    const std::string_view value = body.substr(old.start, old.end - old.start);
    if (value.empty() || is_empty_value(value) || value == "''" || value == "\"\"") {  // an empty text is no item
        if (value.empty() && has_block_items(file, *at))
            return insert_items(text, key, items, key_order, path);
        if (has_block_items(file, *at))
            refuse("'" + std::string(key) + "' is a text that runs on over several lines, not a list", path, *at, old.start);
        return set_top_level(text, key, flow_one, key_order, path);
    }
    if (value.front() == '[') {
        const size_t close = flow_list_close(body, old.start);
        if (close == std::string_view::npos)
            refuse("'" + std::string(key) + "' is a list written over several lines; kith adds items only to a list "
                   "on one line ([a, b]) or with one '- ' item per line", path, *at, old.start);
        size_t last = close;
        while (last > old.start + 1 && (body[last - 1] == ' ' || body[last - 1] == '\t')) --last;
        const bool empty = last == old.start + 1;
        const bool trailing_comma = !empty && body[last - 1] == ',';  // [a,] is [a]: its comma serves
        line = std::string(body.substr(0, last)) + (empty ? "" : trailing_comma ? " " : ", ") + std::string(item) +
               std::string(body.substr(last)) + line_ending(line);
        return file.join();
    }
    const bool quoted = value.front() == '"' || value.front() == '\'';
    const bool plain_single = !quoted && value.find_first_of(",[]{}#") == std::string_view::npos && value.find(": ") == std::string_view::npos &&
                              value.front() != '|' && value.front() != '>' && value.front() != '&' &&
                              value.front() != '*' && value.front() != '!';
    if ((!quoted && !plain_single) || has_block_items(file, *at))
        refuse("'" + std::string(key) + "' is not a list kith can add to; write it as [a, b]", path, *at, old.start);
    // A plain text is written again as flow context needs it ("a?b" is plain only in a block).
    const std::string first = quoted ? std::string(value) : yaml_scalar(value);
    line = std::string(body.substr(0, old.start)) + "[" + first + ", " + std::string(item) + "]" +
           std::string(body.substr(old.end)) + line_ending(line);
    return file.join();
}

}  // namespace

std::string add_list_item(std::string_view text, std::string_view key, std::string_view item, KeyOrder key_order,
                          const std::string& path) {
    return add_list_items(text, key, {std::string(item)}, key_order, path);
}

std::string add_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                           KeyOrder key_order, const std::string& path) {
    if (items.empty()) return std::string(text);
    auto [root, file] = open_for_edit(text, path);
    // An old text, not empty, becomes the first item; else the list gains the items at its end.
    return checked_edit(root, add_in_lines(file, text, key, items, key_order, path), key, path,
                        [&](const YamlValue* before, const YamlValue* after) {
                            if (before && before->kind == YamlValue::Kind::scalar && !before->text.empty())
                                return after && after->kind == YamlValue::Kind::sequence &&
                                       after->items.size() == items.size() + 1 &&
                                       after->items[0].kind == YamlValue::Kind::scalar && after->items[0].text == before->text;
                            return items_more(before, after, items.size());
                        });
}

std::string remove_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                              KeyOrder key_order, const std::string& path) {
    const YamlValue root = open_for_edit(text, path).root;
    const YamlValue* list = root.find(key);
    const auto dropped = [&](const YamlValue& value) {
        return value.kind == YamlValue::Kind::scalar && std::find(items.begin(), items.end(), value.text) != items.end();
    };
    if (!list || list->kind == YamlValue::Kind::null) return std::string(text);
    if (list->kind == YamlValue::Kind::scalar) return dropped(*list) ? remove_top_level(text, key, path) : std::string(text);
    const auto not_texts = [&] {
        return Error(ErrorKind::invalid, "'" + std::string(key) + "' is not a list of texts", Location{path, list->line, list->column});
    };
    if (list->kind != YamlValue::Kind::sequence) throw not_texts();
    std::vector<std::string> kept;
    for (const auto& item : list->items) {
        if (item.kind != YamlValue::Kind::scalar) throw not_texts();
        if (!dropped(item)) kept.push_back(item.text);
    }
    if (kept.size() == list->items.size()) return std::string(text);
    if (list->flow) return set_top_level(text, key, yaml_flow_list(kept), key_order, path);
    std::string out(text);
    for (size_t i = list->items.size(); i-- > 0;)  // from the last, so that each index still holds
        if (dropped(list->items[i])) out = remove_item(out, key, i, path);
    return out;
}

std::string set_list(std::string_view text, std::string_view key, const std::vector<std::string>& items, KeyOrder key_order) {
    return set_top_level(text, key, yaml_flow_list(items), key_order);
}

}  // namespace kith
