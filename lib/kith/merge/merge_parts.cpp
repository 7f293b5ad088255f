// One version of a contact file cut into parts for the merge: every line belongs to exactly one
// part, so that parts put together again give the file back byte for byte.
#include "kith/merge/merge_parts.hpp"

#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge_text.hpp"
#include "kith/base/text.hpp"
#include "kith/yaml/yaml_flow.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::merging {
namespace {

using editing::content;
using editing::is_blank;
using editing::is_blank_or_comment;
using yaml_lines::flow_entry_end;

YamlValue read_map(std::string_view text, const std::string& path) {
    YamlValue root = read_yaml(text, path);
    if (root.kind == YamlValue::Kind::null) root.kind = YamlValue::Kind::map;
    if (root.kind != YamlValue::Kind::map) fail_at(path, root.line, root.column, "a contact file is a map");
    return root;
}

// Reads a log entry's date, kind and note into `entry.log`, when it has a date and a kind.
void read_log_entry(ListEntry& entry, const YamlValue& item) {
    if (item.kind != YamlValue::Kind::map) return;
    const YamlValue *day = item.find("date"), *kind = item.find("kind"), *note = item.find("note");
    const auto scalar = [](const YamlValue* value) { return value && value->kind == YamlValue::Kind::scalar; };
    if (!scalar(day) || !scalar(kind) || (note && !scalar(note))) return;
    const std::optional<Day> date = parse_iso_day(day->text);
    if (!date) return;
    entry.log = LogEntry{*date, kind->text, note ? note->text : "", "", 0};
    std::string_view bytes = entry.bytes;  // the line, its ending and trailing blanks aside
    while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r' || bytes.back() == ' ' || bytes.back() == '\t'))
        bytes.remove_suffix(1);
    entry.plain = item.entries.size() == (note ? 3U : 2U) && bytes.find('\n') == std::string_view::npos && bytes.ends_with('}');
}

ListEntry entry_of(const YamlValue& item, std::string bytes, std::string_view key_name, std::string_view order_field) {
    ListEntry entry;
    entry.id = identity(item, key_name == "followups" ? "done" : "");
    entry.content = identity(item, "");
    if (!order_field.empty() && item.kind == YamlValue::Kind::map)
        if (const YamlValue* day = item.find(order_field); day && day->kind == YamlValue::Kind::scalar) entry.day = day->text;
    entry.bytes = std::move(bytes);
    if (key_name == "log") read_log_entry(entry, item);
    return entry;
}

bool only_comments(const editing::Lines& file, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
        if (!file.skippable(i)) return false;
    return true;
}

// The entries of a one-line flow list; false when the line is not one.
bool read_flow(ListView& view, const std::string& line, const YamlValue& list, const KeySpan& key,
               std::string_view key_name, std::string_view order_field) {
    const size_t open = static_cast<size_t>(list.column - 1);
    if (list.line - 1 != static_cast<int>(key.key) || open >= line.size() || line[open] != '[') return false;
    size_t at = open + 1;
    for (const auto& item : list.items) {
        const size_t start = static_cast<size_t>(item.column - 1);
        if (item.line - 1 != static_cast<int>(key.key) || start < at) return false;
        const size_t end = flow_entry_end(line, start);
        if (end == std::string_view::npos) return false;
        view.entries.push_back(entry_of(item, line.substr(start, end - start), key_name, order_field));
        at = end;
    }
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == ',')) ++at;
    if (at >= line.size() || line[at] != ']') return false;
    view.before = line.substr(0, open);
    view.after = line.substr(at + 1);
    return true;
}

// The entries of a block list, each with the comment and blank lines above it; false when
// they cannot be placed.
bool read_block(ListView& view, const Side& side, const YamlValue& list, const KeySpan& key, std::string_view key_name,
                std::string_view order_field) {
    const editing::Lines& file = side.file;
    const std::vector<size_t> starts = editing::item_starts(file, key.key + 1, key.to);
    if (starts.size() != list.items.size()) return false;
    size_t previous = key.key + 1;
    for (size_t j = 0; j < starts.size(); ++j) {
        const size_t start = starts[j], next = j + 1 < starts.size() ? starts[j + 1] : key.to;
        const auto item_line = static_cast<size_t>(list.items[j].line - 1);
        if (item_line < start || item_line >= next || !only_comments(file, previous, start)) return false;
        const size_t dash = editing::indent_of(file.lines[start]);
        const size_t end = std::min(next, editing::comments_under(file, editing::content_end(file, start, next), dash));
        ListEntry entry = entry_of(list.items[j], side.text(previous, end), key_name, order_field);
        entry.indent = dash;
        view.entries.push_back(std::move(entry));
        previous = end;
    }
    view.tail = side.text(previous, key.to);
    return true;
}

}  // namespace

