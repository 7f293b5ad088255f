#include "kith/base/error.hpp"

namespace kith {

std::string to_string(const Location& where) {
    std::string out = where.path;
    if (where.line > 0) {
        out += ':' + std::to_string(where.line);
        if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    return out;
}

Error::Error(ErrorKind kind, std::string message, Location where)
    : std::runtime_error(message), kind_(kind), message_(std::move(message)), where_(std::move(where)) {}

std::string Error::located() const {
    if (where_.path.empty()) return message_;
    return to_string(where_) + ": " + message_;
}

void fail_usage(std::string message) { throw Error(ErrorKind::usage, std::move(message)); }

void fail_at(const std::string& path, int line, int column, std::string message) {
    throw Error(ErrorKind::invalid, std::move(message), Location{path, line, column});
}

}  // namespace kith
