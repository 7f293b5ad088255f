#pragma once
// Files kith writes outside the network (export -o, report -o, merge-file's result): besides
// the store, the one place in the library that touches the file system, on purpose. Every file
// is made under an unpredictable name (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600) in its target's
// folder, written, flushed and renamed into place, then the folder is flushed; a link, folder,
// pipe or device at the target is refused, never followed or opened.
#include <optional>
#include <string>
#include <string_view>

#include "kith/store/beneath.hpp"

namespace kith {

// A folder kith writes files into, opened once: every file in it is reached through that
// handle. The folder's own name is never followed when it is a link; the folders above it are
// the user's path, taken as given.
class OutsideFolder {
public:
    // Opens the folder at `path` ("" is the working folder). With `make`, missing folders are
    // made with mode 0700 (an existing one keeps its mode). Throws an I/O Error naming the
    // path when it is a link, not a folder, or cannot be opened or made.
    OutsideFolder(std::string path, bool make);
    // Returns the first `most` bytes of the regular file `name` in the folder, or nullopt when
    // nothing is there. Throws an I/O Error when something else is there (a link, a folder, a pipe).
    std::optional<std::string> head(const std::string& name, size_t most) const;
    // Returns the stamp of the regular file `name` in the folder (not following a link), or
    // nullopt when it is not there or is something else.
    std::optional<FileStamp> stamp(const std::string& name) const { return beneath::stamp_in(fd_.get(), name); }
    // Writes `text` as the file `name` (mode 0600, whatever it replaces): a temp file beside
    // it, flushed, renamed over it. Throws an I/O Error, before writing anything, when
    // something other than a regular file is at `name`.
    void write(const std::string& name, std::string_view text) const;
    // Returns the path of `name` in the folder, as the user gave the folder: for messages.
    std::string path_of(const std::string& name) const;

private:
    std::string path_;
    beneath::Fd fd_;
};

// Writes `text` to the file at `path` as OutsideFolder::write does; its folder must exist.
void write_outside_file(const std::string& path, std::string_view text);

// Throws a usage Error when `path` (an output kith is to write, or its folder) is the network
// at `network`'s own: in or under its contacts/, archive/, .kith/ or .git/ folder, or its
// kith.yaml, .gitattributes or .gitignore. Links and ".." are resolved first; a part of `path`
// that does not exist yet is taken as written.
void refuse_network_place(const std::string& path, const std::string& network);

}  // namespace kith
