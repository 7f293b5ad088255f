#include "kith/base/xml.hpp"

#include "kith/base/utf8.hpp"

namespace kith {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            if (c == '&') out += "&amp;";
            else if (c == '<') out += "&lt;";
            else if (c == '>') out += "&gt;";
            else if (c == '"') out += "&quot;";
            else if (c == '\'') out += "&#39;";
            else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) out += kReplacement;
            else out += static_cast<char>(c);
            continue;
        }
        const Utf8Char character = utf8_char_at(text, i);
        const int32_t cp = character.code_point;
        if (!character.valid() || cp <= 0x9F || cp == 0xFFFE || cp == 0xFFFF) out += kReplacement;
        else out.append(text.substr(i, character.size));
        i += character.size;
    }
    return out;
}

}  // namespace kith
