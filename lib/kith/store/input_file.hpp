#pragma once
// Files kith reads from outside the network, as the user or git names them: an import's source,
// git's merge driver's versions, git's own small files, a sync's mail and calendar files; and the
// one file of git's kith removes (its temporary index). Besides the store and outside_file, the
// place the library opens such files, so that cmd/ opens none.
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// What reading an input file found: the file (its bytes), or what it was instead.
enum class InputKind {
    file,         // a regular file, read whole
    not_a_file,   // a pipe, a device or a folder: nothing was read (it would block or never end)
    too_large,    // a regular file larger than the most asked for: the bytes read until then
};

// An input file's bytes, and what it was.
struct InputFile {
    InputKind kind = InputKind::file;
    std::string bytes;
};

// Reads the file at `path` without blocking on what is no regular file, stopping once more than
// `most` bytes are read. Throws an I/O Error naming the path when it cannot be opened or read.
InputFile read_input_file(const std::string& path, size_t most);

// Returns the bytes of the file at `path` (the user's path, links followed), whatever it is.
// Throws an I/O Error naming the path when it cannot be read.
std::string read_input_text(const std::string& path);

// Returns the start of the file at `path`, read 8 KiB at a time until `enough` says the bytes
// read hold what is wanted, or `most` bytes or more are read, or the file ends (or a read fails);
// nullopt when it cannot be opened.
std::optional<std::string> read_input_start(const std::string& path, size_t most,
                                            const std::function<bool(std::string_view bytes)>& enough);

// Opens the file at `path` to be read as a stream of bytes. Throws an I/O Error ("cannot open
// 'PATH'") when it cannot.
std::unique_ptr<std::istream> open_input_stream(const std::string& path);

// Removes the file at `path`, outside the network (a temporary file of git's kith made); one that
// is not there, or cannot be removed, is left as it is.
void remove_outside_file(const std::string& path);

}  // namespace kith
