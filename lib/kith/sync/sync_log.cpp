#include "kith/sync/sync_log.hpp"

#include <algorithm>

#include "kith/model/contact_file.hpp"
#include "kith/model/interaction.hpp"

namespace kith {
namespace {

// The length of the white-space character at the start of `text` (0 when there is none): ASCII
// blanks and controls 0x1C-0x1F, and Unicode's spaces (NEL, NBSP, U+1680, U+2000-200A,
// U+2028-2029, U+202F, U+205F, U+3000), as Python's str.split() reads white space.
size_t space_at(std::string_view text) {
    const auto byte = [&](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0U; };
    const unsigned c = byte(0);
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
    if (c == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;
    if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;
    if (c == 0xE2 && byte(1) == 0x80 && ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF))
        return 3;
    if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
    if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
    return 0;
}

}  // namespace

bool already_logged(const std::vector<LogEntry>& log, const LogEntry& match) {
    return std::any_of(log.begin(), log.end(), [&](const LogEntry& had) { return logs_same_contact(had, match); });
}

bool may_hold_contact_from(const std::vector<LogEntry>& log, Day day) {
    return std::any_of(log.begin(), log.end(), [&](const LogEntry& had) { return had.date >= day && counts_as_contact(had.kind); });
}

std::string add_missing_entries(const std::string& text, const std::vector<const SyncEntry*>& entries,
                                const std::string& path, const Config& config, size_t& added) {
    std::vector<LogEntry> log = parse_contact(text, path, config).log;
    std::vector<LogEntry> missing;
    for (const SyncEntry* planned : entries) {
        if (already_logged(log, planned->match)) continue;
        log.push_back(planned->entry);
        missing.push_back(planned->entry);
    }
    added = missing.size();
    return missing.empty() ? text : add_log_entries(text, missing, path);
}

std::string one_line_note(std::string_view text) {
    std::string out;
    bool gap = false;
    for (size_t at = 0; at < text.size();) {
        if (const size_t width = space_at(text.substr(at))) {
            gap = true;
            at += width;
            continue;
        }
        if (gap && !out.empty()) out += ' ';
        gap = false;
        out += text[at++];
    }
    return out;
}

}  // namespace kith
