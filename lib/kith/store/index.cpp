#include "kith/store/index.hpp"

#include <algorithm>
#include <cstring>

#include "kith/base/hash.hpp"
#include "kith/model/fields.hpp"
#include "kith/store/index_bytes.hpp"

namespace kith {
namespace {

using index_bytes::Reader;
using index_bytes::Writer;

// No offset in an index is larger (the store reads at most max_index_bytes of a name table).
constexpr std::uint64_t max_index_offset = std::uint64_t{1} << 32;

// 16 bytes that say what the file is; the header's checksum follows.
constexpr std::string_view magic = std::string_view("kith-index-6\n\0\0\0", 16);

}  // namespace

IndexRecord record_of(const NewSummary& s, std::string_view aka_bytes, std::uint64_t at, std::string_view bytes) {
    return IndexRecord{s.summary->path, s.stamp, s.newest_entry, s.summary->slug, s.summary->name,
                       aka_bytes,       at,      bytes.size(),   checksum(bytes)};
}

std::uint64_t settings_key(const Config& config) {
    Writer w;
    w.u64(index_version);
    w.u64(field_table_signature());
    w.u64(config.tiers.size());
    for (const Tier& tier : config.tiers) {
        w.str(tier.name);
        w.i64(tier.cadence.count);
        w.u64(static_cast<std::uint64_t>(tier.cadence.unit));
        w.u64(tier.notice ? 1 : 0);
        w.i64(tier.notice ? tier.notice->count : 0);
        w.u64(tier.notice ? static_cast<std::uint64_t>(tier.notice->unit) : 0);
    }
    for (const std::string* s : {&config.default_tier, &config.me_name, &config.me_email}) w.str(*s);
    w.u64(config.autocommit ? 1 : 0);
    return hash_bytes(w.take());
}

namespace {

// The header's fields after its checksum, as written.
std::string header_fields(const IndexHeader& h) {
    Writer w;
    for (std::uint64_t v : {h.settings_key, h.count, h.names_at, h.names_size, h.dead_bytes}) w.u64(v);
    return w.take();
}

std::uint64_t header_checksum(const IndexHeader& h, std::string_view names) {
    return checksum(header_fields(h)) ^ (checksum(names) * 0x9E3779B97F4A7C15ULL);
}

}  // namespace

std::optional<IndexHeader> read_index_header(std::string_view bytes) {
    if (bytes.size() < index_header_size || bytes.substr(0, magic.size()) != magic) return std::nullopt;
    Reader r(bytes.substr(magic.size(), index_header_size - magic.size()));
    IndexHeader h;
    for (std::uint64_t* v : {&h.checksum, &h.settings_key, &h.count, &h.names_at, &h.names_size, &h.dead_bytes}) *v = r.u64();
    if (r.failed() || h.names_at < index_header_size || h.names_at > max_index_offset || h.names_size > max_index_offset ||
        h.dead_bytes > h.names_at)
        return std::nullopt;
    return h;
}

std::string write_index_header(const IndexHeader& header) {
    Writer w;
    w.raw(magic);
    w.u64(header.checksum);
    w.raw(header_fields(header));
    std::string out = w.take();
    out.resize(index_header_size, '\0');
    return out;
}

std::optional<std::vector<IndexRecord>> read_name_table(const IndexHeader& header, std::string_view names) {
    if (names.size() != header.names_size || header_checksum(header, names) != header.checksum) return std::nullopt;
    Reader r(names);
    std::vector<IndexRecord> records;
    const std::uint64_t n = r.count();
    if (n != header.count) return std::nullopt;
    records.reserve(n);
    for (std::uint64_t i = 0; i < n && !r.failed(); ++i) {
        IndexRecord& rec = records.emplace_back();
        rec.path = r.view();
        for (std::uint64_t* v : {&rec.stamp.size, &rec.stamp.mtime_ns, &rec.stamp.ctime_ns, &rec.stamp.inode, &rec.stamp.device})
            *v = r.u64();
        rec.newest_entry = r.optional_day();
        rec.slug = r.view();
        rec.name = r.view();
        rec.aka = r.strings_view();
        rec.summary_at = r.u64();
        rec.summary_size = r.u64();
        rec.summary_checksum = r.u64();
        if (rec.summary_at < index_header_size || rec.summary_at > header.names_at ||
            rec.summary_size > header.names_at - rec.summary_at)
            r.reject();
    }
    if (r.failed() || !r.done()) return std::nullopt;
    for (size_t i = 1; i < records.size(); ++i)
        if (!(records[i - 1].path < records[i].path)) return std::nullopt;  // not as written: sorted, each path once
    return records;
}

std::pair<IndexHeader, std::string> write_name_table(const std::vector<IndexRecord>& records, std::uint64_t settings_key,
                                                     std::uint64_t names_at, std::uint64_t dead_bytes) {
    std::vector<const IndexRecord*> sorted;
    sorted.reserve(records.size());
    for (const IndexRecord& rec : records) sorted.push_back(&rec);
    std::sort(sorted.begin(), sorted.end(), [](const IndexRecord* a, const IndexRecord* b) { return a->path < b->path; });
    Writer w;
    w.u64(records.size());
    for (const IndexRecord* at : sorted) {
        const IndexRecord& rec = *at;
        w.str(rec.path);
        for (std::uint64_t v : {rec.stamp.size, rec.stamp.mtime_ns, rec.stamp.ctime_ns, rec.stamp.inode, rec.stamp.device}) w.u64(v);
        w.optional_day(rec.newest_entry);
        w.str(rec.slug);
        w.str(rec.name);
        w.raw(rec.aka);
        w.u64(rec.summary_at);
        w.u64(rec.summary_size);
        w.u64(rec.summary_checksum);
    }
    std::string names = w.take();
    IndexHeader header{0, settings_key, records.size(), names_at, names.size(), dead_bytes};
    header.checksum = header_checksum(header, names);
    return {header, std::move(names)};
}

std::optional<Contact> read_summary(const IndexRecord& record, std::string_view bytes) {
    if (bytes.size() != record.summary_size || checksum(bytes) != record.summary_checksum) return std::nullopt;
    std::optional<Contact> c = decode_summary(bytes);
    if (!c || c->path != record.path) return std::nullopt;
    return c;
}

std::vector<std::string> aka_of(const IndexRecord& record) { return decode_aka(record.aka); }

}  // namespace kith