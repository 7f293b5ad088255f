#pragma once
// The one exception family of the library, with an optional file location.
#include <stdexcept>
#include <string>

namespace kith {

// What went wrong, so that the command layer can choose the exit code (SPEC 6).
enum class ErrorKind {
    usage,    // bad arguments, unknown or ambiguous NAME: exit 2
    invalid,  // a file that does not parse or fails the schema: exit 3
    io,       // the file system or the lock failed: exit 4
};

// A place in a file; line and column are 1-based, 0 when unknown.
struct Location {
    std::string path;
    int line = 0;
    int column = 0;
};

// Formats a location as "path:line:col", dropping the parts that are unknown.
std::string to_string(const Location& where);

// Reports a problem to the user; the message is lower case and quotes user values.
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, Location where = {});
    ErrorKind kind() const { return kind_; }
    const Location& where() const { return where_; }
    const std::string& message() const { return message_; }
    // Returns "path:line:col: message", or the bare message when there is no path.
    std::string located() const;

private:
    ErrorKind kind_;
    std::string message_;
    Location where_;
};

// Throws a usage error (exit 2).
[[noreturn]] void fail_usage(std::string message);

// Throws an invalid-file error (exit 3) at a place; line and column are 1-based, 0 when unknown.
[[noreturn]] void fail_at(const std::string& path, int line, int column, std::string message);

}  // namespace kith
