#include "kith/base/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <tuple>
#include <vector>

#include "kith/base/utf8.hpp"

namespace kith {
namespace {

std::string map_with(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &out,
                                            static_cast<utf8proc_option_t>(options));
    if (n < 0) return std::string(text);  // invalid UTF-8 was refused on reading; keep as is
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

// Latin letters that have no decomposition but a customary ASCII spelling.
const char* ascii_spelling(utf8proc_int32_t cp) {
    switch (cp) {
        case 0x00F8: return "o";   // ø
        case 0x0142: return "l";   // ł
        case 0x00E6: return "ae";  // æ
        case 0x0153: return "oe";  // œ
        case 0x0111: return "d";   // đ
        case 0x00F0: return "d";   // ð
        case 0x00FE: return "th";  // þ
        case 0x0131: return "i";   // dotless i
        case 0x0127: return "h";   // ħ
        default: return nullptr;
    }
}

// Returns whether a code point is one a terminal may obey rather than show, or a line or
// paragraph separator (U+2028, U+2029) that other programs take for a line break.
bool is_control(utf8proc_int32_t cp) {
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x2028 && cp <= 0x2029) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Calls `plain(bytes)` for each run of harmless text and `control(cp)` for each control
// character; an invalid byte comes as `control(-byte)`.
template <class Plain, class Control>
void scan(std::string_view text, Plain plain, Control control) {
    size_t run = 0;
    for_each_utf8_char(text, [&](Utf8Char c, size_t at) {
        if (c.valid() && !is_control(c.code_point)) return;
        plain(text.substr(run, at - run));
        control(c.valid() ? c.code_point : -static_cast<utf8proc_int32_t>(static_cast<unsigned char>(text[at])));
        run = at + c.size;
    });
    plain(text.substr(run));
}

}  // namespace

std::string visible(std::string_view text, bool keep_lines) {
    std::string out;
    out.reserve(text.size());
    scan(text, [&](std::string_view run) { out += run; },
         [&](utf8proc_int32_t cp) {
             char buf[16];
             if (keep_lines && (cp == '\n' || cp == '\t')) out += static_cast<char>(cp);
             else if (cp == '\n') out += "\\n";
             else if (cp == '\t') out += "\\t";
             else if (cp == '\r') out += "\\r";
             else if (cp == 0x1b) out += "\\e";
             else if (cp < 0) out += (std::snprintf(buf, sizeof buf, "\\x%02x", -cp), buf);
             else if (cp < 0x80) out += (std::snprintf(buf, sizeof buf, "\\x%02x", cp), buf);
             else out += (std::snprintf(buf, sizeof buf, "\\u%04x", cp), buf);
         });
    return out;
}

std::string tsv_cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    scan(text, [&](std::string_view run) { out += run; },
         [&](utf8proc_int32_t cp) {
             out += cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? " " : "\uFFFD";
         });
    return out;
}

std::string escape_json_controls(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    scan(json, [&](std::string_view run) { out += run; },
         [&](utf8proc_int32_t cp) {
             char buf[16];
             // C0 controls other than the layout's line feeds are escaped by the dump already.
             if (cp > 0 && cp < 0x20) out += static_cast<char>(cp);
             else out += (std::snprintf(buf, sizeof buf, "\\u%04x", cp < 0 ? 0xfffd : cp), buf);
         });
    return out;
}

std::optional<size_t> find_invalid_utf8(std::string_view text) {
    for (size_t at = 0; at < text.size();) {
        const Utf8Char c = utf8_char_at(text, at);
        if (!c.valid()) return at;
        at += c.size;
    }
    return std::nullopt;
}

