#pragma once
// Steps through UTF-8 text one character at a time: the one decoding loop of the library.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kith {

// One character of UTF-8 text: its code point and its length in bytes, or, where the bytes
// are not valid UTF-8, code point -1 and length 1 (the invalid byte alone).
struct Utf8Char {
    int32_t code_point = -1;
    size_t size = 1;
    // Returns whether the bytes were valid UTF-8.
    bool valid() const { return code_point >= 0; }
};

// Reads the character that starts at byte `at` of `text` (at < text.size()).
Utf8Char utf8_char_at(std::string_view text, size_t at);

// Calls `visit(character, offset)` for each character of `text`, in order, invalid bytes included.
template <class Visit>
void for_each_utf8_char(std::string_view text, Visit visit) {
    for (size_t at = 0; at < text.size();) {
        const Utf8Char c = utf8_char_at(text, at);
        visit(c, at);
        at += c.size;
    }
}

}  // namespace kith
