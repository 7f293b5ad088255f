#include "kith/interchange/interchange.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace kith {

void ImportBatch::add(ImportRecord record, size_t bytes, const std::string& path) {
    if (records.size() >= import_max_records)
        fail_at(path, record.line, 0,
                fmt::format("an import reads at most {} people at a time, and this is one more; nothing was "
                            "imported (split the file)", import_max_records));
    if (text_bytes + bytes > import_max_text_bytes)
        fail_at(path, record.line, 0,
                fmt::format("an import reads at most {} MiB of text at a time, and the records up to here hold "
                            "more; nothing was imported (split the file)", import_max_text_bytes >> 20));
    text_bytes += bytes;
    record.source = path;
    records.push_back(std::move(record));
}

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

void drop_repeats(std::vector<std::string>& list) {
    std::unordered_set<std::string> seen;
    std::vector<std::string> kept;
    for (auto& value : list)
        if (!value.empty() && seen.insert(value).second) kept.push_back(std::move(value));
    list = std::move(kept);
}

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

std::string trim_blanks(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    const size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace kith
