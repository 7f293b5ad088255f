#pragma once
// git: {autocommit: true} in kith.yaml commits every write with a clear message.
#include <string>
#include <vector>

#include "app.hpp"

namespace kith::cli {

// Commits the given paths (relative to the network root) when the settings ask for it, and
// says once when .gitattributes names kith's merge driver but git's config lacks it.
// A failure is a warning: the files are already written.
void autocommit(const Context& ctx, const Config& config, const Folder& network,
                const std::vector<std::string>& paths, const std::string& message);

// Commits exactly the given paths, whatever the settings say: through a temporary index made
// from HEAD, so the user's staged work is never swept in, and the real index takes the paths
// only once the commit is made. A file this run changed through the store is committed only
// when it holds kith's change alone (HEAD and the index held what kith read): one that holds
// the user's uncommitted change too is left out, with a warning. Returns true when a commit was
// made; a failure is a warning.
bool commit_paths(const Context& ctx, const Folder& network, const std::vector<std::string>& paths,
                  const std::string& message);

// Returns what the store asks of git and tells kith's git: whether git tracks a record of intent
// (`git ls-files`, run only when the store finds one), and what each commit changed (kept in
// ctx.committed, so that a commit holds kith's change alone).
StoreHost git_host(const Context& ctx, const std::string& root);

// Says once, on stderr, when .gitattributes names the kith merge driver and git's config lacks it;
// points the driver at this kith when the one configured no longer resolves (refresh_merge_driver).
void check_merge_driver(const Context& ctx, const Folder& network);

// Names the operation git is in the middle of in this git folder ("a merge", "a rebase", ...), or "".
std::string operation_in_progress(const std::string& git_dir);

}  // namespace kith::cli
