#include "kith/store/folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "kith/store/beneath_temp.hpp"
#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"

namespace kith {
using beneath::Fd;

void refuse_over_cap(const std::string& path, size_t bytes, size_t limit) {
    if (bytes > limit)
        fail_at(path, 0, 0, "the change would make it larger than 1 MiB, the most kith reads; nothing was written");
}

WriteLock::WriteLock(const beneath::Root& root) {
    // The folder itself is locked, not a file in .kith/: deleting .kith/ cannot let a second
    // writer in, a link cannot redirect the lock, and a root run leaves no file behind. It is
    // opened anew from the command's handle: the same folder, and a lock of its own (a flock
    // belongs to an open folder, and a second Transaction of one process must wait as another's).
    fd_ = ::openat(root.top().get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) beneath::fail_io("cannot open the network folder", root.path());
    // Another kith may be writing: wait for it, but not forever.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
        if (errno != EWOULDBLOCK) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorKind::io, "another kith process holds the lock for more than 10 seconds", Location{root.path(), 0, 0});
}

WriteLock::~WriteLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

void Folder::test_step([[maybe_unused]] const std::string& step) const {
#ifdef KITH_TEST_HOOKS
    if (step == hooks_.crash_at) ::raise(SIGKILL);
    if (step == hooks_.fail_at) {
        errno = ENOSPC;
        beneath::fail_io("injected failure at step '" + step + "'", path());
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

size_t Folder::held_text_budget() const {
#ifdef KITH_TEST_HOOKS
    const std::string& bytes = hooks_.held_text_bytes;
    if (!bytes.empty() && bytes.size() < 12 && bytes.find_first_not_of("0123456789") == std::string::npos)
        return std::stoull(bytes);
#endif
    return size_t{4} << 20;
}

std::string Folder::read(const std::string& path, size_t limit) const { return beneath::read_file(root(), path, limit); }

bool Folder::exists(const std::string& path) const {
    const beneath::Place at = beneath::place(root(), path, false, false);
    struct stat info {};
    return at.dir.ok() && ::fstatat(at.dir.get(), at.name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
}

bool Folder::tracked_by_git(const std::vector<std::string>& paths) const {
    if (!host_.tracked) return false;
    std::vector<std::string> asked = paths;  // and where they lead: git says nothing beyond a link it tracks (.kith)
    for (const auto& path : paths) {
        try {
            if (const std::string real = beneath::place(root(), path, true, false).path; real != path) asked.push_back(real);
        } catch (const Error&) {  // a link that leads out: reading through it is refused
        }
    }
    return host_.tracked(asked);
}

bool Folder::holds(const std::string& path, std::string_view bytes) const {
    const beneath::Place at = beneath::place(root(), path, false, false);
    const Fd fd(beneath::open_file(at, O_RDONLY | O_NONBLOCK));
    struct stat info {};
    if (!fd.ok() || ::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode) || static_cast<size_t>(info.st_size) != bytes.size())
        return false;
    char buffer[65536];
    size_t at_byte = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return at_byte == bytes.size();
        const auto got = static_cast<size_t>(n);
        if (at_byte + got > bytes.size() || bytes.compare(at_byte, got, std::string_view(buffer, got)) != 0) return false;
        at_byte += got;
    }
}

namespace {

// Refuses, as a bug, a path outside .kith/: the network's files change only through a Transaction.
void require_state(const std::string& path) {
    if (!path.starts_with(std::string(layout::state) + "/"))
        throw std::logic_error("kith writes its own files in " + std::string(layout::state) + "/ only, not " + path);
}

}  // namespace

void Folder::make_state_folder() const { beneath::make_folder(root(), layout::state); }

void Folder::write_state(const std::string& path, const std::string& bytes, size_t limit) const {
    require_state(path);
    refuse_over_cap(path, bytes.size(), limit);
    make_state_folder();
    const beneath::Place at = beneath::place(root(), path, true, true);
    const std::string temp = beneath::write_temp(at, bytes);
    if (::renameat(at.dir.get(), temp.c_str(), at.dir.get(), at.name.c_str()) != 0) {
        const int saved = errno;
        ::unlinkat(at.dir.get(), temp.c_str(), 0);
        errno = saved;
        beneath::fail_io("cannot replace", path);
    }
    beneath::sync_folder(at.dir.get());
}

void Folder::remove_state(const std::string& path) const {
    require_state(path);
    const beneath::Place at = beneath::place(root(), path, false, false);
    if (!at.dir.ok()) return;
    if (::unlinkat(at.dir.get(), at.name.c_str(), 0) != 0 && errno != ENOENT) beneath::fail_io("cannot remove", path);
    beneath::sync_folder(at.dir.get());
}

}  // namespace kith
