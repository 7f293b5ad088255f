#pragma once
// The merge of a list key that both versions changed, entry by entry. Internal to the merge.
#include <optional>
#include <string_view>

#include "kith/merge/merge_parts.hpp"

namespace kith::merging {

// Merges a list key that both versions changed (nullptr for a version without it): entries
// pair up by content across the versions (the n-th of equal entries with the n-th); each takes
// the bytes of the version that changed them, an entry either version added is added (by day
// when `order_field` is set, else after the entry it follows), one removed on one side and
// untouched on the other is removed, and bytes both changed differently are marked. The result
// takes the versions' style (block or flow); nullopt when the two write the list in different styles.
std::optional<Merged> merge_list(std::string_view order_field, const ListView* base, const ListView* ours,
                                 const ListView* theirs);

}  // namespace kith::merging
