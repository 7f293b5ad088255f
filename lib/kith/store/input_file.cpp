#include "kith/store/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "kith/base/error.hpp"
#include "kith/store/beneath.hpp"

namespace kith {
namespace {

// Appends an open file's bytes to `bytes`, `block` bytes at a time, until `enough` (when given)
// is satisfied, more than `most` bytes are read, or the file ends; false when a read fails.
bool read_blocks(int fd, std::string& bytes, size_t block, size_t most, const std::function<bool(std::string_view)>& enough) {
    char buffer[65536];  // on the stack: thousands of small files read cost no allocation each
    block = std::min(block, sizeof buffer);
    while (bytes.size() <= most) {
        const ssize_t got = ::read(fd, buffer, block);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return false;
        if (got == 0) break;
        bytes.append(buffer, static_cast<size_t>(got));
        if (enough && enough(bytes)) break;
    }
    return true;
}

}  // namespace

InputFile read_input_file(const std::string& path, size_t most) {
    const beneath::Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!fd.ok()) throw Error(ErrorKind::io, std::string("cannot read (") + std::strerror(errno) + ")", Location{path, 0, 0});
    InputFile got;
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) throw Error(ErrorKind::io, "cannot read", Location{path, 0, 0});
    if (!S_ISREG(info.st_mode)) {
        got.kind = InputKind::not_a_file;
        return got;
    }
    if (!read_blocks(fd.get(), got.bytes, 65536, most, nullptr)) throw Error(ErrorKind::io, "cannot read", Location{path, 0, 0});
    if (got.bytes.size() > most) got.kind = InputKind::too_large;
    return got;
}

std::string read_input_text(const std::string& path) {
    const beneath::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    std::string bytes;
    if (!fd.ok() || !read_blocks(fd.get(), bytes, 65536, std::string().max_size() - 1, nullptr))
        beneath::fail_io("cannot read '" + path + "'", path);
    return bytes;
}

std::optional<std::string> read_input_start(const std::string& path, size_t most,
                                            const std::function<bool(std::string_view bytes)>& enough) {
    const beneath::Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    std::string bytes;
    if (!fd.ok()) return std::nullopt;
    read_blocks(fd.get(), bytes, 8192, most, enough);  // what was read before a failure is what there is
    return bytes;
}

std::unique_ptr<std::istream> open_input_stream(const std::string& path) {
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw Error(ErrorKind::io, "cannot open '" + path + "'");
    return in;
}

void remove_outside_file(const std::string& path) { ::unlink(path.c_str()); }

}  // namespace kith
