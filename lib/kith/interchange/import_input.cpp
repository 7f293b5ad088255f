#include "kith/interchange/import_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "kith/base/error.hpp"
#include "kith/interchange/interchange.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

constexpr size_t head_bytes = 512;

bool starts_with_folded(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != prefix[i]) return false;
    }
    return true;
}

// The import that reads a file starting with `first_line` (and `head`), or "".
std::string_view format_of(std::string_view head, std::string_view first_line) {
    if (starts_with_folded(first_line, "BEGIN:VCARD")) return "vcard";
    if (head.find("Connected On") != std::string_view::npos || first_line.starts_with("Notes:")) return "linkedin";
    if (first_line.find(',') != std::string_view::npos &&
        (first_line.find("First Name") != std::string_view::npos || first_line.find("Given Name") != std::string_view::npos))
        return "google";
    return "";
}

std::string_view format_name(std::string_view format) {
    if (format == "vcard") return "a vCard file";
    if (format == "google") return "a Google Contacts CSV";
    return "a LinkedIn Connections.csv";
}

}  // namespace

ReadChunk whole_input(std::string_view bytes) {
    return [bytes, given = false]() mutable {
        if (given) return std::string_view();
        given = true;
        return bytes;
    };
}

InputLines::InputLines(ReadChunk read, size_t max_line, std::string path)
    : read_(std::move(read)), max_line_(max_line), path_(std::move(path)) {}

void InputLines::decode(std::string_view bytes, bool last) {
    raw_.append(bytes);
    if (encoding_ == Encoding::unknown) {
        if (raw_.size() < 3 && !last) return;  // a byte order mark is told from the first 2 or 3 bytes
        encoding_ = Encoding::utf8;
        if (raw_.starts_with("\xEF\xBB\xBF")) raw_.erase(0, 3);
        else if (raw_.starts_with("\xFF\xFE")) encoding_ = Encoding::utf16le;
        else if (raw_.starts_with("\xFE\xFF")) encoding_ = Encoding::utf16be;
        if (encoding_ != Encoding::utf8) raw_.erase(0, 2);
    }
    if (encoding_ == Encoding::utf8) {
        buffer_.append(raw_);
        raw_.clear();
        return;
    }
    const bool little = encoding_ == Encoding::utf16le;
    const auto unit = [&](size_t i) {
        const auto a = static_cast<unsigned char>(raw_[i]), b = static_cast<unsigned char>(raw_[i + 1]);
        return static_cast<char32_t>(little ? a | (b << 8) : (a << 8) | b);
    };
    size_t i = 0;
    for (; i + 1 < raw_.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp < 0xDC00) {
            if (i + 3 >= raw_.size() && !last) break;  // its pair may be in the next chunk
            if (i + 3 < raw_.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;  // an unpaired surrogate
            }
        } else if (cp >= 0xDC00 && cp < 0xE000) {
            cp = 0xFFFD;
        }
        append_utf8(buffer_, cp);
    }
    raw_.erase(0, i);
    if (last) raw_.clear();  // an odd last byte is no character
}

bool InputLines::fill() {
    const size_t before = buffer_.size();
    while (!ended_) {
        const std::string_view chunk = read_();
        ended_ = chunk.empty();
        total_ += chunk.size();
        if (total_ > import_max_input_bytes)
            fail_at(path_, 0, 0, fmt::format("is larger than {} GiB, the most kith imports from one file; nothing was "
                                             "imported (split it)", import_max_input_bytes >> 30));
        const size_t start = buffer_.size();
        decode(chunk, ended_);
        if (head_.size() < head_bytes) head_.append(std::string_view(buffer_).substr(start, head_bytes - head_.size()));
        if (head_.size() < head_bytes && !ended_) continue;  // the first bytes decide whether any line is read
        if (!head_read_) {
            head_read_ = true;
            if (looks_binary()) {
                buffer_.clear();
                pos_ = 0;
                ended_ = true;
                return false;
            }
        }
        if (buffer_.size() > before) return true;
    }
    return false;
}

