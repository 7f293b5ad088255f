#include "kith/sync/sync_vdir_card.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "kith/interchange/interchange.hpp"
#include "kith/base/text.hpp"
#include "kith/interchange/vcard_contact.hpp"
#include "kith/interchange/vcard_write.hpp"

namespace kith {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// A content line's text without its line breaks and the blank that starts each continuation.
std::string unfolded(const std::string& raw) {
    std::string text;
    for (size_t i = 0; i < raw.size(); ++i)
        if (raw[i] != '\r' && raw[i] != '\n' && !(i > 0 && raw[i - 1] == '\n')) text += raw[i];
    return text;
}

bool is_binary_name(const std::string& name) { return name == "PHOTO" || name == "LOGO" || name == "SOUND" || name == "KEY"; }

std::string label_of(const std::vector<CardLine>& lines, const std::string& group) {
    for (const auto& line : lines)
        if (line.property && line.property->name == "X-ABLABEL" && lower(line.property->group) == lower(group))
            return line.property->value;
    return "";
}

// The card contact_from_card reads from some of its lines (binary ones left out).
VcardCard card_of(const std::vector<CardLine>& lines, int version) {
    VcardCard card;
    card.version = version == 4 ? "4.0" : "3.0";
    for (const auto& line : lines) {
        if (!line.property) continue;
        const std::string& name = line.property->name;
        if (name == "BEGIN" || name == "END" || name == "VERSION" || is_binary_name(name)) continue;
        card.properties.push_back(*line.property);
    }
    return card;
}

// Which synced key a property belongs to ("" for none): `first_adr` is the ADR the address is read from.
std::string key_of(const VcardProperty& p, const std::vector<CardLine>& lines, bool first_adr) {
    static const std::vector<std::pair<std::string, std::string>> names = {
        {"FN", "name"}, {"N", "name"}, {"NICKNAME", "aka"}, {"TITLE", "title"}, {"ORG", "org"}, {"ROLE", "role"},
        {"EMAIL", "email"}, {"TEL", "phone"}, {"URL", "url"}, {"CATEGORIES", "tags"}, {"NOTE", "notes"},
        {"BDAY", "birthday"}, {"ANNIVERSARY", "dates"}, {"X-ANNIVERSARY", "dates"}, {"X-ABDATE", "dates"}};
    for (const auto& [name, key] : names)
        if (p.name == name) return key;
    if (p.name == "ADR") return first_adr ? "address" : "";
    if (p.name == "RELATED" && p.has_type("assistant")) return "assistant";
    if (p.name == "X-ABRELATEDNAMES" && lower(label_of(lines, p.group)) == "_$!<assistant>!$_") return "assistant";
    return "";
}

// The index of the ADR the address is read from (the preferred one), or lines.size().
size_t address_line(const std::vector<CardLine>& lines) {
    size_t first = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto& p = lines[i].property;
        if (!p || p->name != "ADR") continue;
        if (p->has_type("pref") || !p->param("PREF").empty()) return i;
        if (first == lines.size()) first = i;
    }
    return first;
}

// What one line holds of its key, read as the whole card would read it (its label included).
std::vector<std::string> values_of(const std::vector<CardLine>& lines, size_t index, const std::string& key, int version) {
    std::vector<CardLine> alone;
    CardLine name;
    name.property = parse_vcard_line("FN:-");
    if (key != "name") alone.push_back(name);
    alone.push_back(lines[index]);
    const std::string& group = lines[index].property->group;
    for (const auto& line : lines)
        if (!group.empty() && line.property && line.property->name == "X-ABLABEL" && lower(line.property->group) == lower(group))
            alone.push_back(line);
    std::vector<Error> ignored;
    try {
        const SyncView view = sync_view(contact_from_card(card_of(alone, version), "", ignored));
        return view.count(key) ? view.at(key) : std::vector<std::string>{};
    } catch (const Error&) {
        return {};
    }
}

VcardProperty property(std::string group, std::string name, Params params, std::string value) {
    VcardProperty p;
    p.group = std::move(group);
    p.name = std::move(name);
    p.params = std::move(params);
    p.value = std::move(value);
    return p;
}

// Apple's labels for the words kith writes as labels.
std::string apple_label(const std::string& what) {
    if (what == "anniversary" || what == "assistant" || what == "other")
        return "_$!<" + std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])))) + what.substr(1) + ">!$_";
    return vcard_escape(what);
}

