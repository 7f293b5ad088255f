#include "kith/interchange/eml.hpp"

#include <string_view>

namespace kith {
namespace {

constexpr size_t max_line = 78;
constexpr size_t word_bytes = 45;  // 60 base64 characters: an encoded word of 72, within RFC 2047's 75

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

bool plain_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

// Control characters become blanks: a header's text never breaks its line.
std::string without_controls(std::string text) {
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return text;
}

// Encoded words of at most word_bytes each, cut between UTF-8 characters, joined by folding.
std::string encoded_words(const std::string& text) {
    std::string out;
    for (size_t start = 0; start < text.size();) {
        size_t end = std::min(text.size(), start + word_bytes);
        while (end < text.size() && end > start + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        out += (out.empty() ? "" : "\n ") + std::string("=?UTF-8?B?") + base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

// Plain ASCII text folded at blanks so that lines (the header's name counted) stay within max_line.
std::string folded(const std::string& text, size_t used) {
    std::string out;
    size_t column = used;
    size_t start = 0;
    while (start < text.size()) {
        size_t space = text.find(' ', start + 1);
        if (space == std::string::npos) space = text.size();
        const std::string word = text.substr(start, space - start);  // with its leading blank, but the first
        if (column + word.size() > max_line && !out.empty() && word.starts_with(' ')) {
            out += "\n";
            column = 0;
        }
        out += word;
        column += word.size();
        start = space;
    }
    return out;
}

std::string header_text(const std::string& raw, size_t used) {
    const std::string text = without_controls(raw);
    return plain_ascii(raw) ? folded(text, used) : encoded_words(text);
}

bool usable_address(const std::string& address) {
    if (address.empty() || address.find('@') == std::string::npos || !plain_ascii(address)) return false;
    return address.find_first_of(" <>,;:\"()[]\\") == std::string::npos;
}

// "Name <address>": a name that is not plain ASCII, or too long for one line, as encoded words,
// one with specials quoted; the address goes on a line of its own when the name's last would pass 78.
std::string mailbox(const Mailbox& m) {
    if (m.name.empty()) return m.address;
    std::string name = without_controls(m.name);
    if (!plain_ascii(m.name) || name.size() > 60) name = encoded_words(name);
    else if (name.find_first_of("()<>[]:;@\\,.\"") != std::string::npos) {
        std::string quoted = "\"";
        for (char c : name) quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        name = quoted + "\"";
    }
    const size_t last_line = name.size() - (name.rfind('\n') == std::string::npos ? 0 : name.rfind('\n') + 1);
    return name + (last_line + m.address.size() + 8 > max_line ? "\n <" : " <") + m.address + ">";
}

bool needs_base64(const std::string& body) {
    if (body.find('\r') != std::string::npos || body.find('\0') != std::string::npos) return true;
    for (size_t start = 0; start < body.size();) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        if (end - start > 998) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

Draft render_draft(const Mailbox& from, const std::vector<Mailbox>& to, const std::string& subject,
                   const std::string& body) {
    Draft draft;
    std::string& out = draft.text;
    if (usable_address(from.address)) out += "From: " + mailbox(from) + "\n";
    std::string recipients;
    for (const auto& m : to) {
        if (!usable_address(m.address)) {
            draft.left_out.push_back(m.name.empty() ? m.address : m.name);
            continue;
        }
        recipients += (recipients.empty() ? "" : ",\n ") + mailbox(m);
    }
    if (!recipients.empty()) out += "To: " + recipients + "\n";
    out += "Subject: " + header_text(subject, 9) + "\n";
    out += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n";
    if (!needs_base64(body)) {
        out += "Content-Transfer-Encoding: 8bit\n\n" + body;
        return draft;
    }
    out += "Content-Transfer-Encoding: base64\n\n";
    const std::string encoded = base64(body);
    for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\n";
    return draft;
}

}  // namespace kith
