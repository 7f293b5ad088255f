#include "kith/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace kith {
namespace {

std::string map_with(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &out,
                                            static_cast<utf8proc_option_t>(options));
    if (n < 0) return std::string(text);  // invalid UTF-8 was refused on reading; keep as is
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

// Latin letters that have no decomposition but a customary ASCII spelling.
const char* ascii_spelling(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x00F8: return "o";   // ø
        case 0x0142: return "l";   // ł
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // dotless i
        case 0x0127: return "h";   // ħ
        default: return nullptr;
    }
}

}  // namespace

std::optional<size_t> find_invalid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) return i;
        i += static_cast<size_t>(n);
    }
    return std::nullopt;
}

std::string fold(std::string_view text) {
    return map_with(text, UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

std::string fold_to_ascii(std::string_view text) {
    const std::string folded = fold(text);
    std::string out;
    size_t i = 0;
    while (i < folded.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                        static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
        if (n <= 0) break;
        if (const char* plain = ascii_spelling(cp)) {
            out += plain;
        } else {
            out.append(folded, i, static_cast<size_t>(n));
        }
        i += static_cast<size_t>(n);
    }
    return out;
}

int display_width(std::string_view text) {
    int width = 0;
    size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) {
            ++width;
            ++i;
            continue;
        }
        width += utf8proc_charwidth(cp);
        i += static_cast<size_t>(n);
    }
    return width;
}

bool has_wide_characters(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) return false;
        if (utf8proc_charwidth(cp) == 2) return true;
        i += static_cast<size_t>(n);
    }
    return false;
}

std::string fit_width(std::string_view text, int width) {
    if (display_width(text) <= width) return std::string(text);
    if (width <= 0) return {};
    std::string out;
    int used = 0;
    size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) break;
        const int w = utf8proc_charwidth(cp);
        if (used + w > width - 1) break;  // keep one column for the ellipsis
        out.append(text.substr(i, static_cast<size_t>(n)));
        used += w;
        i += static_cast<size_t>(n);
    }
    return out + "\u2026";
}

std::string pad_right(std::string_view text, int width) {
    std::string out(text);
    for (int w = display_width(text); w < width; ++w) out += ' ';
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    return fold(haystack).find(fold(needle)) != std::string::npos;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace kith
