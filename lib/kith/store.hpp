#pragma once
// The store: the one place in the library that touches the file system.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kith/cache.hpp"
#include "kith/error.hpp"
#include "kith/model.hpp"

namespace kith {

// The largest file kith reads: ~80 times the largest realistic contact.
inline constexpr size_t max_file_bytes = 1024 * 1024;

// The largest parse cache kith reads: ~1 KB per contact, for a million contacts.
inline constexpr size_t max_cache_bytes = size_t{1} << 30;

// Where to look for the network folder, gathered by the caller (the library reads no environment).
struct Whereabouts {
    std::optional<std::string> dir_option;  // --dir
    std::optional<std::string> kith_dir;    // $KITH_DIR
    std::string working_dir;
    std::string data_home;                  // ${XDG_DATA_HOME:-~/.local/share}
};

// Finds the network folder as SPEC 1 orders it. Throws a usage Error naming where it looked.
std::string find_network(const Whereabouts& where);

// The network as read: settings, every contact that parsed, and every file that did not.
struct Network {
    std::string root;
    Config config;
    std::vector<Contact> contacts;  // active first, then archived when asked for; each sorted by slug
    std::vector<Error> problems;    // one per file that could not be read
};

// An exclusive lock on .kith/lock, released when destroyed.
class WriteLock {
public:
    explicit WriteLock(const std::string& root);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    int fd_ = -1;
};

// Reads and writes the files of one network folder; paths are relative to its root.
class Store {
public:
    explicit Store(std::string root) : root_(std::move(root)) {}

    const std::string& root() const { return root_; }

    // Reads kith.yaml (defaults when it is absent). Throws an invalid-file Error.
    Config load_config() const;
    // Reads every contact; files that fail are collected in `problems`, never thrown. Files
    // unchanged since the last run (same size, mtime, ctime, inode) come from .kith/cache.
    Network load(bool include_archived) const;
    // Reads and parses one contact file. Throws an invalid-file or I/O Error.
    Contact load_contact(const std::string& path, const Config& config) const;

    // Reads a file under the root: regular files only, no link out of the folder, at most
    // `limit` bytes. Throws an invalid-file Error for those, an I/O Error otherwise.
    std::string read(const std::string& path, size_t limit = max_file_bytes) const;
    // Returns true when something exists at the path (without following a final link).
    bool exists(const std::string& path) const;
    // Replaces or creates a file atomically: temp file, fsync, rename, fsync of the folder.
    // New files get mode 0600 and their folders 0700; a replaced file keeps its mode.
    void write(const std::string& path, const std::string& bytes) const;
    // Moves a file to another folder of the network, refusing to replace anything.
    void move(const std::string& from, const std::string& to) const;
    // Makes a folder (and its parents) with mode 0700 when missing.
    void make_folder(const std::string& path) const;

    // Rewrites contact files under the lock: each edit gets the current text and returns
    // the new one. Every file is read, parsed and edited, and every result parsed again,
    // before the first write, so a refusal leaves all of them untouched.
    using Edit = std::function<std::string(const std::string& text)>;
    void edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits, const Config& config) const;

private:
    std::string full(const std::string& path) const;
    void save_cache(const ContactCache& cache) const;
    std::string root_;
};

}  // namespace kith
