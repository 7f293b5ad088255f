#pragma once
// Helpers of the contact merge: values compared by content, written back as flow YAML, and
// the lines of a top-level key or of a list entry in a text.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/yaml_reader.hpp"

namespace kith {

// Returns a text equal for values of equal content (quoting and key order aside), leaving out
// the map key `skip` at the top.
std::string identity(const YamlValue& value, std::string_view skip);

// Writes a value as one line of flow YAML that reads back as the same content.
std::string flow_text(const YamlValue& value);

// Writes values as one flow list: "[a, {b: c}]".
std::string flow_list_text(const std::vector<YamlValue>& items);

// Returns a map with `key` set to `value` (replaced, or added last).
YamlValue with_field(YamlValue map, const std::string& key, const YamlValue& value);

// Sorts entries by the text of a day field, keeping the order of equal days.
void sort_by_day(std::vector<YamlValue>& items, const std::string& field);

// Returns the lines [from, to) (0-based) of a top-level key and its value, without the blank
// lines and column-0 comments after it. `root` is the text as read.
std::pair<size_t, size_t> key_lines(std::string_view text, const YamlValue& root, std::string_view key);

// Returns the lines [from, to) of the index-th entry of a block list, from its '-' to its last
// line, without the blank and comment lines after it.
std::pair<size_t, size_t> item_lines(std::string_view text, const YamlValue& list, size_t index);

// Returns the lines [from, to) of a text.
std::string line_range(std::string_view text, size_t from, size_t to);

// Returns the text with lines [from, to) replaced by `lines` (whole lines, or empty).
std::string replace_lines(std::string_view text, size_t from, size_t to, std::string_view lines);

// Returns the text without lines [from, to) that hold a value (Lines::erase_value: a '|+' text
// above does not gain the blank lines after them).
std::string erase_lines(std::string_view text, size_t from, size_t to);

}  // namespace kith
