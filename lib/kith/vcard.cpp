#include "kith/vcard.hpp"

#include <functional>
#include <optional>

#include <algorithm>
#include <array>

#include "kith/interchange.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

bool iequals(std::string_view a, std::string_view b) { return upper(a) == upper(b); }

bool icontains(std::string_view haystack, std::string_view needle) {
    return upper(haystack).find(upper(needle)) != std::string::npos;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_quoted_printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '=' && i + 2 < text.size()) {
            const int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// A logical line: physical lines joined, capped at vcard_max_line_bytes.
struct Logical {
    std::string text;
    int line = 0;
    bool oversized = false;
    bool quoted_printable = false;
};

// Splits the bytes into logical lines, handing each to `each` once it is whole: folded lines
// (a leading space or tab) and 2.1 quoted-printable soft breaks (a trailing '=') are joined.
// One logical line at a time is held, never the whole file's.
void unfold(std::string_view bytes, const std::function<void(const Logical&)>& each) {
    std::optional<Logical> last;
    size_t pos = 0;
    int number = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    const auto append = [](Logical& logical, std::string_view piece) {
        if (logical.oversized || logical.text.size() + piece.size() > vcard_max_line_bytes) logical.oversized = true;
        else logical.text.append(piece);
    };
    while (pos < bytes.size()) {
        size_t end = bytes.find('\n', pos);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view physical = bytes.substr(pos, end - pos);
        if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
        pos = end + 1;
        ++number;
        if (last) {
            if (last->quoted_printable && !last->text.empty() && last->text.back() == '=') {
                last->text.pop_back();  // a soft line break
                append(*last, physical);
                continue;
            }
            if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
                append(*last, physical.substr(1));
                continue;
            }
        }
        if (physical.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (last) each(*last);
        last.emplace();
        last->line = number;
        const size_t colon = physical.find(':');
        last->quoted_printable = colon != std::string_view::npos && icontains(physical.substr(0, colon), "QUOTED-PRINTABLE");
        append(*last, physical);
    }
    if (last) each(*last);
}

// Reads "group.NAME;param=value;BARE:value"; returns false when there is no ':'.
bool split_line(const std::string& text, VcardProperty& property) {
    size_t i = 0;
    while (i < text.size() && text[i] != ';' && text[i] != ':') ++i;
    if (i == text.size()) return false;
    const std::string head = text.substr(0, i);
    const size_t dot = head.rfind('.');
    property.group = dot == std::string::npos ? "" : head.substr(0, dot);
    property.name = upper(dot == std::string::npos ? head : head.substr(dot + 1));
    while (text[i] == ';') {
        const size_t start = ++i;
        bool quoted = false;
        while (i < text.size() && (quoted || (text[i] != ';' && text[i] != ':'))) {
            if (text[i] == '"') quoted = !quoted;
            ++i;
        }
        if (i == text.size()) return false;
        const std::string param = text.substr(start, i - start);
        const size_t eq = param.find('=');
        if (eq == std::string::npos) {
            const std::string bare = upper(param);
            const bool encoding = bare == "QUOTED-PRINTABLE" || bare == "BASE64" || bare == "8BIT" || bare == "7BIT";
            property.params.emplace_back(encoding ? "ENCODING" : "TYPE", param);
        } else {
            std::string value = param.substr(eq + 1);
            value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
            property.params.emplace_back(upper(param.substr(0, eq)), value);
        }
    }
    property.value = text.substr(i + 1);
    return true;
}

bool is_binary(const VcardProperty& p) {
    static const std::array<std::string_view, 4> names = {"PHOTO", "LOGO", "SOUND", "KEY"};
    const std::string encoding = upper(p.param("ENCODING"));
    return std::find(names.begin(), names.end(), p.name) != names.end() || encoding == "B" || encoding == "BASE64" ||
           iequals(p.param("VALUE"), "binary");
}

void decode_value(VcardProperty& p) {
    if (iequals(p.param("ENCODING"), "QUOTED-PRINTABLE")) p.value = decode_quoted_printable(p.value);
    const std::string charset = upper(p.param("CHARSET"));
    const bool latin = charset == "ISO-8859-1" || charset == "ISO-8859-15" || charset == "WINDOWS-1252" ||
                       charset == "CP1252" || charset == "LATIN1";
    // Without a charset, 2.1 writers often meant Latin-1: invalid UTF-8 is read as such.
    if (latin || find_invalid_utf8(p.value)) p.value = latin1_to_utf8(p.value);
}

// Collects cards from logical lines; a card with a bad line becomes one error.
class CardReader {
public:
    CardReader(const std::string& path, const std::function<void(VcardCard&)>* on_card) : path_(path), on_card_(on_card) {}

    void feed(const Logical& logical) {
        VcardProperty property;
        property.line = logical.line;
        const bool parsed = split_line(logical.text, property);
        if (parsed && property.name == "BEGIN" && iequals(property.value, "VCARD")) return begin(logical.line);
        if (parsed && property.name == "END" && iequals(property.value, "VCARD")) return end();
        if (!in_card_ || depth_ > 1 || !problem_.empty()) return;
        if (!parsed) {
            problem_ = "a card line needs ':' between its name and value";
            problem_line_ = logical.line;
        } else if (property.name == "VERSION") {
            card_.version = property.value;
        } else if (property.name.rfind("X-", 0) == 0 && property.name != "X-ANNIVERSARY") {  // the 3.0 anniversary is read
            ++card_.extensions;
        } else if (logical.oversized || is_binary(property)) {
            ++card_.skipped;
        } else {
            decode_value(property);
            card_.properties.push_back(std::move(property));
        }
    }

    VcardFile finish() {
        if (in_card_) file_.errors.emplace_back(ErrorKind::invalid, "card has no END:VCARD", Location{path_, card_.line, 0});
        return std::move(file_);
    }

private:
    void begin(int line) {
        if (in_card_) {
            ++depth_;  // a 2.1 AGENT card inside this one: skipped
            return;
        }
        card_ = VcardCard{};
        card_.line = line;
        in_card_ = true;
        depth_ = 1;
        problem_.clear();
    }

    void end() {
        if (!in_card_) return;
        if (--depth_ > 0) return;
        in_card_ = false;
        if (problem_.empty() && on_card_) (*on_card_)(card_);
        else if (problem_.empty()) file_.cards.push_back(std::move(card_));
        else file_.errors.emplace_back(ErrorKind::invalid, problem_, Location{path_, problem_line_, 0});
    }

    const std::string& path_;
    const std::function<void(VcardCard&)>* on_card_;  // each card as it ends, instead of keeping it
    VcardFile file_;
    VcardCard card_;
    bool in_card_ = false;
    int depth_ = 0;
    std::string problem_;
    int problem_line_ = 0;
};

}  // namespace