// The dialect properties card_from_contact does not write: every date, the assistant.
std::vector<VcardProperty> dialect_properties(const Contact& c, int version, int& next_group) {
    std::vector<VcardProperty> out;
    const auto labelled = [&](std::string name, Params params, std::string value, const std::string& label) {
        std::string group = label.empty() ? "" : fmt::format("item{}", next_group++);
        out.push_back(property(group, std::move(name), std::move(params), std::move(value)));
        if (!label.empty()) out.push_back(property(group, "X-ABLabel", {}, apple_label(label)));
    };
    for (const auto& d : c.dates) {
        const MonthDay& day = d.date;
        if (version == 4 && d.what == "anniversary") {
            out.push_back(property("", "ANNIVERSARY", {}, day.year ? fmt::format("{:04}{:02}{:02}", *day.year, day.month, day.day)
                                                                   : fmt::format("--{:02}{:02}", day.month, day.day)));
            continue;
        }
        const Params omit = day.year ? Params{} : Params{{"X-APPLE-OMIT-YEAR", "1604"}};
        labelled("X-ABDATE", omit, fmt::format("{:04}-{:02}-{:02}", day.year.value_or(1604), day.month, day.day), d.what);
    }
    if (!c.assistant.empty()) {
        if (version == 4) out.push_back(property("", "RELATED", {{"TYPE", "assistant"}, {"VALUE", "text"}}, vcard_escape(c.assistant)));
        else labelled("X-ABRELATEDNAMES", {}, vcard_escape(c.assistant), "assistant");
    }
    return out;
}

int next_group_of(const std::vector<CardLine>& lines) {
    int most = 0;
    for (const auto& line : lines) {
        if (!line.property) continue;
        const std::string group = lower(line.property->group);
        if (group.rfind("item", 0) == 0 && group.size() > 4 && group.size() < 9 &&
            std::all_of(group.begin() + 4, group.end(), [](char c) { return c >= '0' && c <= '9'; }))
            most = std::max(most, std::stoi(group.substr(4)));
    }
    return most + 1;
}

