#pragma once
// Helpers of the contact merge: values compared by content, and the lines of a top-level key or
// of a list entry in a text (the fuzz target's edits use them too).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/yaml/yaml_reader.hpp"

namespace kith {

// Returns a text equal for values of equal content (quoting and key order aside), leaving out
// the map key `skip` at the top.
std::string identity(const YamlValue& value, std::string_view skip);

// Returns the lines [from, to) (0-based) of a top-level key and its value, without the blank
// lines and column-0 comments after it. `root` is the text as read.
std::pair<size_t, size_t> key_lines(std::string_view text, const YamlValue& root, std::string_view key);

// Returns the lines [from, to) of the index-th entry of a block list, from its '-' to its last
// line, without the blank and comment lines after it.
std::pair<size_t, size_t> item_lines(std::string_view text, const YamlValue& list, size_t index);

// Returns the text without lines [from, to) that hold a value (Lines::erase_value: a '|+' text
// above does not gain the blank lines after them).
std::string erase_lines(std::string_view text, size_t from, size_t to);

}  // namespace kith
