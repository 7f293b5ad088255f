#pragma once
// Files kith reads from outside the network, as the user or git names them: an import's source,
// git's merge driver's versions, git's own small files; and the one file of git's kith removes
// (its temporary index). Besides the store and outside_file, the place the library reads them.
#include <istream>
#include <memory>
#include <string>

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

// Opens the file at `path` to be read as a stream of bytes. Throws an I/O Error ("cannot open
// 'PATH'") when it cannot.
std::unique_ptr<std::istream> open_input_stream(const std::string& path);

// Removes the file at `path`, outside the network (a temporary file of git's kith made); one that
// is not there, or cannot be removed, is left as it is.
void remove_outside_file(const std::string& path);

}  // namespace kith
