#pragma once
// The index in .kith/index: per person only what the whole-network commands read (everything
// but the notes and the log, of which it keeps the latest entry that counts as contact), keyed
// by what stat says of each file. It is derived data, never the source of truth: a missing,
// stale, foreign or corrupt index is ignored and rebuilt, and deleting it is always safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kith/hash.hpp"
#include "kith/model.hpp"

namespace kith {

// The version of the index's layout and of what it keeps of a contact. The index's key also
// holds field_table_signature(), so a change to the table of fields invalidates it too.
inline constexpr std::uint64_t index_version = 5;

// What identifies one version of a file without reading it.
struct FileStamp {
    std::uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0, device = 0;
    bool operator==(const FileStamp&) const = default;
};

// One indexed file: its stamp, its summary, and the date of its newest log entry (a summary
// stands for the file on any day from then on).
struct IndexEntry {
    FileStamp stamp;
    Contact summary;
    std::optional<Day> newest_entry;
};

// Summaries by path, valid for one parsed kith.yaml (settings_key).
struct NetworkIndex {
    std::uint64_t settings_key = 0;
    std::unordered_map<std::string, IndexEntry> entries;
};

// Returns what the index keeps of a contact: all but its notes, and of its log the latest
// entry that counts as contact (the one staleness and `due` show on any later day).
IndexEntry summarize(const Contact& contact, const FileStamp& stamp);

// Returns a key of the parsed settings with index_version: equal settings give equal keys,
// however kith.yaml is written (comments, order of keys, quoting).
std::uint64_t settings_key(const Config& config);

// Serializes the index to bytes, with a checksum.
std::string encode_index(const NetworkIndex& index);

// Reads bytes written by encode_index; nullopt for anything else (another version,
// truncation, corruption). Never trusts a length it has not checked.
std::optional<NetworkIndex> decode_index(std::string_view bytes);

}  // namespace kith
