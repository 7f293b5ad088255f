#include "kith/interchange.hpp"

#include <algorithm>

namespace kith {

std::optional<MonthDay> parse_export_date(std::string_view text) {
    const std::string trimmed = trim_blanks(text);
    std::string_view date = trimmed;
    if (const size_t t = date.find('T'); t != std::string_view::npos) date = date.substr(0, t);
    const bool digits = !date.empty() && std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && date.size() == 8)  // 18151210
        return parse_month_day(std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2)) + "-" +
                               std::string(date.substr(6, 2)));
    if (date.size() == 6 && date.substr(0, 2) == "--" && date.find('-', 2) == std::string_view::npos)  // --1210
        return parse_month_day("--" + std::string(date.substr(2, 2)) + "-" + std::string(date.substr(4, 2)));
    return parse_month_day(date);
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

namespace {
void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}
}  // namespace

std::string utf16_to_utf8(std::string_view bytes) {
    const bool little = bytes.substr(0, 2) == "\xFF\xFE";
    if (!little && bytes.substr(0, 2) != "\xFE\xFF") return std::string(bytes);
    const auto unit = [&](size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char32_t>(little ? a | (b << 8) : (a << 8) | b);
    };
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    return out;
}

std::string trim_blanks(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace kith
