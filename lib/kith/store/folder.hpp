#pragma once
// The network folder's files: reads and atomic writes beneath its root, the writers' lock, and
// what the command layer lends the library (test hooks, git's view). What the Transaction,
// the record of intent and the recovery stand on; Store reads the network on top of it.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/store/beneath.hpp"

namespace kith {

// The largest file kith reads: ~80 times the largest realistic contact.
inline constexpr size_t max_file_bytes = 1024 * 1024;

// Refuses a text of `bytes` for a file, before anything is written, when it is over `limit`.
void refuse_over_cap(const std::string& path, size_t bytes, size_t limit = max_file_bytes);

// An exclusive lock on the network folder itself (flock on its descriptor), released when
// destroyed. It holds when .kith/ is deleted, follows no link, and no file of it can be left
// owned by another user.
class WriteLock {
public:
    explicit WriteLock(const beneath::Root& root);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    int fd_ = -1;
};

// Test builds only (KITH_TEST_HOOKS): the step of a write at which to pause until a file
// is removed, to fail with ENOSPC, or to die by SIGKILL. Ignored in other builds.
struct TestHooks {
    std::string pause_at, pause_file, fail_at, crash_at;
    std::string held_text_bytes;  // the budget of held_text_budget(), in bytes
};

// What one commit did to a file, for git: its path as resolved inside the folder, what it held
// before and holds after (intent::state_of's form: "-" for absent, else size and hash), and for
// the target of a move, the file it was moved from.
struct FileChange {
    std::string path, before, after, from;
};

// What the command layer lends the store, since the library runs no programs: git's view of
// the folder, asked for only when it is needed, and word of each change the store commits.
struct StoreHost {
    // Returns true when git tracks one of these files (paths from the root). Asked only when a
    // record of intent is found; unset, nothing is tracked.
    std::function<bool(const std::vector<std::string>& paths)> tracked;
    // Is told what a commit changed, once it is made.
    std::function<void(const std::vector<FileChange>& changes)> committed;
};

// The files of one network folder; paths are relative to its root, and every one of them
// resolves inside it: a link that leads out is refused. The folder itself is opened once, on
// first use, and its copies share it: a command opens its network once, and every read, lock
// and Transaction of it works in that folder, not in whatever its path names later.
class Folder {
public:
    explicit Folder(std::string root, TestHooks hooks = {}, StoreHost host = {})
        : opened_(std::make_shared<const beneath::Root>(std::move(root))), hooks_(std::move(hooks)), host_(std::move(host)) {}
    // The folder `same` opened (or opens), with other hooks and host.
    Folder(const Folder& same, TestHooks hooks, StoreHost host)
        : opened_(same.opened_), hooks_(std::move(hooks)), host_(std::move(host)) {}

    // The folder's path, as it was given.
    const std::string& path() const { return opened_->path(); }
    // The folder, for resolving paths beneath it: the opened folder, and no folder under it
    // resolved yet (each Root resolves them anew; see beneath::Root). Throws an I/O Error when
    // the folder cannot be opened.
    beneath::Root root() const { return beneath::Root(opened_->path(), opened_->top()); }
    // Returns true when git tracks one of these files, or what a link among them leads to, as the
    // host says (false without one).
    bool tracked_by_git(const std::vector<std::string>& paths) const;
    // Tells the host what a commit changed.
    void committed(const std::vector<FileChange>& changes) const {
        if (host_.committed) host_.committed(changes);
    }

    // Reads a file under the root: regular files only, no link out of the folder, at most
    // `limit` bytes. Throws an invalid-file Error for those, an I/O Error otherwise.
    std::string read(const std::string& path, size_t limit = max_file_bytes) const;
    // Returns true when something exists at the path (without following a final link).
    bool exists(const std::string& path) const;
    // Returns true when the file holds exactly `bytes`, compared a piece at a time (the file is
    // never held whole); false when it differs or cannot be read.
    bool holds(const std::string& path, std::string_view bytes) const;
    // Replaces or creates a file of kith's own in .kith/ (a sync's base, an edit copy)
    // atomically: temp file, fsync, rename, fsync of the folder; .kith/ is made when missing. New
    // files get mode 0600; a replaced one keeps its mode, owner and group. Bytes over `limit` are
    // refused before anything is written. The network's own files change only through a
    // Transaction: a path outside .kith/ is a bug (std::logic_error).
    void write_state(const std::string& path, const std::string& bytes, size_t limit = max_file_bytes) const;
    // Removes a file of kith's own in .kith/; one that is not there is no error.
    void remove_state(const std::string& path) const;
    // Makes .kith/ when missing (mode 0700).
    void make_state_folder() const;

    // How many bytes of new text a Transaction holds in memory; beyond them, each new text
    // goes to its temp file at once (4 MiB; test builds: $KITH_TEST_HELD_TEXT_BYTES).
    size_t held_text_budget() const;

    // Marks a step of a write for the test hooks; does nothing outside test builds.
    void test_step(const std::string& step) const;

private:
    std::shared_ptr<const beneath::Root> opened_;  // only the folder itself is opened through it
    TestHooks hooks_;
    StoreHost host_;
};

}  // namespace kith
