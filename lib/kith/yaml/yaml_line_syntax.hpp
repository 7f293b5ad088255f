#pragma once
// The syntax of one line of YAML as kith reads it: its content and ending, indentation, items,
// quoted text, where a key ends and its value, a block scalar's header. The one definition of a
// key line (`key_span`): yaml_lines, the guard and the editor all read lines through these.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kith::yaml_lines {

// Returns a line without its line ending.
std::string_view content(std::string_view line);
// Returns the line's own ending: "\r\n", "\n" or "" (a last line without one).
std::string line_ending(std::string_view line);
// Returns the number of spaces the line starts with.
size_t indent_of(std::string_view line);
// Returns true for a line of blanks only.
bool is_blank(std::string_view line);
// Returns true for a line with nothing on it but blanks, or a comment however it is indented.
bool is_blank_or_comment(std::string_view line);
// Returns true for "- ...", "-" and "-\t..." after the indentation.
bool is_item_line(std::string_view line);
// Returns where the quoted text starting at `open` ends (one past the quote), or npos.
size_t skip_quoted(std::string_view text, size_t open);
// Returns true for a value YAML reads as null or an empty list: "", ~, null, Null, NULL, [], [ ].
bool is_empty_value(std::string_view value);

// A key at the start of a line ("key:", "'key' :", "log\t:"): its text [0, end) as written
// (quotes included, blanks before the ':' not) and the offset after the ':'.
struct KeySpan {
    size_t end = 0;
    size_t after_colon = 0;
    bool quoted = false;  // the key is a quoted scalar, whose text the reader decodes
};
// Returns the key a line starts with at its first column, or nullopt (also for an indented line,
// a comment, an item, a document marker, "dc #: x", and a quoted key that does not close).
std::optional<KeySpan> key_span(std::string_view line);

// Returns where a comment starts on a line (its content) that is not a value's text, or npos: a
// '#' at the start of the line or after a blank, outside a quoted value. A quote opens a value only
// where a value can start (after the indentation, "- ", ": ", '[', '{' or ','), as "it's" shows;
// a quoted value that runs on past the line hides any '#' after it.
size_t comment_at(std::string_view line);

// An inline value: [start, end) on its line, without the blanks and comment after it.
struct InlineValue {
    size_t start = 0;
    size_t end = 0;
};
// Returns the value written on a line after a key's colon.
InlineValue inline_value(std::string_view line, size_t after_colon);

// A block scalar's header ("key: |", "- >-", "key: |2+  # note"): its chomping and the column its
// text must be indented past.
struct BlockHeader {
    char chomp = 0;  // '+' keep, '-' strip, 0 clip
    size_t parent = 0;  // npos for a header on a line of its own: the line it belongs to is above
    size_t explicit_indent = 0;
    size_t indicator = 0;      // where the '|' or '>' stands on the line
    size_t indicator_end = 0;  // one past its chomping and indentation indicators
};
// Returns the block scalar header a line ends with, or nullopt.
std::optional<BlockHeader> block_header(std::string_view line);

}  // namespace kith::yaml_lines
