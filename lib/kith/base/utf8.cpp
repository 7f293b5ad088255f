#include "kith/base/utf8.hpp"

#include <utf8proc.h>

namespace kith {

Utf8Char utf8_char_at(std::string_view text, size_t at) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                    static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    if (n <= 0) return {};
    return {cp, static_cast<size_t>(n)};
}

}  // namespace kith
