#pragma once
// The guard's rules on the text itself, for what yaml-cpp 0.7.0 accepts without a word:
// bytes that are not UTF-8 text, unclosed quotes, bare words read as keys, tabs in indentation.
// Each throws an invalid-file Error located at the first problem.
#include <string>
#include <string_view>

#include "kith/yaml/yaml_value.hpp"

namespace kith {

// Checks that bytes are UTF-8 text without NUL or control characters. Throws an
// invalid-file Error located at the first bad byte.
void check_text_bytes(std::string_view bytes, const std::string& path);

// Refuses a quoted scalar opened at byte `open` that never closes, or that closes only after
// swallowing lines that look like keys or items.
void check_quoted_span(std::string_view bytes, size_t open, const std::string& path);

// Refuses a file holding git's conflict markers (<<<<<<<, =======, >>>>>>> at a line start),
// located at the first, with how to resolve it.
void check_conflict_markers(std::string_view bytes, const std::string& path);

// Throws the invalid-file Error of an unresolved merge conflict at a line of a file.
[[noreturn]] void fail_conflict(const std::string& path, int line);

// Refuses, in a file whose document is `root`: a root that is one flow map, top-level keys
// not at column 1, lines at column 0 that are not "key: value", and tabs in indentation.
void check_top_level_lines(std::string_view bytes, const YamlValue& root, const std::string& path);

}  // namespace kith
