#include "kith/yaml/yaml_emit.hpp"

#include <array>
#include <cstdio>

#include "kith/base/utf8.hpp"

namespace kith {
namespace {

bool is_reserved_word(std::string_view text) {
    static const std::array<std::string_view, 10> words = {"null", "~",   "true", "false", "yes",
                                                           "no",   "on",  "off",  "y",     "n"};
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (auto word : words)
        if (lower == word) return true;
    return false;
}

// The code point of the UTF-8 sequence at `at` and its length; a stray byte reads as itself.
std::pair<unsigned, size_t> code_point(std::string_view text, size_t at) {
    const Utf8Char c = utf8_char_at(text, at);
    if (!c.valid()) return {static_cast<unsigned char>(text[at]), 1};
    return {static_cast<unsigned>(c.code_point), c.size};
}

// Characters a YAML reader may take for a line break, a byte-order mark or a control: C0, DEL,
// C1 (with NEL), the line and paragraph separators, and U+FEFF. They are written as escapes.
bool is_special(unsigned cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

}  // namespace

bool needs_quotes(std::string_view text) {
    if (text.empty() || is_reserved_word(text)) return true;
    const char first = text.front();
    if (first == ' ' || text.back() == ' ' || first == '\t' || text.back() == '\t') return true;
    // Anything that starts like a number, a date or a time (007, 10:30, 2026-01-01, .5, -3, +1).
    if ((first >= '0' && first <= '9') || first == '.' || first == '+' || first == '-') return true;
    if (std::string_view("?:,[]{}#&*!|>'\"%@`\\~").find(first) != std::string_view::npos) return true;
    // Inside the text, the flow indicators and '?': yaml-cpp ends or splits a flow value at
    // each of them ("[Who?]", "{note: a?}"), even where YAML says it need not.
    for (size_t i = 0; i < text.size();) {
        const auto [cp, length] = code_point(text, i);
        if (is_special(cp)) return true;
        if (cp < 0x80 && std::string_view("?:,[]{}#").find(static_cast<char>(cp)) != std::string_view::npos)
            return true;
        i += length;
    }
    return false;
}

std::string yaml_scalar(std::string_view text) {
    if (!needs_quotes(text)) return std::string(text);
    std::string out = "\"";
    for (size_t i = 0; i < text.size();) {
        const auto [cp, length] = code_point(text, i);
        const char c = text[i];
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (is_special(cp)) {
            char buf[12];
            if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02X", cp);
            else std::snprintf(buf, sizeof buf, "\\u%04X", cp);
            out += buf;
        } else {
            out += text.substr(i, length);
        }
        i += length;
    }
    return out + "\"";
}

std::string yaml_flow_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml_scalar(items[i]);
    return out + "]";
}

std::string yaml_flow_map(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out = "{";
    for (size_t i = 0; i < entries.size(); ++i)
        out += (i ? ", " : "") + entries[i].first + ": " + entries[i].second;
    return out + "}";
}

}  // namespace kith
