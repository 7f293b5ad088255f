#pragma once
// Where a YAML file's text holds comments: what an edit that carries values, not lines, would drop.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// One comment: its line (1-based) and its text from the '#'.
struct Comment {
    int line = 0;
    std::string text;
};

// Returns every comment of a YAML file's text, in order: comment lines, and comments after a
// value ("org: Acme  # since 2020"); a '#' inside a quoted value or in a block scalar's text is none.
std::vector<Comment> find_comments(std::string_view text, const std::string& path);

}  // namespace kith
