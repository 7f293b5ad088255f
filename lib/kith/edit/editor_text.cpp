#include "kith/edit/editor_text.hpp"

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::editing {

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

std::string quoted_text(std::string_view quoted) {
    const std::string_view inside = quoted.substr(1, quoted.size() - 2);
    if (quoted.front() == '\'') {  // '' is the one escape of single quotes
        std::string text;
        for (size_t i = 0; i < inside.size(); ++i) {
            text += inside[i];
            if (inside[i] == '\'' && i + 1 < inside.size() && inside[i + 1] == '\'') ++i;
        }
        return text;
    }
    if (inside.find('\\') == std::string_view::npos) return std::string(inside);
    try {
        return read_yaml("v: " + std::string(quoted), "").entries.at(0).value.text;  // the reader's escapes
    } catch (const std::exception&) {
        return std::string(inside);
    }
}

std::optional<KeyLine> key_at(std::string_view line) {
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
        return KeyLine{quoted_text(line.substr(0, end)), colon + 1};
    }
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) break;  // "dc #:" is no key
        if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
            std::string_view key = line.substr(0, i);
            while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);  // "log\t:" is log
            return KeyLine{std::string(key), i + 1};
        }
    }
    return std::nullopt;
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

void refuse(const std::string& message, const std::string& path, size_t line, size_t column) {
    throw Error(ErrorKind::invalid, message, Location{path, static_cast<int>(line) + 1, static_cast<int>(column) + 1});
}

}  // namespace kith::editing
