#include "kith/store.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>

#include "kith/cache.hpp"
#include "kith/config_file.hpp"
#include "kith/conflict.hpp"
#include "kith/contact_file.hpp"

namespace kith {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail_io(const std::string& what, const std::string& path) {
    throw Error(ErrorKind::io, what + ": " + std::strerror(errno), Location{path, 0, 0});
}

// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool has_config(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "kith.yaml", ec);
}

void fsync_folder(const std::string& folder) {
    Fd dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
}

std::vector<std::string> yaml_files_in(const std::string& folder) {
    std::vector<std::string> names;
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) {
        if (errno == ENOENT) return names;
        fail_io("cannot list folder", folder);
    }
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        // Hidden files are kith's own temporaries or the user's; neither is a contact.
        if (name.empty() || name[0] == '.' || !name.ends_with(".yaml")) continue;
        names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

// Stats a file without following a final link; nullopt for links and for what is not there.
std::optional<FileStamp> stamp_of(const std::string& file) {
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
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
    const std::string folder = root + "/.kith";
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) fail_io("cannot make the lock folder", folder);
    const std::string path = folder + "/lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) fail_io("cannot open the lock", path);
    // Another kith may be writing: wait for it, but not forever.
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
        if (errno != EWOULDBLOCK) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorKind::io, "another kith process holds the lock for more than 10 seconds", Location{path, 0, 0});
}

WriteLock::~WriteLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

std::string Store::full(const std::string& path) const { return root_ + "/" + path; }

Config Store::load_config() const {
    if (!exists("kith.yaml")) return default_config();
    return parse_config(read("kith.yaml"), "kith.yaml");
}

namespace {

constexpr const char* cache_path = ".kith/cache";

}  // namespace

Contact Store::load_contact(const std::string& path, const Config& config) const {
    Contact contact = parse_contact(read(path), path, config);
    const size_t slash = path.rfind('/');
    contact.slug = path.substr(slash + 1, path.size() - slash - 1 - 5);
    contact.archived = path.starts_with("archive/");
    return contact;
}

Network Store::load(bool include_archived) const {
    const std::string config_bytes = exists("kith.yaml") ? read("kith.yaml") : "";
    Network network{root_, config_bytes.empty() ? default_config() : parse_config(config_bytes, "kith.yaml"), {}, {}};
    std::vector<std::string> paths;
    for (const std::string folder : {"contacts", "archive"}) {
        if (folder == "archive" && !include_archived) continue;
        for (const auto& name : yaml_files_in(full(folder))) paths.push_back(folder + "/" + name);
    }

    // Files whose stamp matches the cache are not read again; the rest are parsed in parallel.
    const std::uint64_t config_hash = hash_bytes(config_bytes);
    std::optional<ContactCache> old;
    if (exists(cache_path)) {
        try {
            old = decode_cache(read(cache_path, max_cache_bytes));
        } catch (const Error&) {
        }
    }
    if (old && old->config_hash != config_hash) old.reset();
    ContactCache fresh{config_hash, {}};
    std::vector<std::optional<FileStamp>> stamps(paths.size());
    std::vector<std::optional<Contact>> contacts(paths.size());
    std::vector<std::optional<Error>> problems(paths.size());
    std::vector<size_t> to_parse;
    for (size_t i = 0; i < paths.size(); ++i) {
        stamps[i] = stamp_of(full(paths[i]));  // taken before reading: a later change shows as a new stamp
        const auto cached = old ? old->entries.find(paths[i]) : decltype(old->entries.end()){};
        if (old && stamps[i] && cached != old->entries.end() && cached->second.stamp == *stamps[i]) {
            contacts[i] = cached->second.contact;
        } else {
            to_parse.push_back(i);
        }
    }
    run_parallel(to_parse.size(), [&](size_t k) {
        const size_t i = to_parse[k];
        try {
            contacts[i] = load_contact(paths[i], network.config);
        } catch (const Error& problem) {
            problems[i] = problem;
            try {  // a file in conflict is reported, and the person stays, as far as they can be read
                contacts[i] = read_conflicted_contact(read(paths[i]), paths[i], network.config);
            } catch (const Error&) {
            }
        }
    });
    for (size_t i = 0; i < paths.size(); ++i) {
        if (problems[i]) {
            network.problems.push_back(std::move(*problems[i]));
            if (contacts[i]) network.contacts.push_back(std::move(*contacts[i]));
            continue;
        }
        if (stamps[i]) fresh.entries.emplace(paths[i], CachedContact{*stamps[i], *contacts[i]});
        network.contacts.push_back(std::move(*contacts[i]));
    }
    // Archived people are kept in the cache even when not asked for, so that they stay warm.
    if (old && !include_archived)
        for (auto& [path, entry] : old->entries)
            if (path.starts_with("archive/")) fresh.entries.emplace(path, std::move(entry));
    if (!to_parse.empty() || !old || old->entries.size() != fresh.entries.size()) save_cache(fresh);
    return network;
}

