#include "kith/store/sync_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "kith/base/error.hpp"
#include "kith/base/hash.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/folder.hpp"

namespace kith {
namespace {

std::string record_path(const std::string& source) { return layout::in_state("sync-" + source); }

// The days a record in .kith/sync-SOURCE holds: a line "DAY" (key "") or "DAY<TAB>KEY" each; a
// line that does not read is left out (a cache: one that cannot be read is as good as none).
std::map<std::string, Day> read_sync_record(const Folder& store, const std::string& source) {
    const std::string path = record_path(source);
    std::string text;
    try {
        if (!store.exists(path)) return {};
        text = store.read(path, 1 << 20);
    } catch (const Error&) {
        return {};
    }
    std::map<std::string, Day> days;
    for (size_t at = 0; at < text.size();) {
        const size_t end = std::min(text.find('\n', at), text.size());
        std::string line = text.substr(at, end - at);
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t tab = line.find('\t');
        if (const std::optional<Day> day = parse_iso_day(line.substr(0, tab)))
            days[tab == std::string::npos ? "" : line.substr(tab + 1)] = *day;
    }
    return days;
}

}  // namespace

std::optional<Day> day_after_last_sync(const Folder& store, const std::string& source, const std::vector<std::string>& keys) {
    const std::map<std::string, Day> days = read_sync_record(store, source);
    std::optional<Day> earliest;
    for (const std::string& key : keys.empty() ? std::vector<std::string>{""} : keys) {
        const auto found = days.find(key);
        if (found == days.end()) return std::nullopt;  // one never synced: read as far back as the first time
        earliest = earliest ? std::min(*earliest, found->second) : found->second;
    }
    return *earliest + date::days{1};
}

void record_sync(const Folder& store, const std::string& source, Day through, const std::vector<std::string>& keys) {
    std::map<std::string, Day> days = read_sync_record(store, source);
    for (const std::string& key : keys.empty() ? std::vector<std::string>{""} : keys) days[key] = through;
    std::string text;
    for (const auto& [key, day] : days) text += format_day(day) + (key.empty() ? "" : "\t" + key) + "\n";
    store.write_state(record_path(source), text);
}

std::string vdir_base_path(const std::string& dir) {
    std::error_code ec;
    const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(dir), ec);
    return layout::in_state(fmt::format("sync-vdir-{:016x}.json", hash_bytes(ec ? dir : absolute.string())));
}

}  // namespace kith
