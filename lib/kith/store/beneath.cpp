#include "kith/store/beneath.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"

namespace kith::beneath {

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

Fd::~Fd() {
    if (fd_ >= 0) ::close(fd_);
}

int Fd::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void fail_io(const std::string& what, const std::string& path) {
    throw Error(ErrorKind::io, what + ": " + std::strerror(errno), Location{path, 0, 0});
}

namespace {

[[noreturn]] void fail_escape(const std::string& path) {
    fail_at(path, 0, 0, "is a link that leads out of the network folder; kith reads and writes only inside it");
}

// True for git's own folder, in any case: a file system that ignores case reads ".GIT" as ".git".
bool is_git_folder(const std::string& name) { return ::strcasecmp(name.c_str(), ".git") == 0; }

std::deque<std::string> split(const std::string& path) {
    std::deque<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        const size_t slash = std::min(path.find('/', start), path.size());
        if (slash > start) parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

std::string real_path(const std::string& root) {
    char buffer[PATH_MAX];
    if (!::realpath(root.c_str(), buffer)) fail_io("cannot resolve the network folder", root);
    return buffer;
}

std::string read_link(int dir, const std::string& name, const std::string& path) {
    char buffer[PATH_MAX];
    const ssize_t n = ::readlinkat(dir, name.c_str(), buffer, sizeof buffer);
    if (n < 0 || static_cast<size_t>(n) >= sizeof buffer) fail_io("cannot read link", path);
    return std::string(buffer, static_cast<size_t>(n));
}

// When kith runs as root, what it creates belongs to whoever owns the folder around it.
void own_like_folder(int dir, int fd, const char* name) {
    if (::geteuid() != 0) return;
    struct stat folder {};
    if (::fstat(dir, &folder) != 0) return;
    if (fd >= 0) (void)::fchown(fd, folder.st_uid, folder.st_gid);
    else (void)::fchownat(dir, name, folder.st_uid, folder.st_gid, AT_SYMLINK_NOFOLLOW);
}

std::string joined(const std::vector<std::pair<SharedFd, std::string>>& stack, const std::string& last) {
    std::string out;
    for (const auto& [fd, name] : stack) out += name + "/";
    return out + last;
}

}  // namespace

Fd open_root(const std::string& root) {
    Fd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.ok()) fail_io("cannot open the network folder", root);
    return fd;
}

namespace {

// True when `name` in an open folder is a link (or cannot be looked at: the walk says why).
bool link_or_unknown(int dir, const std::string& name) {
    struct stat info {};
    if (::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0) return S_ISLNK(info.st_mode);
    return errno != ENOENT;
}

// Resolves a path one component at a time from the root, as place() says; records in the root
// the folder that holds the last name, under the name of the folder as written, unless a link
// at the end was followed (then that folder is not the one the path names).
Place walk(const Root& root, const std::string& path, bool follow_last, bool make_folders, const SharedFd& top,
           const std::function<void(Root::Opened)>& resolved) {
    std::vector<std::pair<SharedFd, std::string>> stack;  // folders below the root, with their names
    std::deque<std::string> parts = split(path);
    std::string real_root, last_link;  // the last link followed is what leads out, when one does
    int links = 0;
    bool followed_last = false;
    const auto here = [&]() -> const SharedFd& { return stack.empty() ? top : stack.back().first; };
    while (!parts.empty()) {
        const std::string part = parts.front();
        parts.pop_front();
        if (part == ".") continue;
        if (part == "..") {
            if (stack.empty()) fail_escape(last_link.empty() ? path : last_link);
            stack.pop_back();
            continue;
        }
        const bool last = parts.empty();
        // A link a repository brings (.kith -> .git) would have kith write git's files: .git itself
        // may be looked at (init asks whether there is one), never entered, nor followed to.
        if (is_git_folder(part) && (!last || follow_last))
            fail_at(last_link.empty() ? path : last_link, 0, 0,
                    "leads into .git/, git's own folder; kith never reads or writes git's files");
        struct stat info {};
        const bool present = ::fstatat(here().get(), part.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
        if (!present && errno != ENOENT) fail_io("cannot look at", joined(stack, part));
        if (present && S_ISLNK(info.st_mode) && (!last || follow_last)) {
            if (++links > 40) fail_at(path, 0, 0, "has too many links in a row");
            followed_last = followed_last || last;
            last_link = joined(stack, part);
            std::string target = read_link(here().get(), part, last_link);
            if (target.starts_with('/')) {
                if (real_root.empty()) real_root = real_path(root.path());
                if (target != real_root && !target.starts_with(real_root + "/")) fail_escape(last_link);
                target = target.substr(real_root.size());
                stack.clear();
            }
            std::deque<std::string> more = split(target);
            parts.insert(parts.begin(), more.begin(), more.end());
            continue;
        }
        if (last) {
            if (!followed_last) resolved(Root::Opened{here(), joined(stack, "")});
            return Place{here(), part, joined(stack, part)};
        }
        if (!present) {
            if (!make_folders) return Place{SharedFd(), parts.back(), path};
            if (::mkdirat(here().get(), part.c_str(), 0700) != 0 && errno != EEXIST)
                fail_io("cannot make folder", joined(stack, part));
            own_like_folder(here().get(), -1, part.c_str());
        }
        Fd next(::openat(here().get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.ok()) {
            // Missing, not a folder, or a folder another user (root) made that this one cannot open.
            if ((errno == ENOENT || errno == ENOTDIR || errno == EACCES) && !make_folders)
                return Place{SharedFd(), parts.back(), path};
            fail_io("cannot open folder", joined(stack, part));
        }
        stack.emplace_back(std::move(next), part);
    }
    throw Error(ErrorKind::usage, "'" + path + "' names the network folder itself, not a file in it");
}

}  // namespace

Place place(const Root& root, const std::string& path, bool follow_last, bool make_folders) {
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash);
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    // A folder resolved before, and a last name that needs no walk (no link to follow, no "..").
    const bool plain = !name.empty() && name != "." && name != ".." && !(follow_last && is_git_folder(name));
    std::optional<Root::Opened> known;
    SharedFd top;
    {
        const std::lock_guard<std::mutex> held(root.mutex_);
        if (const auto found = root.folders_.find(folder); plain && found != root.folders_.end()) known = found->second;
        if (!root.top_.ok()) root.top_ = open_root(root.path());
        top = root.top_;
    }
    if (known && (!follow_last || !link_or_unknown(known->fd.get(), name))) return Place{known->fd, name, known->resolved + name};
    return walk(root, path, follow_last, make_folders, top, [&](Root::Opened opened) {
        const std::lock_guard<std::mutex> held(root.mutex_);
        root.folders_.try_emplace(folder, std::move(opened));
    });
}

int open_file(const Place& at, int flags) {
    if (!at.dir.ok()) {
        errno = ENOENT;
        return -1;
    }
    return ::openat(at.dir.get(), at.name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
}

std::string read_file(const Root& root, const std::string& path, size_t limit) {
    const Place at = place(root, path, true, false);
    return read_in(at.dir.get(), at.name, path, limit);
}

std::optional<FileStamp> stamp_in(int dir, const std::string& name) {
    struct stat info {};
    if (dir < 0 || ::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    const auto ns = [](const timespec& t) {
        return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(t.tv_nsec);
    };
    return FileStamp{static_cast<std::uint64_t>(info.st_size), ns(info.st_mtim), ns(info.st_ctim),
                     static_cast<std::uint64_t>(info.st_ino), static_cast<std::uint64_t>(info.st_dev)};
}

std::string read_in(int dir, const std::string& name, const std::string& path, size_t limit) {
    Fd fd(dir < 0 ? (errno = ENOENT, -1) : ::openat(dir, name.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
    if (!fd.ok()) {
        if (errno == ELOOP) fail_at(path, 0, 0, "changed into a link while kith read it");
        fail_io("cannot read", path);
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) fail_io("cannot read", path);
    if (!S_ISREG(info.st_mode)) fail_at(path, 0, 0, "is not a regular file (a folder, pipe or device?)");
    if (static_cast<size_t>(info.st_size) > limit)
        fail_at(path, 0, 0, "is larger than 1 MiB; a contact file is far smaller, so this is not one");
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail_io("cannot read", path);
        if (n == 0) break;
        bytes.append(buffer, static_cast<size_t>(n));
        if (bytes.size() > limit) fail_at(path, 0, 0, "is larger than 1 MiB");
    }
    return bytes;
}

std::string write_temp(const Place& at, const std::string& bytes, bool flush) {
    return write_temp(at, std::vector<std::string_view>{bytes}, flush);
}

std::string write_temp(const Place& at, const std::vector<std::string_view>& pieces, bool flush) {
    size_t next_piece = 0;
    return write_temp(
        at, [&]() -> std::optional<std::string_view> {
            if (next_piece == pieces.size()) return std::nullopt;
            return pieces[next_piece++];
        },
        flush);
}

std::string write_temp(const Place& at, const std::function<std::optional<std::string_view>()>& next, bool flush,
                       bool private_mode) {
    if (!at.dir.ok()) {
        errno = ENOENT;
        fail_io("cannot write", at.path);
    }
    // The suffix always holds a lowercase letter (first) and an uppercase letter or digit
    // (second), so that is_temp_name can tell it from a word such as ".backup".
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string temp;
    Fd fd;
    for (int attempt = 0; attempt < 100 && !fd.ok(); ++attempt) {
        unsigned char random[6] = {};
        if (::getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random))
            for (size_t i = 0; i < sizeof random; ++i) random[i] = static_cast<unsigned char>(::getpid() + attempt * 7 + static_cast<int>(i));
        temp = "." + at.name + ".";
        temp += alphabet[random[0] % 26];
        temp += alphabet[26 + random[1] % 36];
        for (size_t i = 2; i < sizeof random; ++i) temp += alphabet[random[i] % 62];
        fd = Fd(::openat(at.dir.get(), temp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.ok() && errno != EEXIST) fail_io("cannot write a temporary file", at.path);
    }
    if (!fd.ok()) fail_io("cannot write a temporary file", at.path);
    const auto abandon = [&](const char* what) {
        const int saved = errno;
        ::unlinkat(at.dir.get(), temp.c_str(), 0);
        errno = saved;
        fail_io(what, at.path);
    };
    struct stat old {};
    if (!private_mode && ::fstatat(at.dir.get(), at.name.c_str(), &old, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(old.st_mode)) {
        if (::fchmod(fd.get(), old.st_mode & 07777) != 0) abandon("cannot set the mode of");
        // Keep the owner and group: root can always, a user can keep a group they are in.
        if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) && ::fchown(fd.get(), old.st_uid, old.st_gid) != 0) {
            if (::geteuid() == 0) abandon("cannot keep the owner of");
            (void)::fchown(fd.get(), static_cast<uid_t>(-1), old.st_gid);
        }
    } else {
        own_like_folder(at.dir.get(), fd.get(), nullptr);
    }
    while (const std::optional<std::string_view> piece = next()) {
        const std::string_view bytes = *piece;
        size_t written = 0;
        while (written < bytes.size()) {
            const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) abandon("cannot write");
            written += static_cast<size_t>(n);
        }
    }
    if (flush && ::fsync(fd.get()) != 0) abandon("cannot flush");
    return temp;
}

void remove_file(const Root& root, const std::string& path) {
    const Place at = place(root, path, false, false);
    if (at.dir.ok()) ::unlinkat(at.dir.get(), at.name.c_str(), 0);
}

void sync_folder(int dir) { (void)::fsync(dir); }

void sync_file_system(const std::string& root) {
    if (::syncfs(open_root(root).get()) != 0) fail_io("cannot flush the files of", root);
}

std::vector<Entry> list_folder(const std::string& root, const std::string& path) {
    std::vector<Entry> entries;
    Fd fd = path.empty() ? open_root(root) : Fd(open_file(place(root, path, true, false), O_RDONLY | O_DIRECTORY));
    if (!fd.ok()) {
        if (errno == ENOENT || errno == ENOTDIR || errno == EACCES) return entries;
        if (errno == ELOOP) fail_at(path, 0, 0, "changed into a link while kith read it");
        fail_io("cannot list folder", path);
    }
    DIR* dir = ::fdopendir(fd.get());
    if (!dir) fail_io("cannot list folder", path);
    const int dir_fd = fd.release();
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") continue;
        bool folder = entry->d_type == DT_DIR, link = entry->d_type == DT_LNK;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat info {};
            const bool known = ::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
            folder = known && S_ISDIR(info.st_mode);
            link = known && S_ISLNK(info.st_mode);
        }
        entries.push_back(Entry{name, folder, link});
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
}

namespace {

// True for the six characters write_temp puts after ".BASE.": letters or digits holding both a
// lowercase letter and an uppercase letter or digit.
bool is_temp_suffix(std::string_view suffix) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto upper_or_digit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    return suffix.size() == 6 && std::all_of(suffix.begin(), suffix.end(), [&](char c) { return lower(c) || upper_or_digit(c); }) &&
           std::any_of(suffix.begin(), suffix.end(), lower) && std::any_of(suffix.begin(), suffix.end(), upper_or_digit);
}

}  // namespace

bool is_temp_name(const std::string& folder, const std::string& name) {
    if (name.size() < 9 || name[0] != '.' || name[name.size() - 7] != '.') return false;
    const std::string base = name.substr(1, name.size() - 8);
    if (!is_temp_suffix(std::string_view(name).substr(name.size() - 6))) return false;
    if (folder == layout::state) return true;  // kith's own folder: the index, the record, edit copies
    // kith writes only contact files in contacts/ and archive/: "slug.yaml", never hidden
    return base.size() > 5 && base.ends_with(".yaml") && !base.starts_with('.');
}

std::vector<std::string> temps_beside_link_targets(const std::string& root, const std::string& folder,
                                                   const std::vector<Entry>& entries) {
    std::vector<std::string> found;
    for (const auto& entry : entries) {
        if (!entry.link) continue;
        try {
            const Place at = place(root, folder + "/" + entry.name, true, false);
            const std::string dir = at.path.substr(0, at.path.size() - at.name.size());  // "people/", or "" at the root
            if (!at.dir.ok() || layout::in_people_folder(at.path)) continue;  // those are cleaned as they are
            const std::string prefix = "." + at.name + ".";
            for (const auto& other : list_folder(root, dir.empty() ? "" : dir.substr(0, dir.size() - 1)))
                if (!other.folder && !other.link && other.name.size() == prefix.size() + 6 && other.name.starts_with(prefix) &&
                    is_temp_suffix(std::string_view(other.name).substr(prefix.size())))
                    found.push_back(dir + other.name);
        } catch (const Error&) {  // a link that leads out: kith writes nothing through it
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace kith::beneath
