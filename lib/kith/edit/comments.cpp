#include "kith/edit/comments.hpp"

#include "kith/edit/editor_lines.hpp"

namespace kith {

std::vector<Comment> find_comments(std::string_view text, const std::string& path) {
    const editing::Lines file(text, path);
    std::vector<Comment> out;
    for (size_t i = 0; i < file.lines.size(); ++i) {
        if (file.scalar[i]) continue;
        const std::string_view line = editing::content(file.lines[i]);
        if (const size_t at = yaml_lines::comment_at(line); at != std::string_view::npos)
            out.push_back(Comment{static_cast<int>(i) + 1, std::string(line.substr(at))});
    }
    return out;
}

}  // namespace kith
