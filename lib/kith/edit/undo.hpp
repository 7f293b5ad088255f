#pragma once
// Taking back what was written: removing a list item or a top-level key from a YAML file's text.
#include <string>
#include <string_view>

namespace kith {

// Removes the index-th item (0-based) of the block sequence under a top-level key, with its
// continuation lines; a list left empty becomes `key: []`. Comments before the next item stay.
// Throws an invalid-file Error when the item cannot be found.
std::string remove_item(std::string_view text, std::string_view key, size_t index, const std::string& path);

// Removes a top-level key and its value; returns the text unchanged when the key is missing.
// Throws an invalid-file Error, located in `path`, when that would change any other value.
std::string remove_top_level(std::string_view text, std::string_view key, const std::string& path = {});

}  // namespace kith
