#include "kith/store/scratch.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <random>

#include <fmt/format.h>

#include "kith/model/layout.hpp"

namespace kith {

void ScratchFile::open() {
    const beneath::Place at = beneath::place(network_.root(), layout::in_state("scratch"), false, true);
    fd_ = beneath::Fd(::openat(at.dir.get(), ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600));
    // A file system without O_TMPFILE: a file of an unpredictable name, unlinked at once.
    std::random_device random;
    for (int attempt = 0; !fd_.ok() && attempt < 100; ++attempt) {
        const std::string name = fmt::format(".scratch-{:08x}{:08x}", random(), random());
        fd_ = beneath::Fd(::openat(at.dir.get(), name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (fd_.ok()) ::unlinkat(at.dir.get(), name.c_str(), 0);
        else if (errno != EEXIST) break;
    }
    if (!fd_.ok()) beneath::fail_io("cannot make a scratch file in", network_.path() + "/.kith");
}

ScratchFile::Span ScratchFile::append(std::string_view text) {
    if (!fd_.ok()) open();
    const Span span{end_, text.size()};
    for (size_t done = 0; done < text.size();) {
        const ssize_t n = ::pwrite(fd_.get(), text.data() + done, text.size() - done, static_cast<off_t>(end_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) beneath::fail_io("cannot write a scratch file in", network_.path() + "/.kith");
        done += static_cast<size_t>(n);
    }
    end_ += text.size();
    return span;
}

std::string ScratchFile::read(Span span) const {
    std::string text(span.size, '\0');
    for (size_t done = 0; done < text.size();) {
        const ssize_t n = ::pread(fd_.get(), text.data() + done, text.size() - done, static_cast<off_t>(span.offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) beneath::fail_io("cannot read a scratch file in", network_.path() + "/.kith");
        done += static_cast<size_t>(n);
    }
    return text;
}

}  // namespace kith
