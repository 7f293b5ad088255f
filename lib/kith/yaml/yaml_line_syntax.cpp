#include "kith/yaml/yaml_line_syntax.hpp"

namespace kith::yaml_lines {

std::string_view content(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

std::string line_ending(std::string_view line) {
    if (line.ends_with("\r\n")) return "\r\n";
    return line.ends_with('\n') ? "\n" : "";
}

size_t indent_of(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

bool is_blank(std::string_view line) { return content(line).find_first_not_of(" \t") == std::string_view::npos; }

bool is_blank_or_comment(std::string_view line) {
    line = content(line);
    const size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#';
}

bool is_item_line(std::string_view line) {
    const std::string_view rest = content(line).substr(indent_of(line));
    return rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t");
}

size_t skip_quoted(std::string_view text, size_t open) {
    const char quote = text[open];
    for (size_t i = open + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') ++i;
        else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
            else return i + 1;
        }
    }
    return std::string_view::npos;
}

bool is_empty_value(std::string_view value) {
    if (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL") return true;
    if (value.size() < 2 || value.front() != '[' || value.back() != ']') return false;
    return value.substr(1, value.size() - 2).find_first_not_of(" \t") == std::string_view::npos;
}

std::optional<KeySpan> key_span(std::string_view line) {
    line = content(line);
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#') return std::nullopt;
    for (const std::string_view marker : {"---", "..."})  // "---" is a marker, "---es:" a key
        if (line.starts_with(marker) && (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) return std::nullopt;
    if (is_item_line(line)) return std::nullopt;
    if (line[0] == '"' || line[0] == '\'') {
        const size_t end = skip_quoted(line, 0);
        if (end == std::string_view::npos) return std::nullopt;
        const size_t colon = line.find_first_not_of(" \t", end);  // '"log" :' is log, as with plain keys
        if (colon == std::string_view::npos || line[colon] != ':') return std::nullopt;
        return KeySpan{end, colon + 1, true};
    }
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) break;  // "dc #:" is no key
        if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
            size_t end = i;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;  // "log\t:" is log
            return KeySpan{end, i + 1, false};
        }
    }
    return std::nullopt;
}

size_t comment_at(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const char before = i == 0 ? ' ' : line[i - 1];
        const bool starts_value = before == ' ' || before == '\t' || before == '[' || before == '{' || before == ',';
        if ((c == '"' || c == '\'') && starts_value) {
            const size_t close = skip_quoted(line, i);
            if (close == std::string_view::npos || close > line.size()) return std::string_view::npos;  // runs on
            i = close - 1;
            continue;
        }
        if (c == '#' && (before == ' ' || before == '\t' || i == 0)) return i;
    }
    return std::string_view::npos;
}

InlineValue inline_value(std::string_view line, size_t after_colon) {
    line = content(line);
    size_t start = after_colon;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    size_t end = start;
    if (start < line.size() && (line[start] == '"' || line[start] == '\'')) {
        end = skip_quoted(line, start);
        if (end == std::string_view::npos) end = line.size();
    } else {
        size_t comment = line.find(" #", start);
        if (const size_t tab = line.find("\t#", start); tab < comment) comment = tab;
        end = comment == std::string_view::npos ? line.size() : comment;
        if (start < line.size() && line[start] == '#') end = start;
    }
    while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    return {start, end};
}

std::optional<BlockHeader> block_header(std::string_view line) {
    line = content(line);
    // Where the node starts: after the indentation (and any tabs that separate, as in " \t>"
    // on the line after a key) and any "- " of compact items.
    size_t node = line.find_first_not_of(" \t");
    if (node == std::string_view::npos) return std::nullopt;
    size_t dash = std::string_view::npos;
    while (node < line.size() && line[node] == '-' &&
           (node + 1 == line.size() || line[node + 1] == ' ' || line[node + 1] == '\t')) {
        dash = node;
        node = line.find_first_not_of(" \t", node + 1);
        if (node == std::string_view::npos) return std::nullopt;
    }
    size_t value = node;
    size_t parent = dash == std::string_view::npos ? node : dash;
    const bool indicator = line[node] == '|' || line[node] == '>';  // no plain key starts so: "># o:" is a header
    if (indicator && dash == std::string_view::npos) {
        parent = std::string_view::npos;  // a value on its own line: the caller finds its parent
    } else if (const auto key = indicator ? std::nullopt : key_span(line.substr(node))) {
        value = inline_value(line, node + key->after_colon).start;
        parent = node;
    } else if (dash == std::string_view::npos) {
        parent = std::string_view::npos;  // a value on its own line: the caller finds its parent
    }
    if (value >= line.size() || (line[value] != '|' && line[value] != '>')) return std::nullopt;
    BlockHeader header{0, parent, 0, value, 0};
    size_t i = value + 1;
    for (; i < line.size() && i < value + 3; ++i) {
        if (line[i] == '+' || line[i] == '-') header.chomp = line[i];
        else if (line[i] >= '1' && line[i] <= '9') header.explicit_indent = static_cast<size_t>(line[i] - '0');
        else break;
    }
    header.indicator_end = i;
    const size_t rest = line.find_first_not_of(" \t", i);
    if (rest != std::string_view::npos && line[rest] != '#') return std::nullopt;  // yaml-cpp takes "|#" too
    return header;
}

}  // namespace kith::yaml_lines
