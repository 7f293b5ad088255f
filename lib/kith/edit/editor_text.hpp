#pragma once
// The editor's view of a line of YAML: the syntax of a line (yaml_line_syntax.hpp, brought into
// this namespace), the text a key or a quoted value reads as, and the editor's refusal. Internal
// to the editor (editor*.cpp, undo.cpp) and the merge.
#include <optional>
#include <string>
#include <string_view>

#include "kith/yaml/yaml_line_syntax.hpp"

namespace kith::editing {

using namespace kith::yaml_lines;

// Returns the text a quoted scalar ("caf\u00e9", 'it''s') reads as, its quotes included in `quoted`.
std::string quoted_text(std::string_view quoted);

// A key at the start of a text ("key:", "'key' :"): the key as the reader reads it, and the
// offset after the ':'.
struct KeyLine {
    std::string key;
    size_t after_colon = 0;
};
// Returns the key that `text` starts with (yaml_lines::key_span), read as the reader reads it,
// or nullopt (also for comments, items and markers).
std::optional<KeyLine> key_at(std::string_view text);

// Throws an invalid-file Error at a 0-based line and column.
[[noreturn]] void refuse(const std::string& message, const std::string& path, size_t line, size_t column);

}  // namespace kith::editing
