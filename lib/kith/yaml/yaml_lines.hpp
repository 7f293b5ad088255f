#pragma once
// A YAML file's text lexed once into lines: where each starts, its content and ending, its
// indentation, the key it starts with and that key's value, and whether it is the text of a
// value begun above (a block scalar's, or a quoted value's that runs on, found from the reader's
// marks). The guard reads a file's lines through it, and the editor builds its Lines on it.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "kith/yaml/yaml_line_syntax.hpp"
#include "kith/yaml/yaml_value.hpp"

namespace kith::yaml_lines {

// One line of a text.
struct YamlLine {
    size_t start = 0;   // its offset in the text
    size_t size = 0;    // its content's bytes, without the line ending
    size_t ending = 0;  // the bytes of its ending after the content: 0, 1 ("\n") or 2 ("\r\n")
    size_t indent = 0;  // the spaces it starts with
    std::optional<KeySpan> key;  // the key it starts with (only a line at column 0 has one)
    InlineValue value;           // for a key line, the value after the key's colon
    // True for a line that is the text of a value begun on a line above, blank or not (set by
    // mark_values): a block scalar's (| or >), or a quoted value's that runs on.
    bool in_value = false;

    // Returns the line's bytes in `text` without its ending, and with it.
    std::string_view content_in(std::string_view text) const { return text.substr(start, size); }
    std::string_view whole_in(std::string_view text) const { return text.substr(start, size + ending); }
};

// Lexes `text` into its lines (a last line without an ending is one; an empty text has none).
std::vector<YamlLine> lex_lines(std::string_view text);

// Marks the lines of `lines` (lexed from `text`) that are the text of a value begun above:
// those a quoted scalar of `root` (the reader's view of `text`, or nullptr when there is none)
// runs on to, then the text of every block scalar outside them.
void mark_values(std::vector<YamlLine>& lines, std::string_view text, const YamlValue* root);

// Returns the byte offset in `text` of a 1-based line and column the reader reports, or npos
// when it lies outside the text.
size_t offset_of(const std::vector<YamlLine>& lines, int line, int column);

// Returns the index of the line holding byte `offset` of the text.
size_t line_at(const std::vector<YamlLine>& lines, size_t offset);

}  // namespace kith::yaml_lines
