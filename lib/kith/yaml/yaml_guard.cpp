#include "kith/yaml/yaml_guard.hpp"

#include <set>

#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/base/text.hpp"
#include "kith/yaml/yaml_lines.hpp"

namespace kith {
namespace {

using namespace yaml_lines;

// Returns the 1-based line and column of a byte offset.
std::pair<int, int> position_of(std::string_view bytes, size_t offset) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, static_cast<int>(offset - line_start) + 1};
}

// True for a line that reads as a mapping key or a sequence item, however it is indented.
bool looks_like_structure(std::string_view line) {
    const size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && (is_item_line(line) || key_span(line.substr(first)));
}

}  // namespace

void check_quoted_span(std::string_view bytes, size_t open, const std::string& path) {
    // The position is counted only when something is wrong: counting it for every quoted value
    // rescanned the file from its start each time, quadratic in the size of one file.
    const auto where = [&] { return position_of(bytes, open); };
    const size_t after = skip_quoted(bytes, open);
    if (after == std::string_view::npos) {
        const auto [line, column] = where();
        fail_at(path, line, column, "quoted value is never closed (a missing closing quote?)");
    }
    const size_t close = after - 1;
    // Only the value's own bytes are searched, and only a value that runs on looks back for its
    // line's indentation: each quoted item of a long flow list scanning its whole line was
    // quadratic in the line (100,000 items, 0.9 MB: 14 s for any command reading the file).
    size_t cursor = bytes.substr(0, close).find('\n', open);
    if (cursor == std::string_view::npos) return;  // on one line
    const size_t line_end = bytes.rfind('\n', open);
    const size_t base_indent = indent_of(bytes.substr(line_end == std::string_view::npos ? 0 : line_end + 1));
    int swallowed = 0;  // lines after the opening one
    while (cursor != std::string_view::npos && cursor < close) {
        ++swallowed;
        const size_t start = cursor + 1;
        const size_t end = std::min(bytes.find('\n', start), close);
        const std::string_view text = bytes.substr(start, end - start);
        const bool blank = text.find_first_not_of(" \t\r") == std::string_view::npos;
        if (!blank && indent_of(text) <= base_indent) {
            const auto [line, column] = where();
            const int swallowed_line = line + swallowed;
            if (looks_like_structure(text))
                fail_at(path, line, column,
                        "quoted value runs on to line " + std::to_string(swallowed_line) + " and swallows '" +
                            std::string(text.substr(indent_of(text))) + "' (a missing closing quote?)");
            // Unindented, a line of the value reads as a key or a comment to people and to kith's editor.
            fail_at(path, swallowed_line, 1,
                    "this line continues the quoted value of line " + std::to_string(line) + "; indent it");
        }
        cursor = bytes.find('\n', start);
    }
}

// yaml-cpp reads a bare word at column 0 as a key without a colon ("log" alone is log: null),
// or as the continuation of a quoted value above. kith's editor, like a reader, takes a line
// at column 0 for "key: value", so any other line there is refused with a hint.
void check_top_level_lines(std::string_view bytes, const YamlValue& root, const std::string& path) {
    if (root.kind != YamlValue::Kind::map) return;
    if (root.flow)
        fail_at(path, root.line, root.column, "write the file as 'key: value' lines, not as one {...} map");
    for (const auto& entry : root.entries)
        if (entry.key.column != 1)
            fail_at(path, entry.key.line, entry.key.column, "top-level keys start at the beginning of the line");
    std::set<int> key_lines;
    for (const auto& entry : root.entries)
        if (entry.key.column == 1) key_lines.insert(entry.key.line);
    int line = 0;
    for (const auto& lexed : lex_lines(bytes)) {
        ++line;
        const std::string_view text = lexed.content_in(bytes);
        // YAML indents with spaces; yaml-cpp takes some tabs there and not others.
        if (!text.empty() && (text[0] == '\t' || (text.find_first_not_of(" \t") == std::string_view::npos &&
                                                  text.find('\t') != std::string_view::npos)))
            fail_at(path, line, static_cast<int>(text.find('\t')) + 1, "a tab in the indentation; indent with spaces");
        if (text.empty() || text[0] == ' ' || text[0] == '#') continue;
        const bool marker = text == "---" || text == "..." || text.starts_with("--- ") || text.starts_with("... ");
        if (marker || is_item_line(text)) continue;
        if (key_lines.count(line) && lexed.key) continue;  // the reader's key, on a line kith reads as a key line
        fail_at(path, line, 1,
                "'" + std::string(text.substr(0, 40)) +
                    "' starts a line but is not a 'key: value' (a missing ':'? or indent it to continue the value above)");
    }
}


void check_text_bytes(std::string_view bytes, const std::string& path) {
    if (bytes.size() >= 2) {
        const auto b0 = static_cast<unsigned char>(bytes[0]);
        const auto b1 = static_cast<unsigned char>(bytes[1]);
        // Byte-order marks of UTF-16/32, and the NUL that UTF-16BE or UTF-32 puts first.
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || b0 == 0)
            fail_at(path, 1, 1, "file is UTF-16 or UTF-32; kith reads UTF-8 only");
    }
    if (const auto bad = find_invalid_utf8(bytes)) {
        const auto [line, column] = position_of(bytes, *bad);
        fail_at(path, line, column, "invalid UTF-8");
    }
    for (size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte == 0) {
            const auto [line, column] = position_of(bytes, i);
            fail_at(path, line, column, "NUL byte: this is not a text file");
        }
        if (byte == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')) {
            const auto [line, column] = position_of(bytes, i);
            fail_at(path, line, column, "a carriage return without a line feed; save the file with LF or CRLF line ends");
        }
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
            const auto [line, column] = position_of(bytes, i);
            fail_at(path, line, column, "control character " + std::to_string(byte) + " is not allowed");
        }
    }
    check_conflict_markers(bytes, path);
}

void check_conflict_markers(std::string_view bytes, const std::string& path) {
    if (const int line = conflict_marker_line(bytes)) fail_conflict(path, line);
}

void fail_conflict(const std::string& path, int line) {
    const size_t slash = path.rfind('/');
    const bool contact = path.ends_with(".yaml") && slash != std::string::npos;
    const std::string slug = contact ? path.substr(slash + 1, path.size() - slash - 6) : "";
    throw Error(ErrorKind::invalid,
                "unresolved merge conflict; keep what you want between '<<<<<<<' and '>>>>>>>' and delete the "
                "marker lines" + (contact ? " (or run 'kith edit " + slug + "')" : std::string()) +
                    ", then 'git add " + path + "'",
                Location{path, line, 0});
}

}  // namespace kith
