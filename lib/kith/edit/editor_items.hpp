#pragma once
// Surgical edits of one item of a list in a YAML file's text: set a field of a map item.
#include <string>
#include <string_view>

namespace kith {

// Sets `field: value` on the index-th item (0-based) of the sequence under a top-level key:
// a field written there with no value (empty, ~ or null) gets it, else the field is added to
// the item itself, never to a map nested in it. Throws an invalid-file Error when the item
// cannot be found or edited, or already has a value for the field.
std::string set_item_field(std::string_view text, std::string_view key, size_t index, std::string_view field,
                           std::string_view value, const std::string& path);

}  // namespace kith
