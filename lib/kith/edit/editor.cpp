#include "kith/edit/editor.hpp"

#include <algorithm>
#include <vector>

#include "kith/edit/editor_check.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith {
namespace {

using namespace editing;

size_t rank_in(KeyOrder key_order, std::string_view key) {
    return static_cast<size_t>(std::find(key_order.begin(), key_order.end(), key) - key_order.begin());
}

// Where a new top-level key goes: after the block of the last known key that comes
// before it in `key_order`, else before the first known key after it, else at the end.
size_t insertion_line(const Lines& file, std::string_view key, KeyOrder key_order) {
    const size_t rank = rank_in(key_order, key);
    std::optional<size_t> after, before;
    for (size_t i = 0; i < file.lines.size(); ++i) {
        if (file.scalar[i]) continue;
        const auto found = key_at(file.lines[i]);
        if (!found) continue;
        const size_t other = rank_in(key_order, found->key);
        if (other == key_order.size()) continue;
        if (other < rank) after = block_at(file, i).end;
        else if (!before) before = i;
    }
    if (after) return *after;
    if (before) return *before;
    size_t end = file.lines.size();
    for (size_t i = 0; i < file.lines.size(); ++i) {  // a document's end marker ("...") ends it
        const std::string_view line = content(file.lines[i]);
        if (!file.scalar[i] && line.starts_with("...") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) {
            end = i;
            break;
        }
    }
    while (end > 0 && is_blank(file.lines[end - 1]) && !file.scalar[end - 1]) --end;
    return end;
}

// The day an item's `field` reads as (the reader's view of the item), if it is one.
std::optional<Day> field_day(const YamlValue& item, const std::string& field) {
    const YamlValue* value = item.find(field);
    if (!value || value->kind != YamlValue::Kind::scalar) return std::nullopt;
    return parse_iso_day(value->text);
}

// The lines of the old value of the key on line `at`: those of a quoted value that runs on
// (whatever they hold), and up to the last that is a block scalar's text or not a comment.
struct OldValue {
    size_t quoted_end = 0;
    size_t end = 0;
    std::string after_quote;  // what follows the closing quote of a value that runs on, on its line
};

OldValue old_value(const Lines& file, size_t at, const InlineValue& old, const Block& block) {
    size_t end = at + 1;
    std::string after_quote;
    const std::string_view first = content(file.lines[at]);
    if (old.start < first.size() && (first[old.start] == '"' || first[old.start] == '\'') &&
        skip_quoted(first, old.start) == std::string_view::npos) {
        std::string joined(first.substr(old.start));
        for (size_t i = at + 1; i < block.end; ++i) {
            joined += "\n";
            joined += content(file.lines[i]);
            if (const size_t close = skip_quoted(joined, 0); close != std::string_view::npos) {
                end = i + 1;
                after_quote = joined.substr(close);
                break;
            }
        }
    }
    const size_t quoted_end = end;
    for (size_t i = at + 1; i < block.end; ++i)
        if (!file.skippable(i)) end = std::max(end, i + 1);
    return {quoted_end, end, after_quote};
}

// set_top_level on lines whose keys have been checked.
std::string set_in_lines(Lines& file, std::string_view key, std::string_view value, KeyOrder key_order,
                         const std::string& path) {
    const auto at = find_key(file, key);
    if (!at) {
        const size_t where = insertion_line(file, key, key_order);
        file.insert(where, {std::string(key) + ": " + std::string(value)});
        if (is_plain(value)) check_no_tab_after(file, where, path);
        return file.join();
    }
    const Block block = block_at(file, *at);
    std::string& line = file.lines[*at];
    const auto found = key_at(line);
    const InlineValue old = inline_value(line, found->after_colon);
    const OldValue value_lines = old_value(file, *at, old, block);
    const std::string_view body = content(line);
    // After the value: a comment on its line, or after the closing quote of a value that ran on.
    std::string rest(value_lines.quoted_end > *at + 1 ? std::string_view(value_lines.after_quote) : body.substr(old.end));
    if (rest.starts_with('#')) rest.insert(0, " ");  // "key: #note" had no value: keep the comment apart
    line = std::string(body.substr(0, found->after_colon)) + " " + std::string(value) + rest + line_ending(line);
    // A value that ran over several lines (a block scalar or list) is replaced whole; the
    // comment lines under it, and the blank lines after it, are not the edit's and stay.
    for (size_t i = block.end; i-- > *at + 1;) {
        const bool comment = file.skippable(i) && !is_blank(file.lines[i]);
        if (i < value_lines.quoted_end || (i < value_lines.end && !comment)) file.erase(i, i + 1);
    }
    if (is_plain(value)) check_no_tab_after(file, *at, path);
    return file.join();
}

// The days the new items' `order_by` fields read as (none for an item without one), read in one go.
std::vector<std::optional<Day>> item_days(const std::vector<std::string>& items, const std::string& order_by,
                                          const std::string& path) {
    std::vector<std::optional<Day>> days(items.size());
    std::string joined;
    for (const auto& item : items) joined += "- " + item + "\n";
    try {
        const YamlValue list = read_yaml(joined, path);
        if (list.items.size() == items.size()) {
            for (size_t i = 0; i < items.size(); ++i) days[i] = field_day(list.items[i], order_by);
            return days;
        }
    } catch (const std::exception&) {
    }
    for (size_t i = 0; i < items.size(); ++i) {  // one item that does not read: each on its own
        try {
            days[i] = field_day(read_yaml("- " + items[i], path).items.at(0), order_by);
        } catch (const std::exception&) {
            days[i].reset();  // an item with no day to place it by goes last
        }
    }
    return days;
}

// Where new items go when added one after another, each before the first item (old, or new and
// added before it) whose day is later, else last: for each new item in the order they end up
// in, the old item it goes before (`old_days.size()` for after the last).
std::vector<std::pair<size_t, size_t>> placed_items(const std::vector<std::optional<Day>>& old_days,
                                                    const std::vector<std::optional<Day>>& new_days) {
    struct Slot {
        std::optional<Day> day;
        bool added;
        size_t index;
    };
    std::vector<Slot> list;
    for (size_t k = 0; k < old_days.size(); ++k) list.push_back({old_days[k], false, k});
    for (size_t i = 0; i < new_days.size(); ++i) {
        auto later = list.end();
        if (new_days[i])
            later = std::find_if(list.begin(), list.end(), [&](const Slot& s) { return s.day && *s.day > *new_days[i]; });
        list.insert(later, {new_days[i], true, i});
    }
    std::vector<std::pair<size_t, size_t>> placed;  // (the old item it goes before, the new item)
    size_t next_old = old_days.size();
    for (size_t k = list.size(); k-- > 0;) {
        if (!list[k].added) next_old = list[k].index;
        else placed.emplace_back(next_old, list[k].index);
    }
    std::reverse(placed.begin(), placed.end());
    return placed;
}

// insert_item on lines whose keys have been checked, of which the reader read `root`; several
// items go in together, as if added one after another.
std::string insert_in_lines(Lines& file, const YamlValue& root, std::string_view key, const std::vector<std::string>& items,
                            const std::vector<std::optional<Day>>& new_days, const std::optional<std::string>& order_by,
                            KeyOrder key_order, const std::string& path) {
    const auto at = find_key(file, key);
    if (!at) {
        const size_t where = insertion_line(file, key, key_order);
        std::vector<std::string> lines{std::string(key) + ":"};
        const std::vector<std::pair<size_t, size_t>> placed = placed_items({}, new_days);
        for (const auto& [before, index] : placed) lines.push_back("  - " + items[index]);
        file.insert(where, lines);
        if (is_plain(items[placed.back().second])) check_no_tab_after(file, where + items.size(), path);
        return file.join();
    }
    std::string& key_line = file.lines[*at];
    const auto found = key_at(key_line);
    const InlineValue old = inline_value(key_line, found->after_colon);
    const std::string_view body = content(key_line);
    const std::string_view value = body.substr(old.start, old.end - old.start);
    if (!is_empty_value(value))
        refuse("'" + std::string(key) + "' is written on one line; kith adds entries only to a list with one '- ' item per line",
               path, *at, old.start);
    // "key: ~" with indented lines under it is one text running on ("~ - dat"), not a list.
    if (!value.empty() && content_end(file, *at + 1, block_at(file, *at).end) > *at + 1)
        refuse("'" + std::string(key) + "' is a text that runs on over several lines; kith adds entries only to a "
               "list with one '- ' item per line", path, *at, old.start);
    if (!value.empty()) {
        // "key: []" or "key: Null" becomes "key:" so that items can follow; a comment on the line stays.
        key_line = std::string(body.substr(0, found->after_colon)) + std::string(body.substr(old.end)) +
                   line_ending(key_line);
    }
    Block block = block_at(file, *at);
    // A value may also start on the line after the key: an empty one goes, anything else is refused.
    for (size_t i = *at + 1; i < block.end; ++i) {
        if (file.skippable(i)) continue;
        const std::string_view line = content(file.lines[i]);
        if (is_item_line(line)) break;
        const InlineValue own = inline_value(line, indent_of(line));
        if (file.scalar[i] || !is_empty_value(line.substr(own.start, own.end - own.start)) ||
            content_end(file, i + 1, block.end) > i + 1)  // "NULL" with more text under it runs on
            refuse("'" + std::string(key) + "' is not a list with one '- ' item per line; kith adds entries only to such a list",
                   path, i, indent_of(line));
        // The empty value goes; a comment after it stays on its own line.
        const size_t comment = line.find('#', own.end);
        if (comment == std::string_view::npos) file.erase(i, i + 1);
        else file.lines[i] = std::string(indent_of(line), ' ') + std::string(line.substr(comment)) + line_ending(file.lines[i]);
        block = block_at(file, *at);
        break;
    }
    const std::vector<size_t> starts = item_starts(file, *at + 1, block.end);
    // The items found here are the reader's: an empty value, or a list of as many.
    const YamlValue* list = root.find(key);
    if (!list || (list->kind != YamlValue::Kind::null && list->kind != YamlValue::Kind::sequence) ||
        list->items.size() != starts.size())
        refuse("kith cannot tell the items of '" + std::string(key) + "' apart; write one '- ' item per line", path,
               *at, 0);
    const std::string indent = starts.empty() ? "  " : std::string(indent_of(file.lines[starts[0]]), ' ');
    size_t end = content_end(file, *at + 1, block.end);
    if (end <= *at) end = *at + 1;
    std::vector<std::optional<Day>> old_days(starts.size());
    if (order_by)
        for (size_t k = 0; k < starts.size(); ++k) old_days[k] = field_day(list->items[k], *order_by);
    // Each run of new items that go before the same old item is one insertion, the last first.
    const std::vector<std::pair<size_t, size_t>> placed = placed_items(old_days, new_days);
    for (size_t run_end = placed.size(); run_end > 0;) {
        size_t run = run_end - 1;
        while (run > 0 && placed[run - 1].first == placed[run].first) --run;
        std::vector<std::string> lines;
        for (size_t i = run; i < run_end; ++i) lines.push_back(indent + "- " + items[placed[i].second]);
        const size_t where = placed[run].first < starts.size() ? starts[placed[run].first] : end;
        file.insert(where, lines);
        if (is_plain(items[placed[run_end - 1].second])) check_no_tab_after(file, where + lines.size() - 1, path);
        run_end = run;
    }
    return file.join();
}

}  // namespace

