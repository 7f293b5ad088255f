#pragma once
// A file with no name in the network's .kith/, for texts too many to hold in memory at once:
// appended to, read back by the place each append returned. Made on the first append, with no
// name from the start (O_TMPFILE; else made and unlinked at once), so nothing is left of it when
// kith ends, even by a kill.
#include <cstdint>
#include <string>
#include <string_view>

#include "kith/store/beneath.hpp"
#include "kith/store/folder.hpp"

namespace kith {

// Texts kept on disk rather than in memory, for the length of one run.
class ScratchFile {
public:
    // Where a text appended lies in the file.
    struct Span {
        std::uint64_t offset = 0, size = 0;
    };
    // Takes the network: the file is made in its .kith/ folder (made when missing).
    explicit ScratchFile(const Folder& network) : network_(network) {}
    // Appends a text and returns where it lies. Throws an I/O Error (a full disk; or the file
    // cannot be made).
    Span append(std::string_view text);
    // Returns a text appended before.
    std::string read(Span span) const;

private:
    void open();

    Folder network_;  // a copy: the same opened folder
    beneath::Fd fd_;
    std::uint64_t end_ = 0;
};

}  // namespace kith