std::string VcardProperty::param(std::string_view wanted) const {
    const std::string key = upper(wanted);
    for (const auto& [key_, text] : params)
        if (key_ == key) return text;
    return "";
}

bool VcardProperty::has_type(std::string_view type) const {
    for (const auto& [key, text] : params) {
        if (key != "TYPE") continue;
        for (const auto& part : vcard_split(text, ','))
            if (iequals(part, type)) return true;
    }
    return false;
}

std::vector<const VcardProperty*> VcardCard::all(std::string_view name) const {
    std::vector<const VcardProperty*> found;
    for (const auto& p : properties)
        if (p.name == name) found.push_back(&p);
    return found;
}

const VcardProperty* VcardCard::preferred(std::string_view name) const {
    const auto found = all(name);
    for (const auto* p : found)
        if (p->has_type("pref") || !p->param("PREF").empty()) return p;
    return found.empty() ? nullptr : found.front();
}

VcardFile parse_vcards(std::string_view bytes, const std::string& path) {
    CardReader reader(path, nullptr);
    unfold(utf16_to_utf8(bytes), [&](const Logical& logical) { reader.feed(logical); });
    return reader.finish();
}

std::vector<Error> parse_vcards(std::string_view bytes, const std::string& path,
                                const std::function<void(VcardCard&)>& on_card) {
    CardReader reader(path, &on_card);
    unfold(utf16_to_utf8(bytes), [&](const Logical& logical) { reader.feed(logical); });
    return reader.finish().errors;
}

std::vector<std::string> vcard_split(std::string_view value, char separator) {
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == separator) {
            parts.emplace_back();
        } else if (c == '\\' && i + 1 < value.size()) {
            const char next = value[++i];
            if (next == 'n' || next == 'N') parts.back() += '\n';
            else if (next == ',' || next == ';' || next == '\\' || next == ':') parts.back() += next;
            else parts.back().append({'\\', next});
        } else if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
            continue;  // quoted-printable line breaks arrive as CRLF
        } else {
            parts.back() += c;
        }
    }
    return parts;
}

std::string vcard_unescape(std::string_view value) { return vcard_split(value, '\0').front(); }

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
        char32_t cp = b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

}  // namespace kith
