#pragma once
// The header block of a message file, read the way Python's email parser (compat32) reads it:
// what `kith sync mail` needs of the headers notmuch does not index (To, Cc, List-Id).
#include <string>
#include <string_view>

namespace kith {

// How many bytes of a message file hold its headers at most, for the command that reads them.
inline constexpr size_t max_mail_head_bytes = 256 * 1024;

// Returns the value of the first header called `name` (any case) in the head of a message,
// unfolded (line breaks removed, the blanks kept), raw 8-bit text read as UTF-8 when it is
// valid UTF-8, else as Latin-1; "" when it is absent. The head ends at the first empty line
// or the first line that is no header.
std::string mail_header(std::string_view head, std::string_view name);

// Returns the length of the head of a message in `bytes`: up to and including its empty line,
// or all of `bytes` when they hold none.
size_t mail_head_length(std::string_view bytes);

}  // namespace kith
