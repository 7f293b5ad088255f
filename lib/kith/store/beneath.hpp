#pragma once
// The store's file-system primitives: every path is resolved inside the network folder,
// one component at a time, without letting a link lead out of it. Used by store.cpp and
// transaction.cpp, and by outside_file.cpp for files kith writes outside the network.
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kith {

// What identifies one version of a file without reading it.
struct FileStamp {
    std::uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0, device = 0;
    bool operator==(const FileStamp&) const = default;
};

}  // namespace kith

namespace kith::beneath {

// A file descriptor that closes itself.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();
    int get() const { return fd_; }
    bool ok() const { return fd_ >= 0; }
    int release();

private:
    int fd_ = -1;
};

// An open file descriptor that several owners share; closed when the last one lets it go.
class SharedFd {
public:
    SharedFd() = default;
    SharedFd(Fd fd) : fd_(fd.ok() ? std::make_shared<const Fd>(std::move(fd)) : nullptr) {}  // NOLINT: implicit, an Fd shared
    int get() const { return fd_ ? fd_->get() : -1; }
    bool ok() const { return fd_ != nullptr; }

private:
    std::shared_ptr<const Fd> fd_;
};

// Where a path lands inside the root: the folder that holds it (open) and its name there.
struct Place {
    SharedFd dir;      // not ok() when a folder on the way is missing
    std::string name;  // the last component
    std::string path;  // the path as resolved, relative to the root (links inside followed)
};

// The network folder that paths are resolved in, opened when first needed. It keeps the folders it
// resolved open, each under the name it was reached by ("contacts", "" for the root itself), so
// that one Root given to many calls (a Transaction's, over thousands of files) resolves each
// folder once, and then each path with one look at its last name. Made from a plain path for
// one call, as every caller with a path string does, it resolves everything anew for that call.
// Made over a root folder opened already (a command's Folder handle), it resolves the paths
// under it anew but opens the root no more. Hold one no longer than the lock that keeps other
// kiths out (a folder replaced in between would not be seen). Several threads may use one.
class Root {
public:
    explicit Root(std::string path) : path_(std::move(path)) {}
    Root(std::string path, SharedFd top) : path_(std::move(path)), top_(std::move(top)) {}
    const std::string& path() const { return path_; }
    // Returns the root folder itself, opened on the first call. Throws an I/O Error naming the
    // path when it cannot be opened.
    SharedFd top() const;

    // A folder resolved: open, and its path as resolved from the root with a final '/' ("" for the root).
    struct Opened {
        SharedFd fd;
        std::string resolved;
    };

private:
    friend Place place(const Root& root, const std::string& path, bool follow_last, bool make_folders);
    std::string path_;
    mutable std::mutex mutex_;                                 // over the two below
    mutable SharedFd top_;                                     // the root folder, once opened
    mutable std::unordered_map<std::string, Opened> folders_;  // a folder as named in a path -> where it led
};

// Throws an I/O Error with errno's text, naming a path.
[[noreturn]] void fail_io(const std::string& what, const std::string& path);

// Opens the root folder itself (read-only, a folder).
Fd open_root(const std::string& root);

// Resolves `path` (relative to root) inside the root. Links on the way are followed while
// they stay inside (so is the last one with follow_last); one leading out is an invalid-file
// Error naming it. With make_folders, missing folders are made (0700, owned like their parent).
// A Root kept across calls resolves a folder it resolved before without looking at it again.
Place place(const Root& root, const std::string& path, bool follow_last, bool make_folders);

// Makes the folder `path` (and the folders above it) inside the root when missing: mode 0700,
// and, made by root, owned as the folder around it. Throws an I/O Error naming it when it cannot.
void make_folder(const Root& root, const std::string& path);

// Opens a regular file at a place (never through a link); -1 with errno set on failure.
int open_file(const Place& at, int flags);

// Reads at most `limit` bytes of a regular file under root; refuses links out, pipes, folders.
std::string read_file(const Root& root, const std::string& path, size_t limit);

// Stats the regular file `name` in an open folder without following a link; nullopt for a link,
// anything but a regular file, and what is not there.
std::optional<FileStamp> stamp_in(int dir, const std::string& name);

// Reads a regular file named `name` in an open folder (never through a link); `path` names it
// in errors.
std::string read_in(int dir, const std::string& name, const std::string& path, size_t limit);

// Removes a file under root (never a folder; a final link itself, not its target); nothing when
// it is missing.
void remove_file(const Root& root, const std::string& path);

// When kith runs as root, gives what it made (the open file `fd`, or else `name` in `dir`) the
// owner and group of the folder `dir`: what kith creates belongs to whoever owns the folder.
void own_like_folder(int dir, int fd, const char* name);

// Flushes a folder's entries to disk; errors are ignored (some file systems refuse).
void sync_folder(int dir);

// Flushes every file of the file system that holds the network to disk, at once (syncfs): one
// flush of many temp files written unflushed costs far less than a flush of each.
void sync_file_system(const Root& root);

// Lists the entries of a folder under root ("" for the root itself; no "." or ".."), sorted;
// empty when it is missing.
struct Entry {
    std::string name;
    bool folder = false;
    bool link = false;
};
std::vector<Entry> list_folder(const Root& root, const std::string& path);


}  // namespace kith::beneath
