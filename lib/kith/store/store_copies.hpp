#pragma once
// Conflict copies in contacts/ and archive/ (conflict_copy.hpp) as the store finds them: by name
// among a folder's entries, and, for a name a person's file could have, only when both files
// name the same person.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kith/store/beneath.hpp"
#include "kith/store/conflict_copy.hpp"
#include "kith/store/folder.hpp"

namespace kith {

// Returns the conflict copies among the entries of `folder` (list_folder's, sorted), by name.
std::vector<std::pair<std::string, ConflictCopy>> copies_among(const Folder& network, const std::string& folder,
                                                               const std::vector<beneath::Entry>& entries);

// Returns what the file at `path` (in contacts/ or archive/) is a conflict copy of, or nullopt.
std::optional<ConflictCopy> conflict_copy_at(const Folder& network, const std::string& path);

}  // namespace kith
