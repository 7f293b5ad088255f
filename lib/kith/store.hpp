#pragma once
// The store: the one place in the library that touches the file system.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/conflict_copy.hpp"
#include "kith/index.hpp"
#include "kith/error.hpp"
#include "kith/model.hpp"

namespace kith {

namespace beneath {
struct Entry;
}

// The largest file kith reads: ~80 times the largest realistic contact.
inline constexpr size_t max_file_bytes = 1024 * 1024;

// The largest name table of an index kith reads: ~1 KB per contact, for a million contacts.
inline constexpr size_t max_index_bytes = size_t{1} << 30;

// Where to look for the network folder, gathered by the caller (the library reads no environment).
struct Whereabouts {
    std::optional<std::string> dir_option;  // --dir
    std::optional<std::string> kith_dir;    // $KITH_DIR
    std::string working_dir;
    std::string data_home;                  // ${XDG_DATA_HOME:-~/.local/share}
};

// Which rule of SPEC 1 found the network folder.
enum class FoundBy { dir_option, kith_dir, at_or_above, data_home };

// The network folder, and how it was found.
struct FoundNetwork {
    std::string path;
    FoundBy by;
};

// Finds the network folder as SPEC 1 orders it, and says by which rule. Throws a usage Error
// naming where it looked.
FoundNetwork locate_network(const Whereabouts& where);
// Finds the network folder as SPEC 1 orders it. Throws a usage Error naming where it looked.
std::string find_network(const Whereabouts& where);

// The network as read: settings, every contact that parsed, and every file that did not.
struct Network {
    std::string root;
    Config config;
    std::vector<Contact> contacts;  // active first, then archived when asked for; each sorted by slug
    std::vector<Error> problems;    // one per file that could not be read
};

// An exclusive lock on the network folder itself (flock on its descriptor), released when
// destroyed. It holds when .kith/ is deleted, follows no link, and no file of it can be left
// owned by another user.
class WriteLock {
public:
    explicit WriteLock(const std::string& root);
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

// Reads and writes the files of one network folder; paths are relative to its root, and
// every one of them resolves inside it: a link that leads out is refused.
class Store {
public:
    explicit Store(std::string root, TestHooks hooks = {}, StoreHost host = {})
        : root_(std::move(root)), hooks_(std::move(hooks)), host_(std::move(host)) {}

    const std::string& root() const { return root_; }
    // Returns true when git tracks one of these files, or what a link among them leads to, as the
    // host says (false without one).
    bool tracked_by_git(const std::vector<std::string>& paths) const;
    // Tells the host what a commit changed.
    void committed(const std::vector<FileChange>& changes) const {
        if (host_.committed) host_.committed(changes);
    }

    // Reads kith.yaml (defaults when it is absent). Throws an invalid-file Error.
    Config load_config() const;
    // Reads every contact in full, on all cores; files that fail are collected in `problems`,
    // never thrown. With use_cache, the index in .kith/ is brought up to date on the way;
    // without, it is neither read nor written. A change an earlier kith left half-done is finished first.
    Network load(bool include_archived, bool use_cache = true) const;
    // Reads every contact as the index summarizes it (see index.hpp: no notes, the latest log
    // entry that counts): files unchanged since the index was written (same size, mtime, ctime,
    // inode, and the same parsed kith.yaml) are not read; the rest are parsed and indexed. With
    // `today`, a file with entries after it is read in full. Problems as for load().
    Network load_summaries(bool include_archived, std::optional<Day> today) const;
    // Reads every contact's slug, name and aka (and path) from the index's name table, each
    // file's stamp checked: only files changed since are parsed (and their summaries indexed).
    // For resolving a NAME. Problems as for load().
    Network load_names(bool include_archived) const;
    // Reads the person whose slug is `slug` from their own file alone (contacts/, then archive/
    // when asked), or nullopt when there is no such file or it does not read: the caller then
    // resolves the NAME among everyone. A slug is the file's name, so this is what resolve finds first.
    std::optional<Contact> load_by_slug(const std::string& slug, bool include_archived, const Config& config) const;
    // Calls `each` with every active person's slug and name for completion, as fast as it can: the files
    // listed, their names from the index's name table without a stat of each file (a name
    // changed by hand since the last kith shows until the next one; the slugs are always right).
    void complete_names(const std::function<void(std::string_view slug, std::string_view name)>& each) const;
    // Reads every contact in full, as load() without the index, but a chunk of files at a time
    // (each parsed on all cores) handed to `use` and then dropped: never the whole log of the
    // network in memory at once. Returns the settings and the problems; its contacts stay empty.
    // `report`, when given, gets each problem as soon as its chunk is read, before `use` gets the chunk.
    Network each_contact(bool include_archived, const std::function<void(std::vector<Contact>&)>& use,
                         const std::function<void(const Error&)>& report = {}) const;
    // Returns what contacts/ and archive/ hold that kith does not read (other extensions,
    // folders, conflict copies), temp files left by interrupted writes, and files in archive/
    // whose slug is also in contacts/, one invalid-file Error each.
    std::vector<Error> strays() const;
    // Calls `notice` with each conflict copy (conflict_copy.hpp) a listing of contacts/ or
    // archive/ finds, as an invalid-file Error saying how to fold it: such a file is never read as
    // a person.
    void on_conflict_copy(std::function<void(const Error&)> notice) { notice_ = std::move(notice); }
    // Returns what the file at `path` (in contacts/ or archive/) is a conflict copy of, or nullopt.
    std::optional<ConflictCopy> conflict_copy_at(const std::string& path) const;
    // Reads and parses one contact file. Throws an invalid-file or I/O Error.
    Contact load_contact(const std::string& path, const Config& config) const;
    // Reads these contact files on all cores, in the order given, as each_contact reads them
    // (a file in git's conflict markers as far as it can be). Throws the first file's Error.
    std::vector<Contact> load_contacts(const std::vector<std::string>& paths, const Config& config) const;

