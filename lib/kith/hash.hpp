#pragma once
// A stable, dependency-free 64-bit hash (FNV-1a) for cache keys and calendar UIDs.
#include <cstdint>
#include <string_view>

namespace kith {

// Returns the FNV-1a hash of bytes: the same on every run and every machine.
inline std::uint64_t hash_bytes(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace kith
