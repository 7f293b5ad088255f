#include "kith/yaml_emit.hpp"

#include <array>
#include <cstdio>

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

}  // namespace

bool needs_quotes(std::string_view text) {
    if (text.empty() || is_reserved_word(text)) return true;
    const char first = text.front();
    if (first == ' ' || text.back() == ' ' || first == '\t' || text.back() == '\t') return true;
    // Anything that starts like a number, a date or a time (007, 10:30, 2026-01-01, .5, -3, +1).
    if ((first >= '0' && first <= '9') || first == '.' || first == '+' || first == '-') return true;
    if (std::string_view("?:,[]{}#&*!|>'\"%@`\\").find(first) != std::string_view::npos) return true;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return true;
        if (c == ':' || c == '#' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}') return true;
    }
    return false;
}

std::string yaml_scalar(std::string_view text) {
    if (!needs_quotes(text)) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buf;
                } else {
                    out += c;
                }
        }
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
