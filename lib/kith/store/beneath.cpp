#include "kith/store/beneath.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>

#include "kith/base/error.hpp"

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

std::string joined(const std::vector<std::pair<SharedFd, std::string>>& stack, const std::string& last) {
    std::string out;
    for (const auto& [fd, name] : stack) out += name + "/";
    return out + last;
}

}  // namespace

void own_like_folder(int dir, int fd, const char* name) {
    if (::geteuid() != 0) return;
    struct stat folder {};
    if (::fstat(dir, &folder) != 0) return;
    if (fd >= 0) (void)::fchown(fd, folder.st_uid, folder.st_gid);
    else (void)::fchownat(dir, name, folder.st_uid, folder.st_gid, AT_SYMLINK_NOFOLLOW);
}

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

SharedFd Root::top() const {
    const std::lock_guard<std::mutex> held(mutex_);
    if (!top_.ok()) top_ = open_root(path_);
    return top_;
}

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
    }
    top = root.top();
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

void make_folder(const Root& root, const std::string& path) {
    const Place at = place(root, path, true, true);
    if (::mkdirat(at.dir.get(), at.name.c_str(), 0700) != 0 && errno != EEXIST) fail_io("cannot make folder", path);
    const Fd check(open_file(at, O_RDONLY | O_DIRECTORY));
    if (!check.ok()) fail_io("cannot make folder", path);
    own_like_folder(at.dir.get(), check.get(), at.name.c_str());
}

void remove_file(const Root& root, const std::string& path) {
    const Place at = place(root, path, false, false);
    if (at.dir.ok()) ::unlinkat(at.dir.get(), at.name.c_str(), 0);
}

void sync_folder(int dir) { (void)::fsync(dir); }

void sync_file_system(const Root& root) {
    if (::syncfs(root.top().get()) != 0) fail_io("cannot flush the files of", root.path());
}

std::vector<Entry> list_folder(const Root& root, const std::string& path) {
    std::vector<Entry> entries;
    // The root itself opened anew through its handle: a listing consumes the descriptor it reads.
    Fd fd = path.empty() ? Fd(::openat(root.top().get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC))
                         : Fd(open_file(place(root, path, true, false), O_RDONLY | O_DIRECTORY));
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

}  // namespace kith::beneath
