#include "kith/yaml/yaml_lines.hpp"

#include <algorithm>

namespace kith::yaml_lines {
namespace {

// Marks the lines a quoted scalar in `value` (or in its children) runs on to.
void mark_quoted_runs(std::vector<YamlLine>& lines, std::string_view text, const YamlValue& value) {
    for (const auto& item : value.items) mark_quoted_runs(lines, text, item);
    for (const auto& entry : value.entries) mark_quoted_runs(lines, text, entry.value);
    if (value.kind != YamlValue::Kind::scalar || value.plain) return;
    const size_t open = offset_of(lines, value.line, value.column);
    if (open >= text.size() || (text[open] != '"' && text[open] != '\'')) return;  // a block scalar
    const size_t close = skip_quoted(text, open);
    const size_t last = close == std::string_view::npos ? lines.size() - 1 : line_at(lines, close - 1);
    for (size_t k = static_cast<size_t>(value.line); k <= last; ++k) lines[k].in_value = true;
}

// The column a block scalar's text is indented past when its header stands alone on line `at`:
// the indentation of the nearest line above that is indented less.
size_t parent_indent(const std::vector<YamlLine>& lines, std::string_view text, size_t at) {
    for (size_t k = at; k-- > 0;) {
        if (lines[k].in_value || is_blank_or_comment(lines[k].content_in(text)) || lines[k].indent >= lines[at].indent)
            continue;
        return lines[k].indent;
    }
    return 0;
}

// Marks the text of the block scalar whose header is line `at`; returns its last line.
size_t mark_block_text(std::vector<YamlLine>& lines, std::string_view text, size_t at, BlockHeader header) {
    if (header.parent == std::string_view::npos) header.parent = parent_indent(lines, text, at);
    size_t indent = header.explicit_indent ? header.parent + header.explicit_indent : 0;
    size_t last = at;  // the last line of text, blank or not
    size_t j = at + 1;
    for (; j < lines.size(); ++j) {
        if (is_blank(lines[j].content_in(text))) {
            // Spaces past the text's indentation are text ("  " under a 1-space text is " ").
            if (indent != 0 && lines[j].size > indent) last = j;
            continue;
        }
        const size_t here = lines[j].indent;
        if (indent == 0) indent = here > header.parent ? here : lines[j].size + lines[j].ending + 1;
        if (here < indent) break;
        last = j;
    }
    // Blank lines after the text are part of it only when kept ('+').
    if (header.chomp == '+') last = j - 1;
    for (size_t k = at + 1; k <= last; ++k) lines[k].in_value = true;
    return last;
}

}  // namespace

std::vector<YamlLine> lex_lines(std::string_view text) {
    std::vector<YamlLine> lines;
    for (size_t start = 0; start < text.size();) {
        const size_t newline = text.find('\n', start);
        const size_t stop = newline == std::string_view::npos ? text.size() : newline + 1;
        YamlLine line;
        line.start = start;
        const std::string_view body = content(text.substr(start, stop - start));
        line.size = body.size();
        line.ending = stop - start - body.size();
        line.indent = indent_of(body);
        if (line.indent == 0 && (line.key = key_span(body))) line.value = inline_value(body, line.key->after_colon);
        lines.push_back(line);
        start = stop;
    }
    return lines;
}

void mark_values(std::vector<YamlLine>& lines, std::string_view text, const YamlValue* root) {
    if (root) mark_quoted_runs(lines, text, *root);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].in_value) continue;
        if (const auto header = block_header(lines[i].content_in(text))) i = mark_block_text(lines, text, i, *header);
    }
}

size_t offset_of(const std::vector<YamlLine>& lines, int line, int column) {
    if (line < 1 || column < 1 || static_cast<size_t>(line) > lines.size()) return std::string_view::npos;
    return lines[static_cast<size_t>(line - 1)].start + static_cast<size_t>(column - 1);
}

size_t line_at(const std::vector<YamlLine>& lines, size_t offset) {
    const auto after = std::upper_bound(lines.begin(), lines.end(), offset,
                                        [](size_t at, const YamlLine& line) { return at < line.start; });
    return static_cast<size_t>(after - lines.begin()) - 1;
}

}  // namespace kith::yaml_lines
