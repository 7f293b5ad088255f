#pragma once
// The base of `kith sync vdir`: per UID, what the vdir and the network agreed on after the last
// sync, and its file in .kith/.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kith/sync/sync_vdir_view.hpp"

namespace kith {

// What the base keeps of one UID: its file in the vdir, whether that card was deleted there
// (and so is never written again), and the fields both sides agreed on.
struct SyncBaseEntry {
    std::string file;
    bool gone = false;
    SyncView fields;
};

// The base of one vdir, by UID.
using SyncBase = std::map<std::string, SyncBaseEntry>;

// Returns the base as the bytes of its file (JSON, keys sorted: the same base, the same bytes).
std::string write_sync_base(const SyncBase& base);
// Reads a base file; throws an invalid Error naming `path` when it does not read.
SyncBase read_sync_base(std::string_view bytes, const std::string& path);

}  // namespace kith
