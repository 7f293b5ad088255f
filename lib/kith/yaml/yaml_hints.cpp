#include "kith/yaml/yaml_hints.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

#include <fmt/format.h>

#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

// Returns line `number` (1-based) of `bytes`, without its line end; "" past the end.
std::string_view line_at(std::string_view bytes, int number) {
    size_t start = 0;
    for (int n = 1; n < number; ++n) {
        const size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) return {};
        start = end + 1;
    }
    std::string_view line = bytes.substr(start, bytes.find('\n', start) - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line;
}

// Returns " (write 'key: "value"')" for a line "key: value" (or "- key: value") whose value
// must be quoted, when the trouble at `column` lies in the value; "" when the line is not that.
std::string quoted_rewrite(std::string_view line, int column) {
    size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos) return "";
    if (line.substr(start).starts_with("- ")) start = line.find_first_not_of(' ', start + 2);
    const size_t colon = line.find(": ", start);
    if (start == std::string_view::npos || colon == std::string_view::npos) return "";
    if (static_cast<size_t>(column) <= colon + 1) return "";  // the trouble is in the key
    std::string_view key = line.substr(start, colon - start), value = line.substr(colon + 2);
    value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty() || key.find_first_of("[]{}\"'#") != std::string_view::npos) return "";
    std::string quoted = yaml_scalar(value);
    if (quoted.front() != '"' && quoted.front() != '\'') quoted = "\"" + quoted + "\"";
    return " (write '" + std::string(key) + ": " + quoted + "')";
}

bool starts_with_any(std::string_view message, std::initializer_list<std::string_view> prefixes) {
    for (const auto prefix : prefixes)
        if (message.starts_with(prefix)) return true;
    return false;
}

}  // namespace

std::optional<TextPlace> open_bracket_before(std::string_view bytes, TextPlace place) {
    std::vector<TextPlace> open;
    std::vector<char> kinds;
    int line = 1, column = 1;
    char quote = 0, before = '\n';
    for (size_t i = 0; i < bytes.size(); ++i, ++column) {
        if (line > place.line || (line == place.line && column >= place.column)) break;
        const char c = bytes[i];
        if (c == '\n') {
            ++line, column = 0, before = '\n';
            continue;
        }
        const bool token_start = before == '\n' || before == ' ' || before == '\t' || before == '[' ||
                                 before == '{' || before == ',' || (!open.empty() && before == ':');
        if (quote == '"' && c == '\\') {
            ++i, ++column;
        } else if (quote) {
            if (c == quote) quote = 0;
        } else if ((c == '"' || c == '\'') && token_start) {
            quote = c;
        } else if (c == '#' && (before == ' ' || before == '\t' || before == '\n')) {
            const size_t end = bytes.find('\n', i);
            if (end == std::string_view::npos) break;
            column += static_cast<int>(end - i) - 1;
            i = end - 1;
        } else if ((c == '[' || c == '{') && (token_start || !open.empty())) {
            open.push_back({line, column});
            kinds.push_back(c);
        } else if ((c == ']' || c == '}') && !open.empty() && kinds.back() == (c == ']' ? '[' : '{')) {
            open.pop_back();
            kinds.pop_back();
        }
        before = c;
    }
    if (open.empty()) return std::nullopt;
    return open.back();
}

std::string unclosed_bracket_message(char bracket) {
    const char closing = bracket == '[' ? ']' : '}';
    return fmt::format("this '{0}' is not closed: close it with '{1}' on its line (or, if it is text, "
                       "quote the value: \"{0}...\")",
                       bracket, closing);
}

std::string yaml_error_hint(std::string_view message, std::string_view bytes, TextPlace& place) {
    const std::string_view line = line_at(bytes, place.line);
    const auto at = [&](size_t column) { return column >= 1 && column <= line.size() ? line[column - 1] : '\0'; };
    const std::string rewrite = quoted_rewrite(line, place.column);
    const std::string quote_it = "put the value in quotes" + (rewrite.empty() ? std::string(" (\"...\")") : rewrite);
    if (starts_with_any(message, {"end of sequence flow", "end of map flow"})) {
        const char bracket = message.starts_with("end of sequence") ? '[' : '{';
        if (const auto open = open_bracket_before(bytes, place)) {
            place = *open;
            return unclosed_bracket_message(line_at(bytes, open->line)[static_cast<size_t>(open->column - 1)]);
        }
        return unclosed_bracket_message(bracket);
    }
    if (message.starts_with("illegal map value"))
        return "a value holding ': ' must be in quotes: " + quote_it +
               "; or, if this is a key, line it up with the keys around it";
    if (message.starts_with("illegal flow end"))
        return fmt::format("this '{}' closes nothing: remove it, or {}",
                           at(static_cast<size_t>(place.column)) == '}' ? '}' : ']', quote_it);
    if (message.starts_with("illegal block entry"))
        return "a list item ('- ') cannot go here: indent it under its key, or " + quote_it;
    if (message.starts_with("illegal map key"))
        return "a '? ' cannot start a value: " + quote_it;
    if (starts_with_any(message, {"end of map not found", "end of sequence not found"}))
        return "this line does not line up with the lines around it: indent the keys of one map, and the "
               "items of one list, to the same column (a value that runs on: quote it)";
    if (starts_with_any(message, {"unknown escape character", "bad character found while scanning hex", "invalid unicode"}))
        return std::string(message) + ": in double quotes a '\\' starts an escape; write '\\\\' for a "
               "backslash, or use single quotes ('...')";
    if (message.starts_with("illegal EOF in scalar"))
        return "a quote is not closed before the end of the file: close it";
    if (message.starts_with("illegal document indicator"))
        return "a line of the value starts with '---' or '...': indent it more, or " + quote_it;
    if (message.starts_with("illegal tab"))
        return "a tab in the indentation: indent with spaces";
    if (starts_with_any(message, {"unexpected character in block scalar", "cannot set zero indentation"}))
        return "after '|' or '>' only a digit from 1 to 9, '+' or '-' may follow: put the text on the lines "
               "below, indented";
    if (message.starts_with("unknown token")) {
        const char c = at(static_cast<size_t>(place.column));
        return (c ? "a value cannot start with '" + std::string(1, c) + "'" : std::string("this cannot start a value")) +
               ": " + quote_it;
    }
    if (message.starts_with("illegal character in scalar"))
        return "this character cannot go in a plain value: " + quote_it;
    static constexpr std::array quoted_starts{"illegal character", "alias", "anchor", "tag", "cannot assign",
                                              "aliases can't", "end of verbatim tag", "the referenced anchor"};
    for (const auto* start : quoted_starts)
        if (message.starts_with(start))
            return "a value starting with '*', '&' or '!' (or holding them where YAML reads them) must be in "
                   "quotes: " + quote_it;
    return std::string(message) + "; " + quote_it +
           " if it holds ': ' or ' #', or starts with one of [ ] { } & * ! | > ' \" % @ `";
}

}  // namespace kith
