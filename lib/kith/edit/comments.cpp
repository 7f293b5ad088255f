#include "kith/edit/comments.hpp"

#include "kith/edit/editor_lines.hpp"

namespace kith {
namespace {

// Where a comment starts on a line that is not a value's text, or npos: a '#' at the start of
// the line's content or after a blank, outside a quoted value. A quote opens a value only where
// a value can start (after the indentation, "- ", ": ", '[', '{' or ','), as "it's" shows.
size_t comment_at(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const char before = i == 0 ? ' ' : line[i - 1];
        const bool starts_value = before == ' ' || before == '\t' || before == '[' || before == '{' || before == ',';
        if ((c == '"' || c == '\'') && starts_value) {
            const size_t close = editing::skip_quoted(line, i);
            if (close == std::string_view::npos || close > line.size()) return std::string_view::npos;  // runs on
            i = close - 1;
            continue;
        }
        if (c == '#' && (before == ' ' || before == '\t' || i == 0)) return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::vector<Comment> find_comments(std::string_view text, const std::string& path) {
    const editing::Lines file(text, path);
    std::vector<Comment> out;
    for (size_t i = 0; i < file.lines.size(); ++i) {
        if (file.scalar[i]) continue;
        const std::string_view line = editing::content(file.lines[i]);
        if (const size_t at = comment_at(line); at != std::string_view::npos)
            out.push_back(Comment{static_cast<int>(i) + 1, std::string(line.substr(at))});
    }
    return out;
}

}  // namespace kith
