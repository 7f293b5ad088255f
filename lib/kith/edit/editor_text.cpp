#include "kith/edit/editor_text.hpp"

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::editing {

std::string quoted_text(std::string_view quoted) {
    const std::string_view inside = quoted.substr(1, quoted.size() - 2);
    if (quoted.front() == '\'') {  // '' is the one escape of single quotes
        std::string text;
        for (size_t i = 0; i < inside.size(); ++i) {
            text += inside[i];
            if (inside[i] == '\'' && i + 1 < inside.size() && inside[i + 1] == '\'') ++i;
        }
        return text;
    }
    if (inside.find('\\') == std::string_view::npos) return std::string(inside);
    try {
        return read_yaml("v: " + std::string(quoted), "").entries.at(0).value.text;  // the reader's escapes
    } catch (const std::exception&) {
        return std::string(inside);
    }
}

std::optional<KeyLine> key_at(std::string_view line) {
    const auto span = key_span(line);
    if (!span) return std::nullopt;
    const std::string_view key = content(line).substr(0, span->end);
    return KeyLine{span->quoted ? quoted_text(key) : std::string(key), span->after_colon};
}

void refuse(const std::string& message, const std::string& path, size_t line, size_t column) {
    throw Error(ErrorKind::invalid, message, Location{path, static_cast<int>(line) + 1, static_cast<int>(column) + 1});
}

}  // namespace kith::editing
