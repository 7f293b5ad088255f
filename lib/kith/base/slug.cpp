#include "kith/base/slug.hpp"

#include <utf8proc.h>

#include "kith/base/text.hpp"
#include "kith/base/utf8.hpp"

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

// Cuts at a character boundary so that the slug fits in `limit` bytes, then drops a trailing '-'.
std::string cut_to_limit(std::string slug, size_t limit = max_slug_bytes) {
    if (slug.size() > limit) {
        size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(slug[end]) & 0xC0) == 0x80) --end;
        slug.resize(end);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

}  // namespace

std::string numbered_slug(std::string_view base, int n) {
    const std::string suffix = "-" + std::to_string(n);
    return cut_to_limit(std::string(base), max_slug_bytes - suffix.size()) + suffix;
}

std::string make_slug(std::string_view name) {
    const std::string folded = fold_to_ascii(name);
    std::string slug;
    bool pending_dash = false;
    for (size_t at = 0; at < folded.size();) {
        const Utf8Char c = utf8_char_at(folded, at);
        if (!c.valid()) break;
        if (is_letter_or_digit(c.code_point)) {
            if (pending_dash && !slug.empty()) slug += '-';
            pending_dash = false;
            slug.append(folded, at, c.size);
        } else {
            pending_dash = true;
        }
        at += c.size;
    }
    return cut_to_limit(slug);
}

std::string slug_problem(std::string_view slug) {
    if (slug.empty()) return "a slug cannot be empty";
    if (slug.size() > max_slug_bytes) return "a slug is at most 80 bytes";
    if (slug.front() == '.') return "a slug cannot start with '.'";
    if (slug.front() == '-') return "a slug cannot start with '-'";
    if (find_invalid_utf8(slug)) return "a slug must be valid UTF-8";
    // A slug is a file name and a shell word: nothing in it may be read by a shell or a glob.
    static constexpr std::string_view shell_characters = "$`'\"*?[]{}\\!;&|<>()#~";
    for (size_t at = 0; at < slug.size();) {
        const Utf8Char c = utf8_char_at(slug, at);  // valid: checked above
        const utf8proc_int32_t cp = c.code_point;
        at += c.size;
        if (cp == '/') return "a slug cannot contain '/'";
        if (cp < 0x80 && shell_characters.find(static_cast<char>(cp)) != std::string_view::npos)
            return std::string("a slug cannot contain '") + static_cast<char>(cp) +
                   "' (nor any of $ ` ' \" * ? [ ] { } \\ ! ; & | < > ( ) # ~), since a shell or a glob would read it";
        const auto category = utf8proc_category(cp);
        if (category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP ||
            category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF)
            return "a slug cannot contain blanks or control characters";
    }
    return "";
}

}  // namespace kith
