#pragma once
// The editor's Lines: a YAML file's text as lines with their own endings, which of them are the
// text of a value begun above (a block scalar's, a quoted value's that runs on), the edits of
// whole lines, and where a key, its value and a list's items are. Internal to the editor
// (editor*.cpp, undo.cpp) and the merge.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/edit/editor_text.hpp"
#include "kith/yaml/yaml_value.hpp"

namespace kith::editing {

// The file as lines, each keeping its own line ending, so that joining restores it exactly.
struct Lines {
    std::vector<std::string> lines;
    // True for a line that is the text of a value begun on a line above, blank or not: a block
    // scalar's (| or >), or a quoted value's that runs on ("a<newline>  # not a comment").
    std::vector<bool> scalar;
    std::string eol = "\n";    // the first line's ending, for a file that has no other

    std::string path;          // the file's, for the place of an Error

    // Lexes `text` (yaml_lines.hpp). `root`, when given, is what the reader read of `text`; else
    // the text is read when the lines a quoted value runs on to must be found.
    explicit Lines(std::string_view text, std::string file_path = {}, const YamlValue* root = nullptr);

    // True for a blank or comment line that is not the text of a value.
    bool skippable(size_t i) const { return !scalar[i] && is_blank_or_comment(lines[i]); }
    // Inserts lines (given without endings) before line `at`, each ending as its neighbours do.
    // A last line without a newline gets one first; when it ends a block scalar (| or >), the
    // scalar's header then strips that line break ("|" becomes "|-"), so that its text reads the
    // same. Lines that would still change such a scalar are refused with an invalid-file Error.
    void insert(size_t at, const std::vector<std::string>& added);
    // Removes lines [from, to).
    void erase(size_t from, size_t to);
    // Removes lines [from, to) that hold a value, and the blank lines after them when the text
    // of a block scalar that keeps its final line breaks (|+) ends just above: they would become
    // that text.
    void erase_value(size_t from, size_t to);
    std::string join() const;
};

// The lines [key, end) that hold a top-level key and its value. Comment and blank lines at the
// end belong to whatever follows, unless they are a block scalar's text.
struct Block {
    size_t key = 0;
    size_t end = 0;
};
Block block_at(const Lines& file, size_t key_line);
// The line of a top-level key, or nullopt.
std::optional<size_t> find_key(const Lines& file, std::string_view key);
// The first line of each item of the block sequence in [from, to), at one indentation.
std::vector<size_t> item_starts(const Lines& file, size_t from, size_t to);
// The last line of [from, to) that is not skippable, plus one; `from` when there is none.
size_t content_end(const Lines& file, size_t from, size_t to);
// One past the comment lines from line `end` on that are indented past `column`, up to the first
// blank or other line: a comment indented under a value goes with it when the value is removed.
size_t comments_under(const Lines& file, size_t end, size_t column);

}  // namespace kith::editing
