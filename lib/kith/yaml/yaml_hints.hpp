#pragma once
// What to do about a YAML error: yaml-cpp's words ("illegal map value") said as the fix
// ("quote the value") for the place in the file where they were found.
#include <optional>
#include <string>
#include <string_view>

namespace kith {

// A place in a file, 1-based.
struct TextPlace {
    int line = 0;
    int column = 0;
};

// Returns the '[' or '{' that is still open at `place` (1-based) in `bytes`: brackets inside
// quotes and comments do not count. nullopt when every bracket before it is closed.
std::optional<TextPlace> open_bracket_before(std::string_view bytes, TextPlace place);

// Returns the message for an unclosed '[' or '{' (`bracket`): close it, or quote it as text.
std::string unclosed_bracket_message(char bracket);

// Returns the message for yaml-cpp's `message` about `place` in `bytes`: what is wrong and
// what to write instead. Sets `place` to the place to name when another says it better (the
// bracket that is not closed).
std::string yaml_error_hint(std::string_view message, std::string_view bytes, TextPlace& place);

}  // namespace kith
