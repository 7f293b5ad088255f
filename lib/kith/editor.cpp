#include "kith/editor.hpp"

#include <algorithm>
#include <vector>

#include "kith/contact_file.hpp"
#include "kith/error.hpp"

namespace kith {
namespace {

// The file as lines, each keeping its own line ending, so that joining restores it exactly.
struct Lines {
    std::vector<std::string> lines;
    std::string eol = "\n";

    explicit Lines(std::string_view text) {
        size_t start = 0;
        while (start < text.size()) {
            const size_t end = text.find('\n', start);
            const size_t stop = end == std::string_view::npos ? text.size() : end + 1;
            lines.emplace_back(text.substr(start, stop - start));
            start = stop;
        }
        if (!lines.empty() && lines[0].size() >= 2 && lines[0].ends_with("\r\n")) eol = "\r\n";
    }

    // Inserts whole lines before line `at`; a last line without a newline gets one first.
    void insert(size_t at, std::initializer_list<std::string> added) {
        if (at == lines.size() && !lines.empty() && !lines.back().ends_with('\n')) lines.back() += eol;
        lines.insert(lines.begin() + static_cast<long>(at), added);
    }

    std::string join() const {
        std::string out;
        for (const auto& line : lines) out += line;
        return out;
    }
};

std::string_view content(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

size_t indent_of(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

bool is_blank(std::string_view line) { return content(line).find_first_not_of(" \t") == std::string_view::npos; }

// True for a line with nothing on it but blanks, or a comment however it is indented.
bool is_blank_or_comment(std::string_view line) {
    line = content(line);
    const size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#';
}

bool is_item_line(std::string_view line) {
    const std::string_view rest = content(line).substr(indent_of(line));
    return rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t");
}

// Returns where the quoted text starting at `open` ends (one past the quote), or npos.
size_t skip_quoted(std::string_view line, size_t open) {
    const char quote = line[open];
    for (size_t i = open + 1; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\') ++i;
        else if (line[i] == quote) {
            if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
            else return i + 1;
        }
    }
    return std::string_view::npos;
}

// A top-level key line: its key, and the offset just after the ':'.
struct KeyLine {
    std::string key;
    size_t after_colon = 0;
};

std::optional<KeyLine> top_level_key(std::string_view line) {
    line = content(line);
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#') return std::nullopt;
    if (line.starts_with("---") || line.starts_with("...") || is_item_line(line)) return std::nullopt;
    if (line[0] == '"' || line[0] == '\'') {
        const size_t end = skip_quoted(line, 0);
        if (end == std::string_view::npos) return std::nullopt;
        const size_t colon = line.find_first_not_of(" \t", end);  // '"log" :' is log, as with plain keys
        if (colon == std::string_view::npos || line[colon] != ':') return std::nullopt;
        return KeyLine{std::string(line.substr(1, end - 2)), colon + 1};
    }
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
            std::string_view key = line.substr(0, i);
            while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);  // "log\t:" is log
            return KeyLine{std::string(key), i + 1};
        }
    }
    return std::nullopt;
}

// The lines [key, end) that hold a top-level key and its value. Comment and blank lines
// at the end belong to whatever follows.
struct Block {
    size_t key = 0;
    size_t end = 0;
};

Block block_at(const Lines& file, size_t key_line) {
    size_t end = key_line + 1;
    for (size_t i = key_line + 1; i < file.lines.size(); ++i) {
        const std::string_view line = file.lines[i];
        if (is_blank(line) || line[0] == '#') continue;
        if (line[0] == ' ' || line[0] == '\t' || is_item_line(line)) {
            end = i + 1;
            continue;
        }
        break;
    }
    return {key_line, end};
}

std::optional<size_t> find_key(const Lines& file, std::string_view key) {
    for (size_t i = 0; i < file.lines.size(); ++i) {
        const auto found = top_level_key(file.lines[i]);
        if (found && found->key == key) return i;
    }
    return std::nullopt;
}

size_t canonical_rank(std::string_view key) {
    const auto& keys = canonical_keys();
    return static_cast<size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

// Where a new top-level key goes: after the block of the last known key that comes
// before it in canonical order, else before the first known key after it, else at the end.
size_t insertion_line(const Lines& file, std::string_view key) {
    const size_t rank = canonical_rank(key);
    std::optional<size_t> after, before;
    for (size_t i = 0; i < file.lines.size(); ++i) {
        const auto found = top_level_key(file.lines[i]);
        if (!found) continue;
        const size_t other = canonical_rank(found->key);
        if (other == canonical_keys().size()) continue;
        if (other < rank) after = block_at(file, i).end;
        else if (!before) before = i;
    }
    if (after) return *after;
    if (before) return *before;
    size_t end = file.lines.size();
    while (end > 0 && is_blank(file.lines[end - 1])) --end;
    return end;
}

// The inline value of a key line: [start, end), and the rest (spaces and a comment).
struct InlineValue {
    size_t start = 0;
    size_t end = 0;
};

InlineValue inline_value(std::string_view line, size_t after_colon) {
    line = content(line);
    size_t start = after_colon;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    size_t end = start;
    if (start < line.size() && (line[start] == '"' || line[start] == '\'')) {
        end = skip_quoted(line, start);
        if (end == std::string_view::npos) end = line.size();
    } else {
        const size_t comment = line.find(" #", start);
        end = comment == std::string_view::npos ? line.size() : comment;
        if (start < line.size() && line[start] == '#') end = start;
    }
    while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    return {start, end};
}

std::string line_ending(std::string_view line) {
    if (line.ends_with("\r\n")) return "\r\n";
    return line.ends_with('\n') ? "\n" : "";
}

// Reads the day of `field: YYYY-MM-DD` inside an item's lines, if present.
std::optional<Day> field_day(const Lines& file, size_t from, size_t to, const std::string& field) {
    for (size_t i = from; i < to; ++i) {
        const std::string& line = file.lines[i];
        size_t at = line.find(field + ":");
        while (at != std::string::npos) {
            const bool starts_word = at == 0 || std::string_view(" {,-\t").find(line[at - 1]) != std::string_view::npos;
            if (starts_word) {
                size_t v = at + field.size() + 1;
                while (v < line.size() && (line[v] == ' ' || line[v] == '"' || line[v] == '\'')) ++v;
                if (const auto day = parse_iso_day(std::string_view(line).substr(v, 10))) return day;
            }
            at = line.find(field + ":", at + 1);
        }
    }
    return std::nullopt;
}

// The first line of each item of the block sequence in [from, to), at one indentation.
std::vector<size_t> item_starts(const Lines& file, size_t from, size_t to) {
    std::vector<size_t> starts;
    std::optional<size_t> indent;
    for (size_t i = from; i < to; ++i) {
        const std::string& line = file.lines[i];
        if (is_blank_or_comment(line) || !is_item_line(line)) continue;
        if (!indent) indent = indent_of(line);
        if (indent_of(line) == *indent) starts.push_back(i);
    }
    return starts;
}

// The last non-blank, non-comment line of [from, to), plus one.
size_t content_end(const Lines& file, size_t from, size_t to) {
    size_t end = from;
    for (size_t i = from; i < to; ++i) {
        if (!is_blank_or_comment(file.lines[i])) end = i + 1;
    }
    return end;
}

}  // namespace

std::string set_top_level(std::string_view text, std::string_view key, std::string_view value) {
    Lines file(text);
    const auto at = find_key(file, key);
    if (!at) {
        file.insert(insertion_line(file, key), {std::string(key) + ": " + std::string(value) + file.eol});
        return file.join();
    }
    std::string& line = file.lines[*at];
    const auto found = top_level_key(line);
    const InlineValue old = inline_value(line, found->after_colon);
    const std::string_view body = content(line);
    std::string rest(body.substr(old.end));
    if (rest.starts_with('#')) rest.insert(0, " ");  // "key: #note" had no value: keep the comment apart
    const Block block = block_at(file, *at);
    line = std::string(body.substr(0, found->after_colon)) + " " + std::string(value) + rest + line_ending(line);
    // A value that ran over several lines (a block scalar or list) is replaced whole.
    file.lines.erase(file.lines.begin() + static_cast<long>(*at + 1),
                     file.lines.begin() + static_cast<long>(block.end));
    return file.join();
}

std::string insert_item(std::string_view text, std::string_view key, std::string_view item,
                        std::optional<std::string> order_by, const std::string& path) {
    Lines file(text);
    const auto at = find_key(file, key);
    if (!at) {
        const size_t where = insertion_line(file, key);
        file.insert(where, {std::string(key) + ":" + file.eol, "  - " + std::string(item) + file.eol});
        return file.join();
    }
    std::string& key_line = file.lines[*at];
    const auto found = top_level_key(key_line);
    const InlineValue old = inline_value(key_line, found->after_colon);
    const std::string_view body = content(key_line);
    const std::string_view value = body.substr(old.start, old.end - old.start);
    if (!value.empty() && value != "[]" && value != "~" && value != "null") {
        throw Error(ErrorKind::invalid,
                    "'" + std::string(key) + "' is written on one line; kith adds entries only to a list "
                    "with one '- ' item per line",
                    Location{path, static_cast<int>(*at) + 1, static_cast<int>(old.start) + 1});
    }
    if (!value.empty()) {
        // "key: []" becomes "key:" so that items can follow; a comment on the line stays.
        key_line = std::string(body.substr(0, found->after_colon)) + std::string(body.substr(old.end)) +
                   line_ending(key_line);
    }
    Block block = block_at(file, *at);
    // A value may also start on the line after the key: "[]" there goes, anything else is refused.
    for (size_t i = *at + 1; i < block.end; ++i) {
        const std::string_view line = content(file.lines[i]);
        if (is_blank_or_comment(line)) continue;
        const std::string_view own_line = line.substr(indent_of(line));
        if (is_item_line(line)) break;
        if (own_line != "[]" && !own_line.starts_with("[] #") && !own_line.starts_with("[]\t"))
            throw Error(ErrorKind::invalid,
                        "'" + std::string(key) + "' is not a list with one '- ' item per line; kith adds entries only to such a list",
                        Location{path, static_cast<int>(i) + 1, static_cast<int>(indent_of(line)) + 1});
        file.lines.erase(file.lines.begin() + static_cast<long>(i));
        block = block_at(file, *at);
        break;
    }
    const std::vector<size_t> starts = item_starts(file, *at + 1, block.end);
    const std::string indent = starts.empty() ? "  " : std::string(indent_of(file.lines[starts[0]]), ' ');
    size_t where = content_end(file, *at + 1, block.end);
    if (where <= *at) where = *at + 1;
    const auto new_day = order_by ? field_day(Lines(item), 0, 1, *order_by) : std::nullopt;
    if (new_day) {
        for (size_t k = 0; k < starts.size(); ++k) {
            const size_t item_end = k + 1 < starts.size() ? starts[k + 1] : block.end;
            const auto day = field_day(file, starts[k], item_end, *order_by);
            if (day && *day > *new_day) {
                where = starts[k];
                break;
            }
        }
    }
    file.insert(where, {indent + "- " + std::string(item) + file.eol});
    return file.join();
}

std::string add_item_field(std::string_view text, std::string_view key, size_t index, std::string_view field,
                           std::string_view value, const std::string& path) {
    Lines file(text);
    const auto at = find_key(file, key);
    const Block block = at ? block_at(file, *at) : Block{};
    const std::vector<size_t> starts = at ? item_starts(file, *at + 1, block.end) : std::vector<size_t>{};
    if (index >= starts.size())
        throw Error(ErrorKind::invalid, "cannot find item " + std::to_string(index + 1) + " of '" + std::string(key) + "'",
                    Location{path, at ? static_cast<int>(*at) + 1 : 0, 0});
    const size_t first = starts[index];
    const size_t item_end = content_end(file, first, index + 1 < starts.size() ? starts[index + 1] : block.end);
    std::string& line = file.lines[first];
    const std::string_view body = content(line);
    const size_t dash = indent_of(line);
    size_t open = body.find_first_not_of(" \t", dash + 1);
    if (open != std::string_view::npos && body[open] == '#') open = std::string_view::npos;  // "- # note"
    if (open != std::string_view::npos && body[open] == '{') {
        // A one-line flow map: the field goes before its closing brace. A quote opens a
        // quoted scalar only where a scalar starts; elsewhere it is a plain character.
        size_t close = std::string_view::npos;
        char previous = '{';
        for (size_t i = open + 1; i < body.size() && item_end == first + 1; ++i) {
            const char c = body[i];
            if ((c == '"' || c == '\'') && std::string_view("{,:[").find(previous) != std::string_view::npos) {
                i = skip_quoted(body, i);
                if (i == std::string_view::npos) break;
                --i;
                previous = c;
            } else if (c == '}') {
                close = i;
                break;
            } else if (c != ' ' && c != '\t') {
                previous = c;
            }
        }
        if (close == std::string_view::npos)
            throw Error(ErrorKind::invalid,
                        "cannot find where item " + std::to_string(index + 1) + " of '" + std::string(key) +
                            "' ends; kith edits flow items ({...}) only when they stand on one line",
                        Location{path, static_cast<int>(first) + 1, static_cast<int>(open) + 1});
        // After a trailing comma ("{due: x,}") or in an empty map, no second comma goes in.
        size_t before = close;
        while (before > open + 1 && (body[before - 1] == ' ' || body[before - 1] == '\t')) --before;
        const bool comma = body[before - 1] != ',' && body[before - 1] != '{';
        line = std::string(body.substr(0, before)) + (comma ? ", " : " ") + std::string(field) + ": " +
               std::string(value) + std::string(body.substr(before)) + line_ending(line);
        return file.join();
    }
    // A block map item: the field goes on a line of its own, under the item's first key,
    // which may stand on the line after a lone "-".
    size_t key_column = open;
    for (size_t i = first + 1; key_column == std::string_view::npos && i < item_end; ++i) {
        const std::string_view next = content(file.lines[i]);
        if (is_blank_or_comment(next)) continue;
        key_column = next.find_first_not_of(" \t");
        if (next[key_column] == '{' || next[key_column] == '[')
            throw Error(ErrorKind::invalid,
                        "kith edits flow items ({...}) only when they stand on one line with their '-'",
                        Location{path, static_cast<int>(i) + 1, static_cast<int>(key_column) + 1});
    }
    const std::string indent(key_column == std::string_view::npos ? dash + 2 : key_column, ' ');
    file.insert(item_end, {indent + std::string(field) + ": " + std::string(value) + file.eol});
    return file.join();
}

}  // namespace kith