void Store::save_cache(const ContactCache& cache) const {
    // The cache is an optimisation: a folder that cannot take it (read-only, full) still works.
    try {
        make_folder(".kith");
        write(cache_path, encode_cache(cache));
    } catch (const Error&) {
    }
}

std::string Store::read(const std::string& path, size_t limit) const {
    const std::string file = full(path);
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0) fail_io("cannot read", path);
    if (S_ISLNK(info.st_mode)) {
        std::error_code ec;
        const fs::path target = fs::canonical(file, ec);
        const fs::path base = fs::canonical(root_, ec);
        const auto [stop, unused] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
        if (ec || stop != base.end()) fail_at(path, 0, 0, "is a link that leads out of the network folder");
    }
    Fd fd{::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (fd.fd < 0) fail_io("cannot read", path);
    if (::fstat(fd.fd, &info) != 0) fail_io("cannot read", path);
    if (!S_ISREG(info.st_mode)) fail_at(path, 0, 0, "is not a regular file (a folder, pipe or device?)");
    if (static_cast<size_t>(info.st_size) > limit)
        fail_at(path, 0, 0, "is larger than 1 MiB; a contact file is far smaller, so this is not one");
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_io("cannot read", path);
        if (n == 0) break;
        bytes.append(buffer, static_cast<size_t>(n));
        if (bytes.size() > limit) fail_at(path, 0, 0, "is larger than 1 MiB");
    }
    return bytes;
}

bool Store::exists(const std::string& path) const {
    struct stat info {};
    return ::lstat(full(path).c_str(), &info) == 0;
}

void Store::make_folder(const std::string& path) const {
    std::error_code ec;
    fs::path current = root_;
    for (const auto& part : fs::path(path)) {
        current /= part;
        if (::mkdir(current.c_str(), 0700) != 0 && errno != EEXIST) fail_io("cannot make folder", current.string());
    }
}

void Store::write(const std::string& path, const std::string& bytes) const {
    const std::string file = full(path);
    const size_t slash = file.rfind('/');
    const std::string folder = file.substr(0, slash);
    std::string temp = folder + "/." + file.substr(slash + 1) + ".XXXXXX";
    Fd fd{::mkstemp(temp.data())};
    if (fd.fd < 0) fail_io("cannot write a temporary file", path);
    struct stat old {};
    const mode_t mode = ::stat(file.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0600;
    const auto abandon = [&](const char* what) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        fail_io(what, path);
    };
    if (::fchmod(fd.fd, mode) != 0) abandon("cannot set the mode of");
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd.fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) abandon("cannot write");
        written += static_cast<size_t>(n);
    }
    if (::fsync(fd.fd) != 0) abandon("cannot flush");
    if (::rename(temp.c_str(), file.c_str()) != 0) abandon("cannot replace");
    fsync_folder(folder);
}

void Store::move(const std::string& from, const std::string& to) const {
    if (exists(to)) throw Error(ErrorKind::usage, "'" + to + "' exists already; kith will not replace it");
    make_folder(to.substr(0, to.rfind('/')));
    if (::rename(full(from).c_str(), full(to).c_str()) != 0) fail_io("cannot move to " + to, from);
    fsync_folder(full(from.substr(0, from.rfind('/'))));
    fsync_folder(full(to.substr(0, to.rfind('/'))));
}

void Store::edit_contacts(const std::vector<std::pair<std::string, Edit>>& edits, const Config& config) const {
    const WriteLock lock(root_);
    std::vector<std::pair<std::string, std::string>> results;
    for (const auto& [path, edit] : edits) {
        const std::string before = read(path);
        parse_contact(before, path, config);  // never rewrite a file that does not parse
        std::string after = edit(before);
        try {
            parse_contact(after, path, config);  // and never write one that would not
        } catch (const Error& broken) {
            throw Error(ErrorKind::invalid, "kith's change would leave this file unreadable (" + broken.message() +
                                                "); nothing was written", Location{path, 0, 0});
        }
        results.emplace_back(path, std::move(after));
    }
    for (const auto& [path, bytes] : results) write(path, bytes);
}

}  // namespace kith
