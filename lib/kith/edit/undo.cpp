#include "kith/edit/undo.hpp"

#include "kith/edit/editor_check.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/error.hpp"

namespace kith {

using namespace editing;

namespace {

// remove_item on lines whose keys have been checked.
std::string remove_in_lines(Lines& file, std::string_view key, size_t index, const std::string& path) {
    const auto at = find_key(file, key);
    if (!at) throw Error(ErrorKind::invalid, "there is no '" + std::string(key) + "' list", Location{path, 0, 0});
    const Block block = block_at(file, *at);
    const std::vector<size_t> starts = item_starts(file, *at + 1, block.end);
    if (index >= starts.size())
        throw Error(ErrorKind::invalid, "cannot find item " + std::to_string(index + 1) + " of '" + std::string(key) + "'",
                    Location{path, static_cast<int>(*at) + 1, 0});
    const size_t first = starts[index];
    const size_t end = content_end(file, first, index + 1 < starts.size() ? starts[index + 1] : block.end);
    file.erase_value(first, comments_under(file, end, indent_of(file.lines[first])));
    if (starts.size() == 1) {
        std::string& line = file.lines[*at];
        const auto found = key_at(content(line));
        const InlineValue value = inline_value(content(line), found ? found->after_colon : line.size());
        const std::string_view body = content(line);
        line = std::string(body.substr(0, found ? found->after_colon : body.size())) + " []" +
               std::string(body.substr(value.end)) + line_ending(line);
    }
    return file.join();
}

}  // namespace

std::string remove_item(std::string_view text, std::string_view key, size_t index, const std::string& path) {
    auto [root, file] = open_for_edit(text, path);
    // The list as before without its index-th item.
    return checked_edit(root, remove_in_lines(file, key, index, path), key, path,
                        [index](const YamlValue* before, const YamlValue* after) {
                            if (!before || !after || after->kind != YamlValue::Kind::sequence ||
                                after->items.size() + 1 != before->items.size())
                                return false;
                            for (size_t i = 0; i < after->items.size(); ++i)
                                if (!same_value(after->items[i], before->items[i < index ? i : i + 1])) return false;
                            return true;
                        });
}

std::string remove_top_level(std::string_view text, std::string_view key, const std::string& path) {
    auto [root, file] = open_for_edit(text, path);
    const auto at = find_key(file, key);
    if (!at) return std::string(text);
    file.erase_value(*at, comments_under(file, block_at(file, *at).end, 0));
    return checked_edit(root, file.join(), key, path, [](const YamlValue*, const YamlValue* after) { return !after; });
}

}  // namespace kith
