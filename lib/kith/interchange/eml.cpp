#include "kith/interchange/eml.hpp"

#include <cctype>
#include <string_view>

namespace kith {
namespace {

constexpr size_t max_header_line = 78;
constexpr size_t word_bytes = 39;  // 52 base64 characters: a word of 64, on a line of 78 after "Subject: "

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const auto byte = [&](size_t at) { return at < bytes.size() ? unsigned{static_cast<unsigned char>(bytes[at])} : 0U; };
        const unsigned n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

bool plain_ascii(std::string_view text) {
    for (const char c : text)
        if (c < 0x20 || c > 0x7e) return false;  // a byte over 0x7f is negative as char
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

// Plain ASCII text folded at blanks so that lines (the header's name counted) stay within max_header_line.
std::string folded(const std::string& text, size_t used) {
    std::string out;
    size_t column = used;
    size_t start = 0;
    while (start < text.size()) {
        size_t space = text.find(' ', start + 1);
        if (space == std::string::npos) space = text.size();
        const std::string word = text.substr(start, space - start);  // with its leading blank, but the first
        if (column + word.size() > max_header_line && !out.empty() && word.starts_with(' ')) {
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

// A word that may stand in a display name as it is (RFC 5322 atext), and fits on a line.
bool is_atom(std::string_view word) {
    for (const char c : word)
        if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) == std::string_view::npos)
            return false;
    return !word.empty() && word.size() <= 60;  // a longer one could not be folded
}

// A display name that is not plain ASCII: its plain words kept, each run of other words one
// encoded word (cut at blanks only when longer, the blank carried inside the next one), so that
// a decoder that drops the blanks between encoded words, or one that keeps them, reads the name.
std::vector<std::string> name_words(const std::string& name) {
    std::vector<std::string> words, run;
    const auto flush = [&] {
        if (run.empty()) return;
        std::string text, piece;
        for (const auto& w : run) text += (text.empty() ? "" : " ") + w;
        for (size_t start = 0; start < text.size();) {
            size_t end = text.size();
            if (end - start > word_bytes) {
                const size_t blank = text.rfind(' ', start + word_bytes);
                end = blank != std::string::npos && blank > start ? blank : start + word_bytes;
            }
            words.push_back(encoded_words(text.substr(start, end - start)));
            start = end;
        }
        run.clear();
    };
    size_t start = 0;
    while (start < name.size()) {
        size_t blank = name.find(' ', start);
        if (blank == std::string::npos) blank = name.size();
        if (const std::string word = name.substr(start, blank - start); !word.empty()) {
            if (is_atom(word)) {
                flush();
                words.push_back(word);
            } else {
                run.push_back(word);
            }
        }
        start = blank + 1;
    }
    flush();
    return words;
}

// "Name <address>": a plain ASCII name with specials quoted, any other in words as name_words
// gives them; lines folded at the blanks between words to stay within max_header_line.
std::string mailbox(const Mailbox& m, size_t used) {
    if (m.name.empty()) return m.address;
    const std::string name = without_controls(m.name);
    std::vector<std::string> words;
    if (!plain_ascii(m.name) || name.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) {
        words = name_words(name);
    } else {
        std::string quoted = "\"";
        for (char c : name) quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        words = {quoted + "\""};
    }
    words.push_back("<" + m.address + ">");
    std::string out;
    size_t column = used;
    for (const auto& word : words) {
        const size_t first_line = word.find('\n') == std::string::npos ? word.size() : word.find('\n');
        if (!out.empty()) {
            const bool fold = column + 1 + first_line > max_header_line;
            out += fold ? "\n " : " ";
            column = fold ? 1 : column + 1;
        }
        out += word;
        column = word.rfind('\n') == std::string::npos ? column + word.size() : word.size() - word.rfind('\n');
    }
    return out;
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
    if (usable_address(from.address)) out += "From: " + mailbox(from, 6) + "\n";
    std::string recipients;
    for (const auto& m : to) {
        if (!usable_address(m.address)) {
            draft.left_out.push_back(m.name.empty() ? m.address : m.name);
            continue;
        }
        recipients += (recipients.empty() ? "" : ",\n ") + mailbox(m, recipients.empty() ? 4 : 1);
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