bool InputLines::looks_binary() const {
    // Many control bytes, and the first line not text: a text file with odd values (a NUL, a
    // control character in a note) still starts as text; a Windows-1252 file has no controls.
    const auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r' && c != '\n'; };
    const size_t controls = static_cast<size_t>(std::count_if(head_.begin(), head_.end(), control));
    const std::string_view first = std::string_view(head_).substr(0, head_.find_first_of("\r\n"));
    return controls * 20 > head_.size() && (std::any_of(first.begin(), first.end(), control) || find_invalid_utf8(first));
}

bool InputLines::ensure(size_t count) {
    if (buffer_.size() - pos_ >= count) return true;
    buffer_.erase(0, pos_);
    pos_ = 0;
    while (buffer_.size() < count && fill()) {
    }
    return buffer_.size() >= count;
}

bool InputLines::next(InputLine& line) {
    line.text.clear();
    line.ending.clear();
    line.length = 0;
    line.last = 0;
    bool any = false;
    while (true) {
        if (pos_ == buffer_.size()) {
            buffer_.clear();
            pos_ = 0;
            if (!fill()) {
                if (!any) return false;
                break;  // a last line without a line end
            }
        }
        any = true;
        const size_t end = buffer_.find_first_of("\r\n", pos_);
        const size_t stop = end == std::string::npos ? buffer_.size() : end;
        const std::string_view piece = std::string_view(buffer_).substr(pos_, stop - pos_);
        if (line.text.size() < max_line_) line.text.append(piece.substr(0, max_line_ - line.text.size()));
        line.length += piece.size();
        if (!piece.empty()) line.last = piece.back();
        pos_ = stop;
        if (end == std::string::npos) continue;
        if (buffer_[pos_] == '\n') {
            line.ending = "\n";
        } else {
            ensure(3);  // a CR: alone, or the start of CR LF or CR CR LF
            const std::string_view after = std::string_view(buffer_).substr(pos_);
            line.ending = after.starts_with("\r\n") ? "\r\n" : after.starts_with("\r\r\n") ? "\r\r\n" : "\r";
        }
        pos_ += line.ending.size();
        break;
    }
    line.number = ++number_;
    return true;
}

std::string InputLines::describe(std::string_view format) const {
    if (total_ == 0) return "it is empty";
    if (looks_binary()) {
        std::string bytes;
        for (size_t i = 0; i < head_.size() && i < 8; ++i) bytes += fmt::format("{}{:02x}", i ? " " : "", static_cast<unsigned char>(head_[i]));
        return fmt::format("it looks binary (it starts with the bytes {})", bytes);
    }
    const size_t first = head_.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "it holds only blank lines";
    const std::string_view rest = std::string_view(head_).substr(first);
    const std::string_view line = rest.substr(0, rest.find_first_of("\r\n"));
    std::string out = fmt::format("its first line is '{}'", fit_width(visible(line), 60));
    if (const auto other = format_of(head_, line); !other.empty() && other != format)
        out += fmt::format("; it looks like {}: try 'kith import {}'", format_name(other), other);
    return out;
}

std::string latin1_to_utf8(std::string_view bytes) {
    // Windows-1252's printable characters at 0x80-0x9F; ISO-8859-1 has controls there.
    static const std::array<char32_t, 32> cp1252 = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    for (char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        append_utf8(out, b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b);
    }
    return out;
}

std::string utf8_or_cp1252(std::string_view bytes) {
    auto bad = find_invalid_utf8(bytes);
    if (!bad) return std::string(bytes);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    while (bad) {  // the valid stretch, then the one byte that starts no valid sequence
        out.append(bytes.substr(0, *bad));
        out += latin1_to_utf8(bytes.substr(*bad, 1));
        bytes.remove_prefix(*bad + 1);
        bad = find_invalid_utf8(bytes);
    }
    return out.append(bytes);
}

}  // namespace kith
