#include "kith/undo.hpp"

#include "kith/contact_file.hpp"
#include "kith/editor.hpp"
#include "kith/editor_check.hpp"
#include "kith/editor_text.hpp"
#include "kith/error.hpp"
#include "kith/yaml_emit.hpp"

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

size_t newest_log_index(const Contact& contact) {
    if (contact.log.empty()) fail_usage(contact.name + " has no log entry");
    size_t newest = 0;
    for (size_t i = 1; i < contact.log.size(); ++i)
        if (contact.log[i].date >= contact.log[newest].date) newest = i;
    return newest;
}

namespace {

// Replaces the value of `field: old` by `field: new` on one line, as a whole word.
bool replace_on_line(std::string& line, std::string_view field, const std::string& old_value, const std::string& new_value) {
    const std::string written = std::string(field) + ":";
    for (size_t at = line.find(written); at != std::string::npos; at = line.find(written, at + 1)) {
        if (at > 0 && line[at - 1] != ' ' && line[at - 1] != '{' && line[at - 1] != ',' && line[at - 1] != '\t') continue;
        size_t start = at + written.size();
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
        for (const std::string quote : {"", "\"", "'"}) {
            const std::string want = quote + old_value + quote;
            if (line.compare(start, want.size(), want) != 0) continue;
            const size_t after = start + want.size();
            if (after < line.size() && std::string_view(" \t,}#\r\n").find(line[after]) == std::string_view::npos) continue;
            line.replace(start, want.size(), yaml_scalar(new_value));
            return true;
        }
    }
    return false;
}

}  // namespace

std::string rename_references(const std::string& text, const std::string& old_slug, const std::string& new_slug,
                              const std::string& path, const Config& config) {
    const Contact before = parse_contact(text, path, config);
    std::string out = text;
    if (before.introduced_by == old_slug) out = set_top_level(out, "introduced_by", yaml_scalar(new_slug));
    Lines file(out);
    bool changed = false;
    for (const LogEntry& entry : before.log) {
        if (entry.with != old_slug) continue;
        const size_t line = static_cast<size_t>(entry.line > 0 ? entry.line - 1 : 0);
        bool done = false;
        for (size_t i = line; i < file.lines.size() && !done && (i == line || file.scalar[i] || !is_item_line(file.lines[i])); ++i)
            done = !file.scalar[i] && replace_on_line(file.lines[i], "with", old_slug, new_slug);
        if (!done)
            throw Error(ErrorKind::invalid, "cannot rewrite 'with: " + old_slug + "' here; change it by hand",
                        Location{path, entry.line, 0});
        changed = true;
    }
    if (changed) out = file.join();
    // Every reference must now be the new slug, and nothing else may have changed.
    const Contact after = parse_contact(out, path, config);
    bool exact = after.log.size() == before.log.size() &&
                 (before.introduced_by == old_slug ? after.introduced_by == new_slug : after.introduced_by == before.introduced_by);
    for (size_t i = 0; exact && i < before.log.size(); ++i)
        exact = after.log[i].note == before.log[i].note && after.log[i].kind == before.log[i].kind &&
                after.log[i].with == (before.log[i].with == old_slug ? new_slug : before.log[i].with);
    if (!exact)
        throw Error(ErrorKind::invalid, "cannot rewrite the references to '" + old_slug + "' safely; change them by hand",
                    Location{path, 0, 0});
    return out;
}

}  // namespace kith
