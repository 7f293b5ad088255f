#pragma once
// The editor's view of a line of YAML: its content, ending and indentation, the key it starts
// with and the value after it, quoted text; the few syntax facts the edits need. Internal to the
// editor (editor*.cpp, undo.cpp) and the merge.
#include <optional>
#include <string>
#include <string_view>

namespace kith::editing {

// A line without its line ending.
std::string_view content(std::string_view line);
// The line's own ending: "\r\n", "\n" or "" (a last line without one).
std::string line_ending(std::string_view line);
// The number of spaces the line starts with.
size_t indent_of(std::string_view line);
// True for a line of blanks only.
bool is_blank(std::string_view line);
// True for a line with nothing on it but blanks, or a comment however it is indented.
bool is_blank_or_comment(std::string_view line);
// True for "- ...", "-" and "-\t..." after the indentation.
bool is_item_line(std::string_view line);
// Where the quoted text starting at `open` ends (one past the quote), or npos.
size_t skip_quoted(std::string_view text, size_t open);
// True for a value YAML reads as null or an empty list: "", ~, null, Null, NULL, [], [ ].
bool is_empty_value(std::string_view value);

// The text a quoted scalar ("caf\u00e9", 'it''s') reads as, its quotes included in `quoted`.
std::string quoted_text(std::string_view quoted);

// A key at the start of a text ("key:", "'key' :"): the key as the reader reads it, and the
// offset after the ':'.
struct KeyLine {
    std::string key;
    size_t after_colon = 0;
};
// The key that `text` starts with, or nullopt (also for comments, items and markers).
std::optional<KeyLine> key_at(std::string_view text);

// An inline value: [start, end) on its line, without the blanks and comment after it.
struct InlineValue {
    size_t start = 0;
    size_t end = 0;
};
// The value written on a line after a key's colon.
InlineValue inline_value(std::string_view line, size_t after_colon);

// Throws an invalid-file Error at a 0-based line and column.
[[noreturn]] void refuse(const std::string& message, const std::string& path, size_t line, size_t column);

}  // namespace kith::editing
