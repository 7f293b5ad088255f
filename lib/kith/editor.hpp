#pragma once
// Surgical edits of a YAML file's text: only the lines a change needs are touched,
// and comments, blank lines, key order, quoting and unknown keys survive byte for byte.
// Callers pass text that has already been read without error by read_yaml.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/dates.hpp"

namespace kith {

// Sets a top-level key to `value` (already written as YAML, e.g. by yaml_scalar). An
// existing value is replaced, keeping a comment on its line; a missing key is added at
// its place in the canonical order of SPEC 3. Throws an invalid-file Error, located in
// `path`, for a file it cannot edit safely.
std::string set_top_level(std::string_view text, std::string_view key, std::string_view value,
                          const std::string& path = {});

// Adds an item, written as one flow line (e.g. "{date: 2026-11-28, kind: call}"), to the
// block sequence under a top-level key, creating the key when missing. When `order_by` is
// set, the item goes before the first item whose `order_by` field is a later day; else last.
// Throws an invalid-file Error when the key holds a non-empty flow list ([...]).
std::string insert_item(std::string_view text, std::string_view key, std::string_view item,
                        std::optional<std::string> order_by, const std::string& path);

// Adds items, each written as one flow line, after the last item of the block sequence under a
// top-level key, in the order given, as insert_item adds one; in one edit, so that a thousand
// items cost one reading of the file, not a thousand.
std::string insert_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                         const std::string& path);

// Sets `field: value` on the index-th item (0-based) of the sequence under a top-level key:
// a field written there with no value (empty, ~ or null) gets it, else the field is added to
// the item itself, never to a map nested in it. Throws an invalid-file Error when the item
// cannot be found or edited, or already has a value for the field.
std::string set_item_field(std::string_view text, std::string_view key, size_t index, std::string_view field,
                           std::string_view value, const std::string& path);

}  // namespace kith

namespace kith {

// Adds `item` (already written as YAML, e.g. by yaml_scalar) to the list under a top-level
// key, in the style the list is written in: a one-line flow list ("email: [a@x]  # work")
// gets ", item" before its ']', keeping its comment; a block list gets a "- item" line; a
// missing or empty key becomes "key: [item]"; a single plain or quoted text becomes a flow
// list of it and the item. Throws an invalid-file Error for a flow list that runs over several
// lines or a value that is not a list.
std::string add_list_item(std::string_view text, std::string_view key, std::string_view item, const std::string& path);

// Adds several items to the list under a top-level key as add_list_item adds one, in one edit.
std::string add_list_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                           const std::string& path);

// Sets the whole list under a top-level key to `items` (plain texts), written as one flow
// line; the key's comment stays, and a block list is replaced whole.
std::string set_list(std::string_view text, std::string_view key, const std::vector<std::string>& items);

}  // namespace kith
