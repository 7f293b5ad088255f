#pragma once
// Taking back what was written: removing a list item, and renaming a slug everywhere.
#include <string>
#include <string_view>

#include "kith/model.hpp"

namespace kith {

// Removes the index-th item (0-based) of the block sequence under a top-level key, with its
// continuation lines; a list left empty becomes `key: []`. Comments before the next item stay.
// Throws an invalid-file Error when the item cannot be found.
std::string remove_item(std::string_view text, std::string_view key, size_t index, const std::string& path);

// Removes a top-level key and its value; returns the text unchanged when the key is missing.
// Throws an invalid-file Error, located in `path`, when that would change any other value.
std::string remove_top_level(std::string_view text, std::string_view key, const std::string& path = {});

// Returns the index of the newest log entry: the latest day, and of those the last written.
// Throws a usage Error when the log is empty.
size_t newest_log_index(const Contact& contact);

// Rewrites every reference to `old_slug` in a contact's text (introduced_by, and `with:` in
// its log) to `new_slug`, touching only those values. Returns the text unchanged when there
// is none. Throws an invalid-file Error when a reference cannot be rewritten safely.
std::string rename_references(const std::string& text, const std::string& old_slug, const std::string& new_slug,
                              const std::string& path, const Config& config);

}  // namespace kith
