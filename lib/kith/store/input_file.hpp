#pragma once
// Files kith reads from outside the network as input (a sync's mail and calendar files): besides
// the store and outside_file, the place in the library that opens such files, so that cmd/ opens none.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// Returns the bytes of the file at `path` (the user's path, links followed). Throws an I/O
// Error naming the path when it cannot be read.
std::string read_input_file(const std::string& path);

// Returns the start of the file at `path`, read 8 KiB at a time until `enough` says the bytes
// read hold what is wanted, or `most` bytes or more are read, or the file ends (or a read fails);
// nullopt when it cannot be opened.
std::optional<std::string> read_input_start(const std::string& path, size_t most,
                                            const std::function<bool(std::string_view bytes)>& enough);

}  // namespace kith
