#pragma once
// Unicode helpers on UTF-8 strings, through utf8proc: validation, folding, display width.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Returns how many bytes of the start of text fit in `width` columns (a combining mark stays
// with its letter; an invalid byte counts one column, as display_width counts it).
size_t bytes_within(std::string_view text, int width);

// Cuts text to at most `width` columns, ending with "…" when something was cut.
std::string fit_width(std::string_view text, int width);

// Pads text with spaces on the right to `width` columns.
std::string pad_right(std::string_view text, int width);

// Returns true when the folded `needle` occurs in the folded `haystack`.
bool contains_folded(std::string_view haystack, std::string_view needle);

// Returns text safe to show on a terminal: control characters (C0, DEL, C1), the line and
// paragraph separators (U+2028, U+2029), bidi overrides and isolates (U+202A-U+202E,
// U+2066-U+2069) and invalid bytes become visible escapes such as \e, \r, \x07, \u009b or
// \u202e. With `keep_lines`, line feeds and tabs stay as they are (for multi-line notes and
// messages); otherwise they become \n and \t.
std::string visible(std::string_view text, bool keep_lines = false);

// Returns text fit for one tsv cell: tabs and line breaks (U+2028 and U+2029 included) become
// spaces, every other character that visible() escapes becomes U+FFFD, so that the columns hold.
std::string tsv_cell(std::string_view text);

// Rewrites, in text dumped as JSON, the characters that JSON allows raw but a terminal
// obeys or a reader takes for a line break (DEL, C1 controls, U+2028, U+2029, bidi overrides
// and isolates) as \uXXXX escapes.
std::string escape_json_controls(std::string_view json);

// Returns the Damerau-Levenshtein distance (optimal string alignment) between two strings,
// counted in code points: an insertion, a deletion, a substitution or a swap of two
// neighbours each cost 1.
size_t edit_distance(std::string_view a, std::string_view b);

// One spelling a suggestion may come from; several forms may share an id (a person's slug,
// name and akas), and the id is what is suggested.
struct SpellingForm {
    std::string text;
    size_t id = 0;
};

// Returns the ids of the forms spelled closest to `word`, best first, at most `most` of them:
// the one spelling-suggestion rule for names, commands, options and kinds. A form counts
// when its distance is at most a third of the word's length (at least 1) and less than the
// form's own length; ties go to the form that shares the longer start with the word, then
// to the earlier form. Compares as given: fold both sides first for names.
std::vector<size_t> suggest_spelling(std::string_view word, const std::vector<SpellingForm>& forms, size_t most = 1);

// The same for plain words: returns the closest of `words` to `word`, or "" when none is close.
std::string suggest_word(std::string_view word, const std::vector<std::string>& words);

// Returns "; did you mean 'A'?" ("'A', 'B'" for several), the one wording of a spelling
// suggestion, to end a message; "" when there is no suggestion.
std::string did_you_mean(const std::vector<std::string>& suggestions);
// The same for one suggestion, or none when it is "".
std::string did_you_mean(const std::string& suggestion);

// Splits text into its lines, each with its own line ending (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace kith
