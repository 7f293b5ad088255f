#include "kith/store/outside_file.hpp"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <iterator>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/beneath_temp.hpp"

namespace kith {
namespace {

// The folder without trailing slashes: "out/" would have open() follow a link named "out".
std::string without_trailing_slashes(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path.empty() ? "." : path;
}

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
    throw Error(ErrorKind::io, why, Location{path, 0, 0});
}

// Makes each missing folder of `path` with mode 0700; existing ones are left as they are.
void make_folders(const std::string& path) {
    for (size_t end = path.find('/', 1);; end = path.find('/', end + 1)) {
        const std::string prefix = path.substr(0, end);
        struct stat info {};
        if (::lstat(prefix.c_str(), &info) != 0) {
            if (errno != ENOENT || (::mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST))
                beneath::fail_io("cannot make the folder", prefix);
        }
        if (end == std::string::npos) return;
    }
}

// Refuses anything but a regular file or nothing at `name`; returns true when a file is there.
bool regular_or_absent(int dir, const std::string& name, const std::string& path) {
    struct stat info {};
    if (::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) return false;
        beneath::fail_io("cannot look at", path);
    }
    if (S_ISLNK(info.st_mode)) refuse(path, "is a link; kith never writes through one: remove it, or write elsewhere");
    if (!S_ISREG(info.st_mode)) refuse(path, "is not a regular file (a folder, a pipe or a device?); give the name of a file");
    return true;
}

}  // namespace

OutsideFolder::OutsideFolder(std::string path, bool make) : path_(without_trailing_slashes(std::move(path))) {
    if (make) make_folders(path_);
    struct stat info {};
    if (::lstat(path_.c_str(), &info) == 0 && S_ISLNK(info.st_mode))
        refuse(path_, "is a link; kith writes into a folder itself, never through a link: give the folder it leads to");
    fd_ = beneath::Fd(::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd_.ok()) beneath::fail_io(errno == ENOTDIR ? "is not a folder" : "cannot write into the folder", path_);
}

std::string OutsideFolder::path_of(const std::string& name) const {
    return path_ == "." ? name : path_ == "/" ? "/" + name : path_ + "/" + name;
}

std::optional<std::string> OutsideFolder::head(const std::string& name, size_t most) const {
    const std::string path = path_of(name);
    if (!regular_or_absent(fd_.get(), name, path)) return std::nullopt;
    const beneath::Fd fd(::openat(fd_.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    struct stat info {};
    if (!fd.ok() || ::fstat(fd.get(), &info) != 0) beneath::fail_io("cannot read", path);
    if (!S_ISREG(info.st_mode)) refuse(path, "is not a regular file (a folder, a pipe or a device?); give the name of a file");
    // As much as the file holds (and a byte more, to see it grew), never `most` bytes for a small file.
    const size_t want = std::min(most, static_cast<size_t>(info.st_size) + 1);
    std::string bytes(want, '\0');
    const ssize_t n = ::pread(fd.get(), bytes.data(), want, 0);
    if (n < 0) beneath::fail_io("cannot read", path);
    bytes.resize(static_cast<size_t>(n));
    return bytes;
}

void OutsideFolder::write(const std::string& name, std::string_view text) const {
    const std::string path = path_of(name);
    regular_or_absent(fd_.get(), name, path);
    beneath::Place at{beneath::Fd(::dup(fd_.get())), name, path};
    if (!at.dir.ok()) beneath::fail_io("cannot open the folder", path_);
    bool given = false;
    const std::string temp = beneath::write_temp(
        at,
        [&]() -> std::optional<std::string_view> {
            if (given) return std::nullopt;
            given = true;
            return text;
        },
        true, true);
    // rename() replaces whatever is at `name` now, a link planted since the check included, and follows none.
    if (::renameat(fd_.get(), temp.c_str(), fd_.get(), name.c_str()) != 0) {
        const int saved = errno;
        ::unlinkat(fd_.get(), temp.c_str(), 0);
        errno = saved;
        beneath::fail_io("cannot write", path);
    }
    beneath::sync_folder(fd_.get());
}

void write_outside_file(const std::string& path, std::string_view text) {
    const size_t slash = path.rfind('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty() || name == "." || name == "..") refuse(path, "names a folder; give the name of a file");
    OutsideFolder(slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash), false).write(name, text);
}

void refuse_network_place(const std::string& path, const std::string& network) {
    namespace fs = std::filesystem;
    std::error_code target_error, root_error;
    const fs::path target = fs::weakly_canonical(path, target_error);
    const fs::path root = fs::weakly_canonical(network, root_error);
    if (target_error || root_error) return;  // nothing to compare: the write says why
    static constexpr std::array<std::string_view, 4> folders = {layout::contacts, layout::archive, layout::state, ".git"};
    static constexpr std::array<std::string_view, 3> files = {"kith.yaml", ".gitattributes", ".gitignore"};
    const auto [end, inside] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    if (end != root.end() || inside == target.end()) return;  // not below the network's folder
    const std::string first = inside->string();
    const bool top = std::next(inside) == target.end();
    const bool own_file = top && std::find(files.begin(), files.end(), first) != files.end();
    if (!own_file && std::find(folders.begin(), folders.end(), first) == folders.end()) return;
    const std::string what = own_file ? "is the network's own file"
                                      : std::string(top ? "is" : "lies in") + " the network's own folder '" + first + "/'";
    throw Error(ErrorKind::usage, what + ": an output there would replace or mix with what kith reads; write it elsewhere",
                Location{path, 0, 0});
}

}  // namespace kith
