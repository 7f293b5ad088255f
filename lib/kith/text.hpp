#pragma once
// Unicode helpers on UTF-8 strings, through utf8proc: validation, folding, display width.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

// Folds text for matching: case folded, accents removed, compatibility forms unified.
std::string fold(std::string_view text);

// Folds text and turns Latin letters into ASCII where a plain spelling exists (ø → o, ß → ss).
std::string fold_to_ascii(std::string_view text);

// Returns the number of terminal columns the text takes (CJK counts 2, marks 0).
int display_width(std::string_view text);

// Returns true when some character of the text takes two columns (CJK and the like).
bool has_wide_characters(std::string_view text);

// Cuts text to at most `width` columns, ending with "…" when something was cut.
std::string fit_width(std::string_view text, int width);

// Pads text with spaces on the right to `width` columns.
std::string pad_right(std::string_view text, int width);

// Returns true when the folded `needle` occurs in the folded `haystack`.
bool contains_folded(std::string_view haystack, std::string_view needle);

// Returns text safe to show on a terminal: control characters (C0, DEL, C1), bidi
// overrides and isolates (U+202A-U+202E, U+2066-U+2069) and invalid bytes become visible
// escapes such as \e, \r, \x07, \u009b or \u202e. With `keep_lines`, line feeds and tabs
// stay as they are (for multi-line notes and messages); otherwise they become \n and \t.
std::string visible(std::string_view text, bool keep_lines = false);

// Returns text fit for one tsv cell: tabs and line breaks become spaces, every other
// character that visible() escapes becomes U+FFFD, so that the columns hold.
std::string tsv_cell(std::string_view text);

// Rewrites, in text dumped as JSON, the characters that JSON allows raw but a terminal
// obeys (DEL, C1 controls, bidi overrides and isolates) as \uXXXX escapes.
std::string escape_json_controls(std::string_view json);

// Returns the Levenshtein distance between two strings, byte-wise.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kith
