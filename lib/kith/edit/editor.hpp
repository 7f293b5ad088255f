#pragma once
// Surgical edits of a YAML file's text: only the lines a change needs are touched,
// and comments, blank lines, key order, quoting and unknown keys survive byte for byte.
// Callers pass text that has already been read without error by read_yaml.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kith/base/dates.hpp"

namespace kith {

// The order of a file's top-level keys, which the caller knows (a contact file's is SPEC 3's:
// canonical_keys()). A missing key is added after the block of the last key of the file that
// comes before it in this order, else before the first that comes after it, else at the end.
using KeyOrder = std::span<const std::string>;

// Sets a top-level key to `value` (already written as YAML, e.g. by yaml_scalar). An
// existing value is replaced, keeping a comment on its line; a missing key is added at
// its place in `key_order`. Throws an invalid-file Error, located in `path`, for a file it
// cannot edit safely.
std::string set_top_level(std::string_view text, std::string_view key, std::string_view value, KeyOrder key_order,
                          const std::string& path = {});

// Adds an item, written as one flow line (e.g. "{date: 2026-11-28, kind: call}"), to the
// block sequence under a top-level key, creating the key when missing (at its place in
// `key_order`). When `order_by` is set, the item goes before the first item whose `order_by`
// field is a later day; else last. Throws an invalid-file Error when the key holds a non-empty
// flow list ([...]).
std::string insert_item(std::string_view text, std::string_view key, std::string_view item,
                        std::optional<std::string> order_by, KeyOrder key_order, const std::string& path);

// Adds items, each written as one flow line, to the block sequence under a top-level key, as
// insert_item adds them one after another (without `order_by`: after the last item, in the order
// given); in one edit, so that a thousand items cost one reading of the file, not a thousand.
std::string insert_items(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                         KeyOrder key_order, const std::string& path, const std::optional<std::string>& order_by = std::nullopt);

// Adds items as insert_items does, with the day each item's `order_by` field reads as given in
// `days` (nullopt for none) rather than read from its text: for items the caller wrote from days.
std::string insert_items_on_days(std::string_view text, std::string_view key, const std::vector<std::string>& items,
                                 const std::vector<std::optional<Day>>& days, const std::optional<std::string>& order_by,
                                 KeyOrder key_order, const std::string& path);

}  // namespace kith