std::string fold(std::string_view text) {
    return map_with(text, UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

std::string fold_to_ascii(std::string_view text) {
    const std::string folded = fold(text);
    std::string out;
    for (size_t at = 0; at < folded.size();) {
        const Utf8Char c = utf8_char_at(folded, at);
        if (!c.valid()) break;
        if (const char* plain = ascii_spelling(c.code_point)) {
            out += plain;
        } else {
            out.append(folded, at, c.size);
        }
        at += c.size;
    }
    return out;
}

int display_width(std::string_view text) {
    int width = 0;
    for (const char c : text) {  // ASCII alone, as utf8proc counts it (controls take no column): no lookups
        if (static_cast<unsigned char>(c) >= 0x80) {
            width = -1;
            break;
        }
        width += c >= 0x20 && c < 0x7f ? 1 : 0;
    }
    if (width >= 0) return width;
    width = 0;
    for_each_utf8_char(text, [&](Utf8Char c, size_t) { width += c.valid() ? utf8proc_charwidth(c.code_point) : 1; });
    return width;
}

bool has_wide_characters(std::string_view text) {
    for (size_t at = 0; at < text.size();) {
        const Utf8Char c = utf8_char_at(text, at);
        if (!c.valid()) return false;
        if (utf8proc_charwidth(c.code_point) == 2) return true;
        at += c.size;
    }
    return false;
}

size_t bytes_within(std::string_view text, int width) {
    int used = 0;
    size_t at = 0;
    while (at < text.size()) {
        const Utf8Char c = utf8_char_at(text, at);  // an invalid byte takes one column
        const int w = c.valid() ? utf8proc_charwidth(c.code_point) : 1;
        if (used + w > width) break;
        used += w;
        at += c.size;
    }
    return at;
}

std::string fit_width(std::string_view text, int width) {
    if (display_width(text) <= width) return std::string(text);
    if (width <= 0) return {};
    return std::string(text.substr(0, bytes_within(text, width - 1))) + "\u2026";  // one column for the ellipsis
}

std::string pad_right(std::string_view text, int width) {
    std::string out(text);
    for (int w = display_width(text); w < width; ++w) out += ' ';
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    return fold(haystack).find(fold(needle)) != std::string::npos;
}

namespace {

// Splits UTF-8 text into code points (an invalid byte counts as one), for distances that
// count a letter such as é once.
std::vector<std::string_view> code_points(std::string_view text) {
    std::vector<std::string_view> out;
    for_each_utf8_char(text, [&](Utf8Char c, size_t at) { out.push_back(text.substr(at, c.size)); });
    return out;
}

}  // namespace

size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    const auto a = code_points(a_text), b = code_points(b_text);
    const size_t width = b.size() + 1;
    std::vector<size_t> d((a.size() + 1) * width);
    const auto at = [&](size_t i, size_t j) -> size_t& { return d[i * width + j]; };
    for (size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
    for (size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    return at(a.size(), b.size());
}

std::vector<size_t> suggest_spelling(std::string_view word, const std::vector<SpellingForm>& forms, size_t most) {
    const size_t length = code_points(word).size();
    const size_t limit = std::max<size_t>(1, length / 3);
    struct Scored {
        size_t distance, unshared, order, id;
        bool operator<(const Scored& o) const {
            return std::tie(distance, unshared, order) < std::tie(o.distance, o.unshared, o.order);
        }
    };
    std::vector<Scored> scored;
    for (size_t k = 0; k < forms.size(); ++k) {
        const auto& form = forms[k];
        if (form.text.empty()) continue;
        const size_t distance = edit_distance(word, form.text);
        const size_t form_length = code_points(form.text).size();
        if (distance > limit || distance >= form_length) continue;
        size_t shared = 0;
        while (shared < word.size() && shared < form.text.size() && word[shared] == form.text[shared]) ++shared;
        scored.push_back({distance, word.size() - shared, k, form.id});
    }
    std::sort(scored.begin(), scored.end());
    std::vector<size_t> out;
    for (const auto& s : scored) {
        if (out.size() >= most) break;
        if (std::find(out.begin(), out.end(), s.id) == out.end()) out.push_back(s.id);
    }
    return out;
}

std::string suggest_word(std::string_view word, const std::vector<std::string>& words) {
    std::vector<SpellingForm> forms;
    for (size_t k = 0; k < words.size(); ++k) forms.push_back({words[k], k});
    const auto best = suggest_spelling(word, forms, 1);
    return best.empty() ? "" : words[best.front()];
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
    std::string out;
    for (const auto& suggestion : suggestions) out += (out.empty() ? "; did you mean '" : "', '") + suggestion;
    return out.empty() ? out : out + "'?";
}

std::string did_you_mean(const std::string& suggestion) {
    return suggestion.empty() ? "" : did_you_mean(std::vector<std::string>{suggestion});
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    for (size_t start = 0; start < text.size();) {
        const size_t end = text.find('\n', start);
        const size_t stop = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(start, stop - start));
        start = stop;
    }
    return lines;
}

}  // namespace kith
