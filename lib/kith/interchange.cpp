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

std::string trim_blanks(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace kith
