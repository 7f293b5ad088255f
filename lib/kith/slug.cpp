#include "kith/slug.hpp"

#include <utf8proc.h>

#include "kith/text.hpp"

namespace kith {
namespace {

bool is_letter_or_digit(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

// Cuts at a character boundary so that the slug fits, then drops a trailing '-'.
std::string cut_to_limit(std::string slug) {
    if (slug.size() > max_slug_bytes) {
        size_t end = max_slug_bytes;
        while (end > 0 && (static_cast<unsigned char>(slug[end]) & 0xC0) == 0x80) --end;
        slug.resize(end);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

}  // namespace

std::string make_slug(std::string_view name) {
    const std::string folded = fold_to_ascii(name);
    std::string slug;
    bool pending_dash = false;
    size_t i = 0;
    while (i < folded.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                                        static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
        if (n <= 0) break;
        if (is_letter_or_digit(cp)) {
            if (pending_dash && !slug.empty()) slug += '-';
            pending_dash = false;
            slug.append(folded, i, static_cast<size_t>(n));
        } else {
            pending_dash = true;
        }
        i += static_cast<size_t>(n);
    }
    return cut_to_limit(slug);
}

std::string slug_problem(std::string_view slug) {
    if (slug.empty()) return "a slug cannot be empty";
    if (slug.size() > max_slug_bytes) return "a slug is at most 80 bytes";
    if (slug.front() == '.') return "a slug cannot start with '.'";
    if (slug.front() == '-') return "a slug cannot start with '-'";
    if (find_invalid_utf8(slug)) return "a slug must be valid UTF-8";
    for (char c : slug) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\') return "a slug cannot contain '/' or '\\'";
        if (byte < 0x20 || byte == 0x7F || c == ' ') return "a slug cannot contain spaces or control characters";
    }
    return "";
}

}  // namespace kith
