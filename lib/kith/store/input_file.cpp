#include "kith/store/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "kith/base/error.hpp"

namespace kith {

InputFile read_input_file(const std::string& path, size_t most) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorKind::io, std::string("cannot read (") + std::strerror(errno) + ")", Location{path, 0, 0});
    InputFile got;
    const auto finish = [&](InputKind kind) {
        ::close(fd);
        got.kind = kind;
        return got;
    };
    const auto fail = [&] {
        ::close(fd);
        throw Error(ErrorKind::io, "cannot read", Location{path, 0, 0});
    };
    struct stat info {};
    if (::fstat(fd, &info) != 0) fail();
    if (!S_ISREG(info.st_mode)) return finish(InputKind::not_a_file);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail();
        if (n == 0) break;
        got.bytes.append(buffer, static_cast<size_t>(n));
        if (got.bytes.size() > most) return finish(InputKind::too_large);
    }
    return finish(InputKind::file);
}

std::unique_ptr<std::istream> open_input_stream(const std::string& path) {
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw Error(ErrorKind::io, "cannot open '" + path + "'");
    return in;
}

void remove_outside_file(const std::string& path) { ::unlink(path.c_str()); }

}  // namespace kith
