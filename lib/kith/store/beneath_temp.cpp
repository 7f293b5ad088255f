#include "kith/store/beneath_temp.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"

namespace kith::beneath {

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

std::vector<std::string> temps_beside_link_targets(const Root& root, const std::string& folder,
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
