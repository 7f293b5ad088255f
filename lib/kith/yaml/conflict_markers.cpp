#include "kith/yaml/conflict_markers.hpp"

#include <vector>

#include "kith/base/text.hpp"

namespace kith {
namespace {

using Lines = std::vector<std::string_view>;

bool marker_at(std::string_view line, char c) {
    if (line.size() < 7 || line.substr(0, 7) != std::string(7, c)) return false;
    return line.size() == 7 || line[7] == ' ' || line[7] == '\n' || line[7] == '\r';
}

}  // namespace

int conflict_marker_line(std::string_view text) {
    const Lines lines = split_lines(text);
    for (size_t i = 0; i < lines.size(); ++i)
        if (marker_at(lines[i], '<') || marker_at(lines[i], '=') || marker_at(lines[i], '>') || marker_at(lines[i], '|'))
            return static_cast<int>(i) + 1;
    return 0;
}

std::string pick_conflict_side(std::string_view text, bool ours) {
    enum class Part { both, mine, base, other } part = Part::both;
    std::string out;
    for (const auto line : split_lines(text)) {
        if (marker_at(line, '<')) part = Part::mine;
        else if (marker_at(line, '|') && part == Part::mine) part = Part::base;
        else if (marker_at(line, '=') && part != Part::both) part = Part::other;
        else if (marker_at(line, '>') && part != Part::both) part = Part::both;
        else if (part == Part::both || (ours && part == Part::mine) || (!ours && part == Part::other)) out += line;
    }
    return out;
}

}  // namespace kith