std::string set_top_level(std::string_view text, std::string_view key, std::string_view value, KeyOrder key_order,
                          const std::string& path) {
    auto [root, file] = open_for_edit(text, path);
    std::optional<YamlValue> meant;  // what `value` reads as, when it reads on its own
    try {
        meant = read_yaml("v: " + std::string(value), path).entries.at(0).value;
    } catch (const std::exception&) {
        meant.reset();  // then only that the key is there
    }
    return checked_edit(root, set_in_lines(file, key, value, key_order, path), key, path,
                        [&](const YamlValue*, const YamlValue* after) { return after && (!meant || same_value(*after, *meant)); });
}

std::string insert_item(std::string_view text, std::string_view key, std::string_view item,
                        std::optional<std::string> order_by, KeyOrder key_order, const std::string& path) {
    return insert_items(text, key, {std::string(item)}, key_order, path, order_by);
}

std::string insert_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                         KeyOrder key_order, const std::string& path, const std::optional<std::string>& order_by) {
    if (items.empty()) return std::string(text);
    if (!order_by) return insert_items_on_days(text, key, items, std::vector<std::optional<Day>>(items.size()), std::nullopt, key_order, path);
    return insert_items_on_days(text, key, items, item_days(items, *order_by, path), order_by, key_order, path);
}

std::string insert_items_on_days(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                                 const std::vector<std::optional<Day>>& days, const std::optional<std::string>& order_by,
                                 KeyOrder key_order, const std::string& path) {
    if (items.empty()) return std::string(text);
    auto [root, file] = open_for_edit(text, path);
    return checked_edit(root, insert_in_lines(file, root, key, items, days, order_by, key_order, path), key, path,
                        [&](const YamlValue* before, const YamlValue* after) { return items_more(before, after, items.size()); });
}

}  // namespace kith
