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

// Returns the Levenshtein distance between two strings, byte-wise.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kith
