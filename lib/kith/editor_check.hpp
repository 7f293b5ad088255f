#pragma once
// Shapes the editor refuses before it edits: files where its model of lines and keys would
// not match what the reader reads, so that an edit could break the file. Internal to editor*.cpp.
#include <string>
#include <string_view>

#include "kith/editor_text.hpp"
#include "kith/yaml_reader.hpp"

namespace kith::editing {

// Throws an invalid-file Error unless the reader's top-level keys are exactly the lines that
// key_at reads as keys (outside block scalars), each at the start of its line, with the same text.
// Returns what the reader read.
YamlValue check_top_level_keys(const Lines& file, const std::string& path);

// True for a value that YAML reads as plain text (not quoted, not a flow list or map).
bool is_plain(std::string_view value);

// Throws an invalid-file Error when a plain value written on line `at` would run into a line
// indented with a tab: yaml-cpp reads the lines after a plain value as its continuation, up to
// the first that is not blank, and fails on a tab in their indentation.
void check_no_tab_after(const Lines& file, size_t at, const std::string& path);

}  // namespace kith::editing
