#pragma once
// The parse cache in .kith/: contacts as read, keyed by what stat says of their file.
// It is derived data, never the source of truth: a missing, stale, foreign or corrupt cache
// is ignored and rebuilt, and deleting it is always safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kith/hash.hpp"
#include "kith/model.hpp"

namespace kith {

// What identifies one version of a file without reading it.
struct FileStamp {
    std::uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0, device = 0;
    bool operator==(const FileStamp&) const = default;
};

// A cached contact with the stamp of the file it was read from.
struct CachedContact {
    FileStamp stamp;
    Contact contact;
};

// Cached contacts by path, valid for one version of kith.yaml.
struct ContactCache {
    std::uint64_t config_hash = 0;
    std::unordered_map<std::string, CachedContact> entries;
};

// Serializes the cache to bytes.
std::string encode_cache(const ContactCache& cache);

// Reads bytes written by encode_cache; nullopt for anything else (another version,
// truncation, corruption). Never trusts a length it has not checked.
std::optional<ContactCache> decode_cache(std::string_view bytes);

}  // namespace kith
