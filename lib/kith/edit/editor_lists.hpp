#pragma once
// Surgical edits of a whole list in a YAML file's text: add items in the list's own style, set it.
#include <string>
#include <string_view>
#include <vector>

#include "kith/edit/editor.hpp"

namespace kith {

// Adds `item` (already written as YAML, e.g. by yaml_scalar) to the list under a top-level
// key, in the style the list is written in: a one-line flow list ("email: [a@x]  # work")
// gets ", item" before its ']', keeping its comment; a block list gets a "- item" line; a
// missing or empty key becomes "key: [item]" (at its place in `key_order`); a single plain or quoted text becomes a flow
// list of it and the item. Throws an invalid-file Error for a flow list that runs over several
// lines or a value that is not a list.
std::string add_list_item(std::string_view text, std::string_view key, std::string_view item, KeyOrder key_order,
                          const std::string& path);

// Adds several items to the list under a top-level key as add_list_item adds one, in one edit.
std::string add_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                           KeyOrder key_order, const std::string& path);

// Sets the whole list under a top-level key to `items` (plain texts), written as one flow
// line; the key's comment stays, and a block list is replaced whole.
std::string set_list(std::string_view text, std::string_view key, const std::vector<std::string>& items, KeyOrder key_order);

// Removes every item of the list under a top-level key whose text is one of `items`: from a
// block list, each item's lines (undo.hpp's remove_item); a flow list is written again on its
// line with the items kept (the key's comment stays); a single text that is one of them removes
// the key. Returns the text unchanged when no item is there. Throws an invalid-file Error for a
// value that is not a list of texts.
std::string remove_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                              KeyOrder key_order, const std::string& path);

}  // namespace kith
