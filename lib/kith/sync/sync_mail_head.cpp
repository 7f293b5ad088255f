#include "kith/sync/sync_mail_head.hpp"

#include "kith/base/text.hpp"

namespace kith {
namespace {

// The next line of `text` from `at`, without its line break (\r\n, \r or \n); `at` moves past it.
std::string_view next_line(std::string_view text, size_t& at) {
    const size_t start = at;
    while (at < text.size() && text[at] != '\n' && text[at] != '\r') ++at;
    const std::string_view line = text.substr(start, at - start);
    if (at < text.size() && text[at] == '\r') {
        ++at;
        if (at < text.size() && text[at] == '\n') ++at;
    } else if (at < text.size()) {
        ++at;
    }
    return line;
}

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// A header field's name as compat32 accepts it: printable ASCII but ':' and space, then ':'.
size_t name_length(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && line[i] > 32 && line[i] < 127 && line[i] != ':') ++i;
    return i < line.size() && line[i] == ':' ? i : std::string_view::npos;
}

std::string latin1_to_utf8(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (byte >> 6));
            out += static_cast<char>(0x80 | (byte & 0x3F));
        }
    }
    return out;
}

}  // namespace

std::string mail_header(std::string_view head, std::string_view name) {
    size_t at = 0;
    bool first_line = true, in_wanted = false, found = false;
    std::string value;
    while (at < head.size()) {
        const std::string_view line = next_line(head, at);
        if (line.empty()) break;
        if (line[0] == ' ' || line[0] == '\t') {  // a continuation of the header above
            if (in_wanted) value += line;
            continue;
        }
        in_wanted = false;
        if (first_line && line.substr(0, 5) == "From ") {  // an mbox separator
            first_line = false;
            continue;
        }
        first_line = false;
        const size_t length = name_length(line);
        if (length == std::string_view::npos) break;  // no header: the body starts here
        if (found || !same_name(line.substr(0, length), name)) continue;
        std::string_view rest = line.substr(length + 1);
        while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) rest.remove_prefix(1);
        value = rest;
        in_wanted = found = true;
    }
    return find_invalid_utf8(value) ? latin1_to_utf8(value) : value;
}

size_t mail_head_length(std::string_view bytes) {
    size_t at = 0;
    while (at < bytes.size()) {
        if (next_line(bytes, at).empty()) return at;
    }
    return bytes.size();
}

}  // namespace kith
