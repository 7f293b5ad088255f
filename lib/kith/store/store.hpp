#pragma once
// The store: the one place in the library that touches the file system.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/store/conflict_copy.hpp"
#include "kith/base/error.hpp"
#include "kith/store/beneath.hpp"
#include "kith/store/folder.hpp"
#include "kith/model/model.hpp"
#include "kith/store/transaction.hpp"

namespace kith {

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

// Reads the network of one folder (the files of the folder itself: see Folder), and changes
// it through Transactions.
class Store : public Folder {
public:
    explicit Store(std::string root, TestHooks hooks = {}, StoreHost host = {})
        : Folder(std::move(root), std::move(hooks), std::move(host)) {}
    // The store of the folder `same` opened (or opens), with other hooks and host.
    Store(const Folder& same, TestHooks hooks, StoreHost host) : Folder(same, std::move(hooks), std::move(host)) {}

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
    // `want`, when given, is asked of each file, with its stamp taken before any reading (nullopt
    // for a link), whether to read it at all.
    using WantFile = std::function<bool(const std::string& path, const std::optional<FileStamp>& stamp)>;
    Network each_contact(bool include_archived, const std::function<void(std::vector<Contact>&)>& use,
                         const std::function<void(const Error&)>& report = {}, const WantFile& want = {}) const;
    // Returns what contacts/ and archive/ hold that kith does not read (other extensions,
    // folders, conflict copies), temp files left by interrupted writes, and files in archive/
    // whose slug is also in contacts/, one invalid-file Error each.
    std::vector<Error> strays() const;
    // Calls `notice` with each conflict copy (conflict_copy.hpp) a listing of contacts/ or
    // archive/ finds, as an invalid-file Error saying how to fold it: such a file is never read as
    // a person.
    void on_conflict_copy(std::function<void(const Error&)> notice) { notice_ = std::move(notice); }
    // Reads and parses one contact file. Throws an invalid-file or I/O Error.
    Contact load_contact(const std::string& path, const Config& config) const;
    // Reads these contact files on all cores, in the order given, as each_contact reads them
    // (a file in git's conflict markers as far as it can be). Throws the first file's Error.
    std::vector<Contact> load_contacts(const std::vector<std::string>& paths, const Config& config) const;

    // Rewrites contact files in one Transaction: each edit gets the text read under the lock
    // and returns the new one; all of them are written or none. Returns the paths changed.
    using Edit = Transaction::Edit;
    std::vector<std::string> edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits,
                                           const Config& config) const;

private:
    struct Scan;
    Scan scan(bool include_archived) const;
    enum class Want { full, summaries, names };
    Network read_network(bool include_archived, std::optional<Day> today, Want want) const;
    void finish_pending_change() const;
    // Reads a contact file in git's conflict markers as far as it can be (one side's values);
    // nullopt when it holds none or cannot be read.
    std::optional<Contact> read_conflicted(const std::string& path, const Config& config) const;
    std::function<void(const Error&)> notice_;
};

}  // namespace kith
