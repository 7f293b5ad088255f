#include "kith/interchange/vcard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

#include "kith/interchange/interchange.hpp"
#include "kith/base/text.hpp"

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

// A logical line: physical lines joined, of which the first vcard_max_line_bytes are kept.
struct Logical {
    std::string text;
    int line = 0;
    size_t length = 0;  // of the whole line: more than text.size() when it was cut
    char last = 0;      // its last byte, kept when it was cut
    bool quoted_printable = false;

    bool oversized() const { return length > text.size(); }
    void append(const InputLine& physical, size_t skip) {
        const std::string_view piece = std::string_view(physical.text).substr(std::min(skip, physical.text.size()));
        if (text.size() < vcard_max_line_bytes) text.append(piece.substr(0, vcard_max_line_bytes - text.size()));
        length += physical.length - std::min(skip, physical.length);
        if (physical.length > skip) last = physical.last;
    }
};

// Splits the input into logical lines, handing each to `each` once it is whole: folded lines
// (a leading space or tab) and 2.1 quoted-printable soft breaks (a trailing '=') are joined.
// One logical line at a time is held, never the whole file's.
void unfold(InputLines& lines, const std::function<void(const Logical&)>& each) {
    std::optional<Logical> last;
    InputLine physical;
    while (lines.next(physical)) {
        if (last) {
            if (last->quoted_printable && last->last == '=') {
                if (!last->oversized()) last->text.pop_back();  // a soft line break
                --last->length;
                last->last = 0;  // the '=' is read: an empty line after it ends no more than one
                last->append(physical, 0);
                continue;
            }
            if (!physical.text.empty() && (physical.text[0] == ' ' || physical.text[0] == '\t')) {
                last->append(physical, 1);
                continue;
            }
        }
        if (physical.text.find_first_not_of(" \t") == std::string::npos && !physical.cut()) continue;
        if (last) each(*last);
        last.emplace();
        last->line = physical.number;
        const size_t colon = physical.text.find(':');
        last->quoted_printable =
            colon != std::string::npos && icontains(std::string_view(physical.text).substr(0, colon), "QUOTED-PRINTABLE");
        last->append(physical, 0);
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

// Decodes quoted-printable and the charset; returns a warning when a NUL byte had to go.
std::optional<std::string> decode_value(VcardProperty& p) {
    if (iequals(p.param("ENCODING"), "QUOTED-PRINTABLE")) p.value = decode_quoted_printable(p.value);
    const std::string charset = upper(p.param("CHARSET"));
    const bool latin = charset == "ISO-8859-1" || charset == "ISO-8859-15" || charset == "WINDOWS-1252" ||
                       charset == "CP1252" || charset == "LATIN1";
    // Without a charset, 2.1 writers often meant Latin-1: bytes that are not UTF-8 are read as such.
    p.value = latin ? latin1_to_utf8(p.value) : utf8_or_cp1252(p.value);
    const size_t nuls = static_cast<size_t>(std::count(p.value.begin(), p.value.end(), '\0'));
    if (nuls == 0) return std::nullopt;
    p.value.erase(std::remove(p.value.begin(), p.value.end(), '\0'), p.value.end());
    return fmt::format("'{}' holds {} NUL byte{}, which no text holds; {} left out, the rest of the value kept", p.name,
                       nuls, nuls == 1 ? "" : "s", nuls == 1 ? "it was" : "they were");
}

// Collects cards from logical lines; a card with a bad line becomes one error.
class CardReader {
public:
    CardReader(const std::string& path, const std::function<void(VcardCard&)>& on_card) : path_(path), on_card_(on_card) {}

    void feed(const Logical& logical) {
        VcardProperty property;
        property.line = logical.line;
        const bool parsed = split_line(logical.text, property);
        if (parsed && property.name == "BEGIN" && iequals(property.value, "VCARD")) return begin(logical.line);
        if (parsed && property.name == "END" && iequals(property.value, "VCARD")) return end();
        // vCard 2.1 writes an agent's card on the lines after an empty "AGENT:".
        after_agent_ = depth_ == 1 && parsed && property.name == "AGENT" && trim_blanks(property.value).empty();
        if (!in_card_ || depth_ > 1 || !problem_.empty()) return;
        if (logical.oversized()) {  // its name is read, its value skipped: the rest of the card stays
            ++card_.skipped;
            warn(logical.line, parsed ? fmt::format("'{}' is longer than {} KiB, the most kith reads of a line; its "
                                                    "value is skipped", property.name, vcard_max_line_bytes >> 10)
                                      : fmt::format("a line longer than {} KiB with no ':' in its first {} KiB is "
                                                    "skipped", vcard_max_line_bytes >> 10, vcard_max_line_bytes >> 10));
        } else if (!parsed) {
            problem_ = "a card line needs ':' between its name and value";
            problem_line_ = logical.line;
        } else if (property.name == "VERSION") {
            card_.version = property.value;
        } else if (property.name.rfind("X-", 0) == 0 && property.name != "X-ANNIVERSARY") {  // the 3.0 anniversary is read
            ++card_.extensions;
        } else if (is_binary(property)) {
            ++card_.skipped;
        } else {
            if (const auto nul = decode_value(property)) warn(logical.line, *nul);
            card_.bytes += property.value.size();
            if (card_.bytes > import_max_record_bytes) {
                problem_ = fmt::format("the card holds more than {} MiB of text, more than a contact file may; skipped",
                                       import_max_record_bytes >> 20);
                problem_line_ = card_.line;
                card_.properties = {};
                return;
            }
            card_.properties.push_back(std::move(property));
        }
    }

    // Ends the file; a file that held no card at all is an error saying what it looked like.
    VcardFile finish(const InputLines& lines) {
        if (in_card_) file_.errors.emplace_back(ErrorKind::invalid, "card has no END:VCARD", Location{path_, card_.line, 0});
        if (!begun_)
            file_.errors.emplace_back(ErrorKind::invalid, "holds no vCard (no BEGIN:VCARD line): " + lines.describe("vcard"),
                                      Location{path_, 0, 0});
        return std::move(file_);
    }

private:
    void warn(int line, std::string message) {
        file_.warnings.emplace_back(ErrorKind::invalid, std::move(message), Location{path_, line, 0});
    }

    void begin(int line) {
        begun_ = true;
        if (in_card_ && (depth_ > 1 || after_agent_)) {
            ++depth_;  // a 2.1 AGENT card inside this one: skipped
            after_agent_ = false;
            return;
        }
        if (in_card_)  // a card cut short: the cards after it are read, not taken for an agent's
            file_.errors.emplace_back(ErrorKind::invalid,
                                      fmt::format("card has no END:VCARD before the next card's BEGIN:VCARD at line {}", line),
                                      Location{path_, card_.line, 0});
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
        if (problem_.empty()) on_card_(card_);
        else file_.errors.emplace_back(ErrorKind::invalid, problem_, Location{path_, problem_line_, 0});
    }

    const std::string& path_;
    const std::function<void(VcardCard&)>& on_card_;  // each card as it ends, instead of keeping it
    VcardFile file_;
    VcardCard card_;
    bool in_card_ = false;
    bool begun_ = false;  // a BEGIN:VCARD was seen
    int depth_ = 0;
    bool after_agent_ = false;  // the line before was an empty AGENT property of the card
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
    VcardFile file;
    VcardFile notes = parse_vcards(whole_input(bytes), path, [&](VcardCard& card) { file.cards.push_back(std::move(card)); });
    file.errors = std::move(notes.errors);
    file.warnings = std::move(notes.warnings);
    return file;
}

VcardFile parse_vcards(const ReadChunk& read, const std::string& path, const std::function<void(VcardCard&)>& on_card) {
    CardReader reader(path, on_card);
    InputLines lines(read, vcard_max_line_bytes, path);
    unfold(lines, [&](const Logical& logical) { reader.feed(logical); });
    return reader.finish(lines);
}

std::optional<VcardProperty> parse_vcard_line(const std::string& unfolded) {
    VcardProperty property;
    if (!split_line(unfolded, property)) return std::nullopt;
    (void)decode_value(property);  // a NUL byte is dropped, as the card reader drops it
    return property;
}

namespace {
// Splits on `separator` when there is one, unescaping each part.
std::vector<std::string> split_escaped(std::string_view value, std::optional<char> separator) {
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

}  // namespace

std::vector<std::string> vcard_split(std::string_view value, char separator) { return split_escaped(value, separator); }

std::string vcard_unescape(std::string_view value) { return split_escaped(value, std::nullopt).front(); }

}  // namespace kith
