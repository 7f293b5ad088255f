#include "kith/store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>

#include "kith/beneath.hpp"
#include "kith/index.hpp"
#include "kith/config_file.hpp"
#include "kith/conflict.hpp"
#include "kith/contact_file.hpp"
#include "kith/transaction.hpp"

namespace kith {
namespace fs = std::filesystem;
using beneath::Fd;
namespace {

bool has_config(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "kith.yaml", ec);
}

bool is_contact_name(const std::string& name) { return !name.starts_with('.') && name.ends_with(".yaml"); }

// Stats a file in an open folder without following a link; nullopt for links and for what is not there.
std::optional<FileStamp> stamp_of(int dir, const std::string& name) {
    struct stat info {};
    if (dir < 0 || ::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    const auto ns = [](const timespec& t) {
        return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(t.tv_nsec);
    };
    return FileStamp{static_cast<std::uint64_t>(info.st_size), ns(info.st_mtim), ns(info.st_ctim),
                     static_cast<std::uint64_t>(info.st_ino), static_cast<std::uint64_t>(info.st_dev)};
}

// Runs work(i) for every i below n, on up to as many threads as the machine has cores.
template <typename Work>
void run_parallel(size_t n, const Work& work) {
    const size_t threads = std::min<size_t>(std::max(1U, std::thread::hardware_concurrency()), 8);
    if (n < 64 || threads == 1) {
        for (size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (size_t i = t; i < n; i += threads) work(i);
        });
    for (auto& thread : pool) thread.join();
}

}  // namespace

std::string find_network(const Whereabouts& where) {
    if (where.dir_option) {
        if (!has_config(*where.dir_option))
            fail_usage("no kith network in '" + *where.dir_option + "' (no kith.yaml there); run 'kith init " +
                       *where.dir_option + "'");
        return *where.dir_option;
    }
    if (where.kith_dir && !where.kith_dir->empty()) {
        if (!has_config(*where.kith_dir))
            fail_usage("no kith network in '" + *where.kith_dir + "' (from $KITH_DIR; no kith.yaml there); run 'kith init'");
        return *where.kith_dir;
    }
    for (fs::path dir = fs::path(where.working_dir); !dir.empty(); dir = dir.parent_path()) {
        if (has_config(dir)) return dir.string();
        if (dir == dir.parent_path()) break;
    }
    if (has_config(where.data_home + "/kith")) return where.data_home + "/kith";
    fail_usage("no kith network found: looked for kith.yaml in --dir, $KITH_DIR, '" + where.working_dir +
               "' and the folders above it, and '" + where.data_home + "/kith'; run 'kith init' to make one");
}

WriteLock::WriteLock(const std::string& root) {
    // The folder itself is locked, not a file in .kith/: deleting .kith/ cannot let a second
    // writer in, a link cannot redirect the lock, and a root run leaves no file behind.
    fd_ = beneath::open_root(root).release();
    // Another kith may be writing: wait for it, but not forever.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
        if (errno != EWOULDBLOCK) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorKind::io, "another kith process holds the lock for more than 10 seconds", Location{root, 0, 0});
}

WriteLock::~WriteLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