    // Reads a file under the root: regular files only, no link out of the folder, at most
    // `limit` bytes. Throws an invalid-file Error for those, an I/O Error otherwise.
    std::string read(const std::string& path, size_t limit = max_file_bytes) const;
    // Returns true when something exists at the path (without following a final link).
    bool exists(const std::string& path) const;
    // Replaces or creates a file atomically: temp file, fsync, rename, fsync of the folder.
    // New files get mode 0600 and their folders 0700; a replaced file keeps its mode, owner
    // and group; a link inside the folder has its target replaced. Bytes over `limit` are
    // refused before anything is written.
    void write(const std::string& path, const std::string& bytes, size_t limit = max_file_bytes) const;
    // Moves a file to another folder of the network, refusing to replace anything.
    void move(const std::string& from, const std::string& to) const;
    // Removes a file (a link itself, not its target); one that is not there is no error.
    void remove(const std::string& path) const;
    // Makes a folder (and its parents) with mode 0700 when missing.
    void make_folder(const std::string& path) const;

    // Rewrites contact files in one Transaction: each edit gets the text read under the lock
    // and returns the new one; all of them are written or none. Returns the paths changed.
    using Edit = std::function<std::string(const std::string& text)>;
    std::vector<std::string> edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits,
                                           const Config& config) const;

    // How many bytes of new text a Transaction holds in memory; beyond them, each new text
    // goes to its temp file at once (4 MiB; test builds: $KITH_TEST_HELD_TEXT_BYTES).
    size_t held_text_budget() const;

    // Marks a step of a write for the test hooks; does nothing outside test builds.
    void test_step(const std::string& step) const;

private:
    struct Scan;
    Scan scan(bool include_archived) const;
    enum class Want { full, summaries, names };
    Network read_network(bool include_archived, std::optional<Day> today, Want want) const;
    void finish_pending_change() const;
    // Reads a contact file in git's conflict markers as far as it can be (one side's values);
    // nullopt when it holds none or cannot be read.
    std::optional<Contact> read_conflicted(const std::string& path, const Config& config) const;
    // The index (store_index.cpp): opened without following a link, -1 when it cannot be.
    int open_index(int flags) const;
    // Reads the index: nullopt when it is missing, foreign, corrupt or for other settings (a key given).
    std::optional<IndexFile> read_index(std::optional<std::uint64_t> key) const;
    // Brings the index up to date: the records kept from `old` (their summaries where they
    // are) and the fresh summaries; in place when it can, else written anew. Never throws.
    void update_index(const IndexFile* old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                      const std::vector<const NewSummary*>& fresh) const;
    bool update_in_place(const IndexFile& old, std::uint64_t key, const std::vector<IndexRecord>& kept,
                         const std::vector<const NewSummary*>& fresh, const std::vector<IndexRecord>& fresh_records,
                         std::uint64_t dead) const;
    // The conflict copies among a folder's entries (list_folder's, sorted), by name (store_copies.cpp).
    std::vector<std::pair<std::string, ConflictCopy>> copies_among(const std::string& folder,
                                                                   const std::vector<beneath::Entry>& entries) const;
    // Whether a copy of a shape a person's file could have names the same person as its original.
    bool names_same_person(const std::string& folder, std::string_view copy, const ConflictCopy& what) const;
    std::string root_;
    TestHooks hooks_;
    StoreHost host_;
    std::function<void(const Error&)> notice_;
};

}  // namespace kith
