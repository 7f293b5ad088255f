#pragma once
// kith and git's merges: the merge driver git runs (kept runnable wherever git runs), the contact
// files git's index holds unmerged, and the versions git keeps of them.
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "kith/base/error.hpp"

namespace kith::cli {

// Returns the command git runs as kith's merge driver: this kith by its absolute path.
std::string driver_command(const Context& ctx);

// Points git's merge.kith.driver at this kith when what it names is kith's merge-file run by a
// program that no longer resolves (a bare 'kith', found on some PATHs only, or a path with no
// program there any more), and says so. Leaves any other driver alone.
void refresh_merge_driver(const Context& ctx, const std::string& root, const std::string& configured);

// Returns the contact files (paths from the root) that git's index holds unmerged. Cheap when git
// is in the middle of nothing: only then is git asked (a merge, rebase, cherry-pick, revert, or
// what leaves AUTO_MERGE, such as a stash that did not apply).
std::vector<std::string> unmerged_contact_files(const std::string& root);

// Returns one invalid-file Error for each contact file git holds unmerged that carries no
// conflict markers and lacks some of the other side's changes (merged again in memory from
// git's stages: the merge driver did not run), naming how to redo the merge. Files with markers
// are the store's to report; one resolved by hand and not yet added is not reported.
std::vector<Error> unmerged_without_markers(const Store& store);

// Returns the version of a file (a path from the root) that git's index holds at a stage (1 the
// common one, 2 ours, 3 theirs), or nullopt when it holds none. Refuses one over max_file_bytes.
std::optional<std::string> staged_version(const std::string& root, const std::string& path, int stage);

// Returns the version of a file (a path from the root) in git's HEAD, or nullopt when there is
// none (no repository, no commit, not in it). Refuses one over max_file_bytes.
std::optional<std::string> committed_version(const std::string& root, const std::string& path);

// Returns the path from the root of a file in contacts/ or archive/ given on the command line:
// from the working folder, absolute, or from the network folder. Refuses anything else (exit 2).
std::string path_in_network(const Context& ctx, const std::string& root, const std::string& file);

}  // namespace kith::cli
