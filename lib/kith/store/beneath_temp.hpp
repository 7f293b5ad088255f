#pragma once
// The temp files the store writes beside their targets before renaming them over, and how one is
// told from a user's file (a kill leaves them behind; the next run cleans them up).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/store/beneath.hpp"

namespace kith::beneath {

// Writes bytes to a new hidden temp file ".NAME.XXXXXX" beside the place, with the mode,
// owner and group of the file it will replace (new files: 0600, owned like their folder).
// Flushed to disk unless `flush` is false (derived data). Returns the temp file's name in the place's folder.
std::string write_temp(const Place& at, const std::string& bytes, bool flush = true);
// The same, for bytes in pieces written one after the other.
std::string write_temp(const Place& at, const std::vector<std::string_view>& pieces, bool flush = true);
// The same, for bytes made piece by piece: `next` returns each in turn (valid until it is called
// again), then nullopt. With `private_mode`, the file gets mode 0600 whatever it will replace.
std::string write_temp(const Place& at, const std::function<std::optional<std::string_view>()>& next, bool flush = true,
                       bool private_mode = false);

// Returns true for a name write_temp makes in a folder of the network (contacts, archive or
// .kith), and for nothing a user would name a file: ".BASE.XXXXXX", six letters or digits
// holding both a lowercase letter and an uppercase letter or digit (so ".notes.backup" is not
// one); in contacts/ and archive/ BASE is a contact file name, "NAME.yaml", not hidden.
bool is_temp_name(const std::string& folder, const std::string& name);

// Returns the temp files write_temp left beside the targets of the links among a folder's
// `entries` (list_folder's) that lead to another folder of the network (paths from the root):
// a write through such a link makes its temp file there, ".TARGET.XXXXXX", and only those
// names are returned.
std::vector<std::string> temps_beside_link_targets(const Root& root, const std::string& folder,
                                                   const std::vector<Entry>& entries);

}  // namespace kith::beneath
