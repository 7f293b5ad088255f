#pragma once
// The file .kith/index (whose layout is index.hpp's) read and written: its name table read
// with pread, a stretch of summaries at a time; an update in place or anew. Never flushed to
// disk, never a reason for a command to fail. The Index (store_index) decides when.
#include <cstdint>
#include <optional>
#include <vector>

#include "kith/store/folder.hpp"
#include "kith/store/index.hpp"

namespace kith {

// The largest name table of an index kith reads: ~1 KB per contact, for a million contacts.
inline constexpr size_t max_index_bytes = size_t{1} << 30;

// Reads the index of a network folder: nullopt when it is missing, foreign, corrupt or for
// other settings (a key given).
std::optional<IndexFile> read_index(const Folder& network, std::optional<std::uint64_t> key);

// Brings the index up to date: the records kept from `old` (their summaries where they
// are) and the fresh summaries; in place when it can, else written anew. Never throws.
void update_index(const Folder& network, const IndexFile* old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                  const std::vector<const NewSummary*>& fresh);

}  // namespace kith