Side::Side(std::string_view text, const std::string& path) : root(read_map(text, path)), file(text, path, &root) {
    size_t previous_end = 0;
    for (const auto& entry : root.entries) {
        const auto line = static_cast<size_t>(entry.key.line - 1);
        if (entry.key.column != 1 || entry.key.line < 1 || line < previous_end || line >= file.lines.size())
            fail_at(path, entry.key.line, entry.key.column, "a top-level key the merge cannot place");
        if (keys.empty()) preamble_end = line;
        const size_t end = editing::comments_under(file, editing::block_at(file, line).end, 0);
        by_name[entry.key.text] = keys.size();
        keys.push_back(KeySpan{entry.key.text, keys.empty() ? line : previous_end, line, end, &entry.value});
        previous_end = end;
    }
    if (keys.empty()) preamble_end = file.lines.size();
    tail_from = keys.empty() ? file.lines.size() : previous_end;
}

const KeySpan* Side::find(const std::string& name) const {
    const auto found = by_name.find(name);
    return found == by_name.end() ? nullptr : &keys[found->second];
}

std::string Side::text(size_t from, size_t to) const {
    std::string out;
    for (size_t i = from; i < to && i < file.lines.size(); ++i) out += file.lines[i];
    return out;
}

std::string ListView::header() const {
    std::string_view key = before;
    while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
    return leading + '\x1f' + std::string(key) + '\x1f' + after;
}

std::optional<ListView> list_view(const Side& side, const KeySpan& key, std::string_view key_name,
                                  std::string_view order_field) {
    ListView view;
    view.leading = side.text(key.from, key.key);
    const std::string& line = side.file.lines[key.key];
    const auto found = editing::key_at(line);
    if (!found) return std::nullopt;
    const auto inline_at = editing::inline_value(line, found->after_colon);
    const YamlValue* value = key.value;
    const bool empty = !value || value->kind == YamlValue::Kind::null ||
                       (value->kind == YamlValue::Kind::sequence && value->items.empty());
    if (empty || value->kind == YamlValue::Kind::scalar) {
        // No entries, or a lone text: a list of one. Either stands on the key's line alone.
        if (!only_comments(side.file, key.key + 1, key.to)) return std::nullopt;
        const std::string_view written = std::string_view(line).substr(inline_at.start, inline_at.end - inline_at.start);
        if (empty && !editing::is_empty_value(written)) return std::nullopt;
        view.before = line.substr(0, inline_at.start);
        view.after = line.substr(inline_at.end);
        view.tail = side.text(key.key + 1, key.to);
        if (empty) return view;
        if (static_cast<size_t>(value->column - 1) != inline_at.start) return std::nullopt;
        view.style = ListStyle::flow;
        view.entries.push_back(entry_of(*value, std::string(written), key_name, order_field));
        return view;
    }
    if (value->kind != YamlValue::Kind::sequence) return std::nullopt;
    if (value->flow) {
        view.style = ListStyle::flow;
        if (!only_comments(side.file, key.key + 1, key.to) ||
            !read_flow(view, line, *value, key, key_name, order_field))
            return std::nullopt;
        view.tail = side.text(key.key + 1, key.to);
        return view;
    }
    view.style = ListStyle::block;
    if (inline_at.start != inline_at.end) return std::nullopt;  // "log: !!seq" and the like
    view.before = line.substr(0, inline_at.start);
    view.after = line.substr(inline_at.start);
    if (!read_block(view, side, *value, key, key_name, order_field)) return std::nullopt;
    return view;
}

std::optional<std::string> reindent(std::string_view text, long delta) {
    std::string out;
    for (const auto line : split_lines(text)) {
        if (delta >= 0 || is_blank(line)) {
            if (!is_blank(line)) out.append(static_cast<size_t>(delta), ' ');
            out += line;
            continue;
        }
        const auto cut = static_cast<size_t>(-delta);
        if (editing::indent_of(line) >= cut) out += line.substr(cut);
        else if (is_blank_or_comment(line)) out += line;
        else return std::nullopt;
    }
    return out;
}

void append_part(std::string& out, std::string_view part) {
    if (part.empty()) return;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += part;
}

std::string conflict_region(std::string_view ours, std::string_view theirs) {
    std::string out = "<<<<<<< ours\n";
    append_part(out, ours);
    append_part(out, "=======\n");
    append_part(out, theirs);
    append_part(out, ">>>>>>> theirs\n");
    return out;
}

}  // namespace kith::merging
