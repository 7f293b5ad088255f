#pragma once
// A stable, dependency-free 64-bit hash (FNV-1a) for cache keys and calendar UIDs.
#include <cstdint>
#include <cstring>
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

// Returns a checksum of bytes, eight at a time: each step is a bijection of the state for a
// given word, so changing any one word (any flipped bit) changes the result. For detecting
// corruption of derived data (the index), where FNV-1a's byte at a time is too slow.
inline std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t state = 0x9E3779B97F4A7C15ULL ^ bytes.size();
    const auto mix = [&](std::uint64_t word) {
        state = (state ^ word) * 0xBF58476D1CE4E5B9ULL;
        state = (state << 31) | (state >> 33);
    };
    size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, 8);
        mix(word);
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    mix(tail);
    return state * 0x94D049BB133111EBULL;
}

}  // namespace kith