void Store::test_step([[maybe_unused]] const std::string& step) const {
#ifdef KITH_TEST_HOOKS
    if (step == hooks_.crash_at) ::raise(SIGKILL);
    if (step == hooks_.fail_at) {
        errno = ENOSPC;
        beneath::fail_io("injected failure at step '" + step + "'", root_);
    }
    if (step == hooks_.pause_at && !hooks_.pause_file.empty()) {
        // Says "here" by making the file, then waits (at most 20 s) until the test removes it.
        const int fd = ::open(hooks_.pause_file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0) ::close(fd);
        struct stat info {};
        for (int i = 0; i < 2000 && ::stat(hooks_.pause_file.c_str(), &info) == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
#endif
}

Config Store::load_config() const {
    if (!exists("kith.yaml")) return default_config();
    return parse_config(read("kith.yaml"), "kith.yaml");
}

namespace {

constexpr const char* index_path = ".kith/index";

}  // namespace

Contact Store::load_contact(const std::string& path, const Config& config) const {
    Contact contact = parse_contact(read(path), path, config);
    const size_t slash = path.rfind('/');
    contact.slug = path.substr(slash + 1, path.size() - slash - 1 - 5);
    contact.archived = path.starts_with("archive/");
    return contact;
}

namespace {

Contact contact_at(int folder, const std::string& path, const Config& config) {
    const std::string name = path.substr(path.find('/') + 1);
    Contact contact = parse_contact(beneath::read_in(folder, name, path, max_file_bytes), path, config);
    contact.slug = name.substr(0, name.size() - 5);
    contact.archived = path.starts_with("archive/");
    return contact;
}

}  // namespace

// The contact files of the network, each stamped before it is read (a later change shows as a new stamp).
struct Store::Scan {
    std::vector<std::string> paths;
    std::vector<std::optional<FileStamp>> stamps;  // nullopt for a link: read through the resolver
    std::vector<int> folder_of;                    // each file's folder, opened once: reads go through it
    std::vector<Fd> folders;
};

Store::Scan Store::scan(bool include_archived) const {
    // A change an earlier kith left half-done is finished before anything is read.
    if (exists(".kith/intent")) {
        try {
            const WriteLock lock(root_);
            finish_pending(*this);
        } catch (const Error&) {  // a read-only folder still reads; the next writer finishes it
        }
    }
    Scan found;
    for (const std::string folder : {"contacts", "archive"}) {
        if (folder == "archive" && !include_archived) continue;
        const beneath::Place at = beneath::place(root_, folder, true, false);
        found.folders.emplace_back(beneath::open_file(at, O_RDONLY | O_DIRECTORY));
        for (const auto& entry : beneath::list_folder(root_, folder)) {
            if (!is_contact_name(entry.name)) continue;  // a folder named *.yaml is reported as one
            found.paths.push_back(folder + "/" + entry.name);
            found.folder_of.push_back(found.folders.back().get());
            found.stamps.push_back(stamp_of(found.folders.back().get(), entry.name));
        }
    }
    return found;
}

Network Store::read_network(bool include_archived, std::optional<Day> today, bool summaries) const {
    const Scan found = scan(include_archived);
    Network network{root_, load_config(), {}, {}};
    const std::vector<std::string>& paths = found.paths;
    const std::uint64_t key = settings_key(network.config);
    std::optional<NetworkIndex> old;
    try {
        if (exists(index_path)) old = decode_index(read(index_path, max_index_bytes));
    } catch (const Error&) {
    }
    if (old && old->settings_key != key) old.reset();
    network.contacts.reserve(paths.size());  // no regrowth: it would hold two copies at once

    // A file whose stamp matches the index is not read (for summaries); the rest are parsed in parallel.
    std::vector<std::optional<Contact>> contacts(paths.size());
    std::vector<std::optional<Error>> problems(paths.size());
    std::vector<IndexEntry*> indexed(paths.size(), nullptr);
    std::vector<size_t> to_parse;
    for (size_t i = 0; i < paths.size(); ++i) {
        const auto at = old ? old->entries.find(paths[i]) : decltype(old->entries.end()){};
        if (old && found.stamps[i] && at != old->entries.end() && at->second.stamp == *found.stamps[i])
            indexed[i] = &at->second;
        // A summary stands for its file only on days after its newest entry (--today in the past reads the file).
        const bool summary_holds =
            indexed[i] && (!today || !indexed[i]->newest_entry || *indexed[i]->newest_entry <= *today);
        if (!summaries || !summary_holds) to_parse.push_back(i);
    }
    run_parallel(to_parse.size(), [&](size_t k) {
        const size_t i = to_parse[k];
        try {
            // A regular file is read through its open folder; anything else (a link) through the resolver.
            contacts[i] = found.stamps[i] ? contact_at(found.folder_of[i], paths[i], network.config)
                                          : load_contact(paths[i], network.config);
        } catch (const Error& problem) {
            problems[i] = problem;
            try {  // a file in conflict is reported, and the person stays, as far as they can be read
                contacts[i] = read_conflicted_contact(read(paths[i]), paths[i], network.config);
            } catch (const Error&) {
            }
        }
    });
    // The index is rewritten only when it would change: a file new or changed, one gone or broken.
    size_t kept = 0;
    bool changed = !old;
    for (size_t i = 0; i < paths.size(); ++i) {
        if (problems[i] || !found.stamps[i]) continue;
        ++kept;
        changed = changed || !indexed[i];
    }
    if (old && !include_archived)
        for (const auto& entry : old->entries)
            if (entry.first.starts_with("archive/")) ++kept;
    changed = changed || old->entries.size() != kept;
    NetworkIndex fresh{key, {}};
    for (size_t i = 0; i < paths.size(); ++i) {
        if (problems[i]) {  // never indexed: a broken file is read, and reported, every time
            network.problems.push_back(std::move(*problems[i]));
            if (contacts[i]) network.contacts.push_back(std::move(*contacts[i]));
        } else if (contacts[i]) {
            if (changed && found.stamps[i])
                fresh.entries.emplace(paths[i], indexed[i] ? std::move(*indexed[i]) : summarize(*contacts[i], *found.stamps[i]));
            network.contacts.push_back(std::move(*contacts[i]));
        } else if (changed) {
            network.contacts.push_back(indexed[i]->summary);
            fresh.entries.emplace(paths[i], std::move(*indexed[i]));
        } else {
            network.contacts.push_back(std::move(indexed[i]->summary));
        }
    }
    if (!changed) return network;
    // Archived people stay in the index even when not asked for, so that they stay warm.
    if (old && !include_archived)
        for (auto& [path, entry] : old->entries)
            if (path.starts_with("archive/")) fresh.entries.emplace(path, std::move(entry));
    save_index(fresh);
    return network;
}

Network Store::each_contact(bool include_archived, const std::function<void(std::vector<Contact>&)>& use,
                            const std::function<void(const Error&)>& report) const {
    const Scan found = scan(include_archived);
    Network network{root_, load_config(), {}, {}};
    constexpr size_t chunk = 512;
    for (size_t from = 0; from < found.paths.size(); from += chunk) {
        const size_t n = std::min(chunk, found.paths.size() - from);
        std::vector<std::optional<Contact>> contacts(n);
        std::vector<std::optional<Error>> problems(n);
        run_parallel(n, [&](size_t k) {
            const size_t i = from + k;
            try {
                contacts[k] = found.stamps[i] ? contact_at(found.folder_of[i], found.paths[i], network.config)
                                              : load_contact(found.paths[i], network.config);
            } catch (const Error& problem) {
                problems[k] = problem;
                try {  // a file in conflict is reported, and the person stays, as far as they can be read
                    contacts[k] = read_conflicted_contact(read(found.paths[i]), found.paths[i], network.config);
                } catch (const Error&) {
                }
            }
        });
        std::vector<Contact> read_now;
        for (size_t k = 0; k < n; ++k) {
            if (problems[k] && report) report(*problems[k]);
            if (problems[k]) network.problems.push_back(std::move(*problems[k]));
            if (contacts[k]) read_now.push_back(std::move(*contacts[k]));
        }
        use(read_now);
    }
    return network;
}

Network Store::load(bool include_archived, bool use_cache) const {
    if (!use_cache) {  // everything read afresh; the index is neither read nor written
        std::vector<Contact> all;
        Network network = each_contact(include_archived, [&](std::vector<Contact>& read_now) {
            for (auto& contact : read_now) all.push_back(std::move(contact));
        });
        network.contacts = std::move(all);
        return network;
    }
    return read_network(include_archived, std::nullopt, false);
}

Network Store::load_summaries(bool include_archived, std::optional<Day> today) const {
    return read_network(include_archived, today, true);
}

std::vector<Error> Store::strays() const {
    std::vector<Error> found;
    for (const std::string folder : {"contacts", "archive", ".kith"}) {
        for (const auto& entry : beneath::list_folder(root_, folder)) {
            const std::string path = folder + "/" + entry.name;
            if (beneath::is_temp_name(entry.name) && !entry.folder)
                found.emplace_back(ErrorKind::invalid, "a temp file left by an interrupted write; the next kith write removes it",
                                   Location{path, 0, 0});
            else if (folder == ".kith" || entry.name.starts_with('.') || entry.name.ends_with(".yaml"))
                continue;  // the user's hidden files, kith's own cache, and what load() reports
            else if (entry.folder)
                found.emplace_back(ErrorKind::invalid, "is a folder; kith reads no folders inside " + folder + "/",
                                   Location{path, 0, 0});
            else if (!entry.name.ends_with(".yaml"))
                found.emplace_back(ErrorKind::invalid, "is not read: contact files end in '.yaml'", Location{path, 0, 0});
        }
    }
    return found;
}

void Store::save_index(const NetworkIndex& index) const {
    // The index is derived data: never flushed to disk (a crash leaves an old or a torn one, both
    // ignored); a folder that cannot take it (read-only, full) still works, and it never takes
    // the space a real write needs (twice its size plus 64 MiB stay free).
    try {
        const std::string bytes = encode_index(index);
        const Fd root = beneath::open_root(root_);
        struct statvfs space {};
        if (::fstatvfs(root.get(), &space) != 0) return;
        const auto free_bytes = static_cast<unsigned long long>(space.f_bavail) * space.f_frsize;
        if (free_bytes < 2ULL * bytes.size() + (64ULL << 20)) return;
        make_folder(".kith");
        const beneath::Place at = beneath::place(root_, index_path, true, true);
        const std::string temp = beneath::write_temp(at, bytes, false);
        if (::renameat(at.dir.get(), temp.c_str(), at.dir.get(), at.name.c_str()) != 0)
            ::unlinkat(at.dir.get(), temp.c_str(), 0);
    } catch (const Error&) {
    }
}

std::string Store::read(const std::string& path, size_t limit) const { return beneath::read_file(root_, path, limit); }

bool Store::exists(const std::string& path) const {
    const beneath::Place at = beneath::place(root_, path, false, false);
    struct stat info {};
    return at.dir.ok() && ::fstatat(at.dir.get(), at.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

void Store::make_folder(const std::string& path) const {
    const beneath::Place at = beneath::place(root_, path, true, true);
    if (::mkdirat(at.dir.get(), at.name.c_str(), 0700) != 0 && errno != EEXIST) beneath::fail_io("cannot make folder", path);
    const Fd check(beneath::open_file(at, O_RDONLY | O_DIRECTORY));
    if (!check.ok()) beneath::fail_io("cannot make folder", path);
    if (::geteuid() == 0) {  // a folder made by root belongs to whoever owns the one around it
        struct stat parent {};
        if (::fstat(at.dir.get(), &parent) == 0) (void)::fchown(check.get(), parent.st_uid, parent.st_gid);
    }
}

void Store::write(const std::string& path, const std::string& bytes, size_t limit) const {
    if (bytes.size() > limit)
        fail_at(path, 0, 0, "the change would make it larger than 1 MiB, the most kith reads; nothing was written");
    const beneath::Place at = beneath::place(root_, path, true, true);
    const std::string temp = beneath::write_temp(at, bytes);
    if (::renameat(at.dir.get(), temp.c_str(), at.dir.get(), at.name.c_str()) != 0) {
        const int saved = errno;
        ::unlinkat(at.dir.get(), temp.c_str(), 0);
        errno = saved;
        beneath::fail_io("cannot replace", path);
    }
    beneath::sync_folder(at.dir.get());
}

void Store::move(const std::string& from, const std::string& to) const {
    Transaction change(*this, load_config());
    change.move(from, to);
    change.commit();
}

std::vector<std::string> Store::edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits,
                                              const Config& config) const {
    Transaction change(*this, config);
    for (const auto& [path, edit] : edits) change.edit(path, edit);
    return change.commit();
}

}  // namespace kith
