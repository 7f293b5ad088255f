#pragma once
// Copies that sync programs and merge tools leave beside a file in conflict: never a person.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kith/base/error.hpp"

namespace kith {

// What a conflict copy is a copy of, and what made it.
struct ConflictCopy {
    std::string original;              // the file name it is a copy of, in the same folder
    std::string made_by;               // for messages: "Syncthing", ...
    bool same_person_needed = false;   // a shape a person's file could have: a copy only when both files name the same person
    bool foldable = true;              // false for what is no contact file (a patch's rejected hunks)
    bool original_there = true;        // set by the caller: whether the original exists
};

// Returns what `name` (a file name in contacts/ or archive/) is a copy of, or nullopt when it
// is no conflict copy. `exists(name)` tells whether a file of that name is in the same folder.
// Recognised: Syncthing's "NAME.sync-conflict-DATE-TIME-DEVICE.yaml"; a group in parentheses or
// brackets that says conflict (Dropbox's "NAME (conflicted copy DATE).yaml" and "NAME (HOST's
// conflicted copy DATE).yaml", Nextcloud's and ownCloud's "NAME (conflicted copy DATE TIME).yaml",
// Box's, Seafile's "(SFConflict ...)", "(Case Conflict)", Nextcloud's "(case clash ...)");
// ownCloud's "NAME_conflict-DATE-TIME.yaml"; "NAME.yaml.orig" and "NAME.yaml.rej" (git mergetool,
// patch, hg). And, only when NAME.yaml is there: "NAME.orig.yaml", iCloud's and Finder's "NAME 2.yaml", Google
// Drive's and OneDrive's "NAME (1).yaml" and "NAME_conf(1).yaml", git mergetool's
// "NAME_LOCAL_1234.yaml" (BASE, REMOTE, BACKUP), and OneDrive's "NAME-HOST.yaml" where HOST is
// a computer name: 1-15 letters, digits or '-', with a capital letter (kith makes no slug with
// one) -- and then only when both files name the same person (same_person_needed).
// A name of lower-case letters, digits, '-' and non-ASCII letters (what slugs are made of) is
// never a copy; nor is a hidden one.
std::optional<ConflictCopy> conflict_copy(std::string_view name, const std::function<bool(std::string_view)>& exists);

// Returns the invalid-file Error that reports a conflict copy at `path` (from the network folder)
// of `original` (also from it), and what to do with it.
Error conflict_copy_error(const std::string& path, const std::string& original, const ConflictCopy& copy);

}  // namespace kith