// The lines kith writes for `values` of `key` (all of them for a text key).
std::vector<std::string> key_lines(const Contact& full, const std::string& key, const std::vector<std::string>& values,
                                   int version, int& next_group, const std::string& eol) {
    Contact only;
    only.name = full.name;
    SyncView view;
    if (!values.empty()) view[key] = values;
    apply_sync_view(view, only);
    if (key == "name") only.name = full.name;
    std::vector<VcardProperty> props;
    if (key == "dates" || key == "assistant") {
        props = dialect_properties(only, version, next_group);
    } else {
        for (auto& p : card_from_contact(only, version))
            if (p.name != "PRODID" && p.name != "UID" && p.name != "ANNIVERSARY" && p.name != "X-ANNIVERSARY" &&
                (key == "name" ? (p.name == "FN" || p.name == "N") : (p.name != "FN" && p.name != "N")))
                props.push_back(std::move(p));
    }
    std::vector<std::string> out;
    for (const auto& p : props) {
        std::string line = render_property(p);
        if (eol == "\n") line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace

SyncCard read_sync_card(std::string_view bytes, const std::string& path) {
    const auto fail = [&](const std::string& why, int line = 0) { throw Error(ErrorKind::invalid, why, Location{path, line, 0}); };
    if (const auto bad = find_invalid_utf8(bytes)) fail(fmt::format("is not UTF-8 text (byte {}); card skipped", *bad + 1));
    SyncCard card;
    card.eol = bytes.find("\r\n") == std::string_view::npos ? "\n" : "\r\n";
    int number = 0, cards = 0, begin_line = 0;
    bool inside = false, ended = false;
    size_t at = 0;
    while (at < bytes.size()) {
        const size_t end = std::min(bytes.find('\n', at), bytes.size() - 1) + 1;
        const std::string_view raw = bytes.substr(at, end - at);
        at = end;
        ++number;
        const bool blank = raw.find_first_not_of(" \t\r\n") == std::string_view::npos;
        if (inside && (raw[0] == ' ' || raw[0] == '\t') && !card.lines.empty()) {
            card.lines.back().raw += raw;
            continue;
        }
        if (!inside) {
            if (blank) continue;
            if (ended || lower(std::string(raw.substr(0, 11))) != "begin:vcard")
                fail(ended ? "holds more than one card; a vdir file holds one" : "holds no card (no BEGIN:VCARD)", number);
            inside = true;
            begin_line = number;
            ++cards;
        }
        card.lines.push_back({std::string(raw), std::nullopt});
        std::string text(raw);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        if (lower(text) == "end:vcard") inside = false, ended = true;
    }
    if (inside || cards == 0) fail(cards == 0 ? "holds no card (no BEGIN:VCARD)" : "card has no END:VCARD", begin_line);
    for (auto& line : card.lines) {
        line.property = parse_vcard_line(unfolded(line.raw));
        if (line.property && line.property->name == "VERSION") card.version = line.property->value.rfind("4", 0) == 0 ? 4 : 3;
    }
    std::vector<Error> ignored;  // a bad BDAY is left out of the card's view, as import leaves it out
    card.contact = contact_from_card(card_of(card.lines, card.version), path, ignored);
    card.uid = card.contact.uid;
    if (card.uid.empty()) fail("card has no UID; skipped (give it one, e.g. with your phone's app, or delete it)", begin_line);
    return card;
}

std::string rewrite_card(const SyncCard& card, const SyncView& want, const Contact& contact) {
    std::vector<CardLine> lines = card.lines;
    const SyncView have = sync_view(card.contact);
    int next_group = next_group_of(lines);
    for (const auto& key : changed_keys(have, want)) {
        const auto w = want.count(key) ? want.at(key) : std::vector<std::string>{};
        const size_t adr = address_line(lines);
        // Which lines the key owns, and of those which stay: a list item still wanted, once.
        std::vector<bool> owned(lines.size()), stays(lines.size());
        std::vector<std::string> kept_values;
        std::set<std::string> dropped_groups;
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto& p = lines[i].property;
            if (!p || key_of(*p, lines, i == adr) != key) continue;
            owned[i] = true;
            const auto values = merges_as_set(key) && key != "tags" ? values_of(lines, i, key, card.version) : std::vector<std::string>{};
            stays[i] = !values.empty() && std::all_of(values.begin(), values.end(), [&](const std::string& v) {
                return std::find(w.begin(), w.end(), v) != w.end() &&
                       std::find(kept_values.begin(), kept_values.end(), v) == kept_values.end();
            });
            if (stays[i]) kept_values.insert(kept_values.end(), values.begin(), values.end());
            else if (!p->group.empty()) dropped_groups.insert(lower(p->group));
        }
        // New lines go where the key's first line was (a text), or after its last one and its label (a list).
        std::vector<CardLine> out;
        size_t first = std::string::npos, last = std::string::npos;
        std::string last_group;
        for (size_t i = 0; i < lines.size(); ++i) {
            const auto& p = lines[i].property;
            const bool label = p && p->name == "X-ABLABEL";
            if (owned[i] && first == std::string::npos) first = out.size();
            if (label && dropped_groups.count(lower(p->group))) continue;  // a dropped line's label goes with it
            if (owned[i] && !stays[i]) {
                last = out.size();
                last_group.clear();
                continue;
            }
            out.push_back(lines[i]);
            if (owned[i] || (label && !last_group.empty() && lower(p->group) == last_group && last == out.size() - 1))
                last = out.size();
            if (owned[i]) last_group = lower(p->group);
        }
        std::vector<std::string> missing;
        for (const auto& v : w)
            if (std::find(kept_values.begin(), kept_values.end(), v) == kept_values.end()) missing.push_back(v);
        size_t place = merges_as_set(key) ? last : first;
        place = std::min(place, out.size() - 1);  // none: before END:VCARD
        std::vector<CardLine> added;
        for (auto& raw : key_lines(contact, key, missing, card.version, next_group, card.eol))
            added.push_back({raw, parse_vcard_line(unfolded(raw))});
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(place), added.begin(), added.end());
        lines = std::move(out);
    }
    std::string bytes;
    for (const auto& line : lines) bytes += line.raw;
    return bytes;
}

std::string new_sync_card(const Contact& contact, const std::string& uid, int version) {
    Contact c = contact;
    c.uid = uid;
    std::vector<VcardProperty> props;
    for (auto& p : card_from_contact(c, version))
        if (p.name != "ANNIVERSARY" && p.name != "X-ANNIVERSARY") props.push_back(std::move(p));
    int next_group = 1;
    for (auto& p : dialect_properties(c, version, next_group)) props.push_back(std::move(p));
    return render_card(props, version);
}

}  // namespace kith
