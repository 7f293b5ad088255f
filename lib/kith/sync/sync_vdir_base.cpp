// The base of `kith sync vdir` as a file in .kith/: a header line, then one line per UID, sorted,
// its fields tab-separated, so that a run reads each pair's stamps without decoding its values.
#include "kith/sync/sync_vdir_base.hpp"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "kith/base/error.hpp"
#include "kith/model/fields.hpp"

namespace kith {
namespace {

// What the base's stamps were taken under: the table of fields and the way cards map to them.
// A kith that maps differently reads every pair again (the same stamps, another view).
constexpr std::uint64_t card_mapping_version = 1;

std::string header() {
    return fmt::format("kith-sync-vdir 2 {:016x}{:04x}", field_table_signature(), card_mapping_version);
}

// A text with no tab or line break in it: backslash, tab, CR and LF escaped.
std::string escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string unescaped(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

std::string stamp_text(const std::optional<FileStamp>& s) {
    return s ? fmt::format("{}:{}:{}:{}:{}", s->size, s->mtime_ns, s->ctime_ns, s->inode, s->device) : "-";
}

std::optional<FileStamp> stamp_from(std::string_view text) {
    if (text == "-") return std::nullopt;
    FileStamp s;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (std::uint64_t* part : {&s.size, &s.mtime_ns, &s.ctime_ns, &s.inode, &s.device}) {
        const auto [next, ec] = std::from_chars(at, end, *part);
        if (ec != std::errc{} || (next != end && *next != ':')) throw std::invalid_argument("a stamp");
        at = next == end ? end : next + 1;
    }
    return s;
}

// The first version: one JSON object, no stamps.
SyncBase read_first_version(const nlohmann::json& all, const std::string& path) {
    if (all.at("kith_sync_vdir").get<int>() != 1) throw Error(ErrorKind::invalid, "is of another version", Location{path, 0, 0});
    SyncBase base;
    for (const auto& [uid, entry] : all.at("cards").items()) {
        SyncBaseEntry& e = base[uid];
        e.file = entry.at("file").get<std::string>();
        e.gone = entry.at("gone").get<bool>();
        e.fields = entry.at("fields").dump();
        decode_fields(e.fields);
    }
    return base;
}

}  // namespace

std::string encode_fields(const SyncView& view) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [key, values] : view) fields[key] = values;
    std::string encoded = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    encoded.shrink_to_fit();  // a base holds one per UID: without the room the dump grew into
    return encoded;
}

SyncView decode_fields(std::string_view fields) {
    SyncView view;
    try {
        const auto all = nlohmann::json::parse(fields);
        for (const auto& [key, values] : all.items()) view[key] = values.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::invalid, std::string("the base's fields do not read: ") + e.what());
    }
    return view;
}

std::string write_sync_base(const SyncBase& base) {
    std::string out = header() + "\n";
    size_t bound = out.size();  // reserved at once: a base of thousands of UIDs is never copied to grow
    for (const auto& [uid, e] : base) bound += 2 * (uid.size() + e.file.size() + e.person.size()) + e.fields.size() + 220;
    out.reserve(bound);
    for (const auto& [uid, e] : base)
        out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", escaped(uid), escaped(e.file), e.gone ? 1 : 0, stamp_text(e.card_stamp),
                           escaped(e.person), stamp_text(e.person_stamp), e.fields.empty() ? "{}" : e.fields);
    return out;
}

SyncBase read_sync_base(std::string_view bytes, const std::string& path) {
    try {
        if (bytes.starts_with("{")) return read_first_version(nlohmann::json::parse(bytes), path);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::invalid, std::string("does not read as a sync base: ") + e.what(), Location{path, 0, 0});
    }
    const size_t eol = bytes.find('\n');
    const std::string_view first = bytes.substr(0, eol);
    if (!first.starts_with("kith-sync-vdir 2 ")) throw Error(ErrorKind::invalid, "is not a sync base of this kith", Location{path, 1, 0});
    const bool stamps_hold = first == header();
    SyncBase base;
    int line = 1;
    for (size_t at = eol == std::string_view::npos ? bytes.size() : eol + 1; at < bytes.size(); ++line) {
        const size_t end = std::min(bytes.find('\n', at), bytes.size());
        const std::string_view text = bytes.substr(at, end - at);
        at = end + 1;
        std::vector<std::string_view> parts;
        for (size_t from = 0;;) {
            const size_t tab = text.find('\t', from);
            parts.push_back(text.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
            if (tab == std::string_view::npos) break;
            from = tab + 1;
        }
        try {
            if (parts.size() != 7 || (parts[2] != "0" && parts[2] != "1") || !parts[6].starts_with("{"))
                throw std::invalid_argument("a line");
            SyncBaseEntry& e = base[unescaped(parts[0])];
            e.file = unescaped(parts[1]);
            e.gone = parts[2] == "1";
            e.card_stamp = stamp_from(parts[3]);
            e.person = unescaped(parts[4]);
            e.person_stamp = stamp_from(parts[5]);
            e.fields = std::string(parts[6]);
            if (!stamps_hold) e.card_stamp = e.person_stamp = std::nullopt;
        } catch (const std::invalid_argument&) {
            throw Error(ErrorKind::invalid, "does not read as a sync base", Location{path, line + 1, 0});
        }
    }
    return base;
}

std::optional<FileStamp> trusted_stamp(const std::optional<FileStamp>& stamp, std::uint64_t settled_ns) {
    if (!stamp || stamp->ctime_ns >= settled_ns || stamp->mtime_ns >= settled_ns) return std::nullopt;
    return stamp;
}

}  // namespace kith
