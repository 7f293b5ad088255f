#include "kith/store/index.hpp"

#include <algorithm>
#include <cstring>

#include "kith/base/hash.hpp"

#include "kith/model/fields.hpp"
#include "kith/model/status.hpp"

namespace kith {
namespace {

// No offset in an index is larger (the store reads at most max_index_bytes of a name table).
constexpr std::uint64_t max_index_offset = std::uint64_t{1} << 32;

// 16 bytes that say what the file is; the header's checksum follows.
constexpr std::string_view magic = std::string_view("kith-index-6\n\0\0\0", 16);

class Writer {
public:
    void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void str(std::string_view s) {
        u64(s.size());
        out_ += s;
    }
    void strings(const std::vector<std::string>& v) {
        u64(v.size());
        for (const auto& s : v) str(s);
    }
    void day(Day d) { i64(d.time_since_epoch().count()); }
    void optional_day(const std::optional<Day>& d) {
        u64(d ? 1 : 0);
        if (d) day(*d);
    }
    void month_day(const MonthDay& md) {
        u64(md.month);
        u64(md.day);
        u64(md.year ? 1 : 0);
        i64(md.year.value_or(0));
    }
    // A count, then each item as `one` writes it.
    template <class T, class One>
    void items(const std::vector<T>& all, One one) {
        u64(all.size());
        for (const T& item : all) one(item);
    }
    void raw(std::string_view s) { out_ += s; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

// Reads what Writer wrote; any overrun or absurd value marks the reader failed.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool failed() const { return failed_; }
    void reject() { fail(); }
    bool done() const { return at_ == in_.size(); }

    std::uint64_t u64() {
        if (failed_ || in_.size() - at_ < 8) return fail();
        std::uint64_t v = 0;
        std::memcpy(&v, in_.data() + at_, 8);
        at_ += 8;
        return v;
    }
    std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
    std::string str() {
        const std::uint64_t n = u64();
        if (failed_ || n > in_.size() - at_) return fail(), std::string();
        std::string s(in_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::string_view view() {
        const std::uint64_t n = u64();
        if (failed_ || n > in_.size() - at_) return fail(), std::string_view();
        const std::string_view s = in_.substr(at_, n);
        at_ += n;
        return s;
    }
    // The bytes of a list of strings, checked but not copied.
    std::string_view strings_view() {
        const size_t from = at_;
        for (std::uint64_t i = 0, n = count(); i < n && !failed_; ++i) view();
        return failed_ ? std::string_view() : in_.substr(from, at_ - from);
    }
    std::vector<std::string> strings() {
        const std::uint64_t n = count();
        std::vector<std::string> v;
        for (std::uint64_t i = 0; i < n && !failed_; ++i) v.push_back(str());
        return v;
    }
    // A count of items, each at least 8 bytes: more than the bytes left is corruption.
    std::uint64_t count() {
        const std::uint64_t n = u64();
        if (n > (in_.size() - at_) / 8) return fail();
        return n;
    }
    // A count, then each item as `one` reads it.
    template <class T, class One>
    void items(std::vector<T>& all, One one) {
        for (std::uint64_t i = 0, n = count(); i < n && !failed_; ++i) one(all.emplace_back());
    }
    Day day() { return Day{date::days{static_cast<int>(i64())}}; }
    std::optional<Day> optional_day() {
        if (u64() == 0) return std::nullopt;
        return day();
    }
    MonthDay month_day() {
        MonthDay md;
        md.month = static_cast<unsigned>(u64());
        md.day = static_cast<unsigned>(u64());
        const bool has_year = u64() != 0;
        const auto year = i64();
        if (has_year) md.year = static_cast<int>(year);
        if (md.month < 1 || md.month > 12 || md.day < 1 || md.day > 31) fail();
        return md;
    }

private:
    std::uint64_t fail() {
        failed_ = true;
        at_ = in_.size();
        return 0;
    }
    std::string_view in_;
    size_t at_ = 0;
    bool failed_ = false;
};

// What the index keeps of each field is coded by the field's kind, never by its key: a field
// added to the table is kept with no edit here, when its row says the summary keeps it (all but
// the notes, which no whole-network command reads). Within a kind the fields lie in table order,
// but the dates lie as format 6 laid them out (first_due joined the table before snooze after the
// format had placed it last); a date field named nowhere here follows them in table order.
// (Which fields the summary keeps is not in field_table_signature(): a change to it bumps index_version.)
bool indexed(const Field& f) { return (f.projections & in_summary) != 0; }

size_t format_rank(const Field& f) {
    constexpr std::string_view format6_dates[] = {"since", "snooze", "first_due"};
    const auto at = std::find(std::begin(format6_dates), std::end(format6_dates), std::string_view(f.key));
    return static_cast<size_t>(at - std::begin(format6_dates));
}

// The fields of one kind, in the order the index lays them out.
const std::vector<const Field*>& fields_of(FieldKind kind) {
    static const auto by_kind = [] {
        std::vector<std::vector<const Field*>> out(static_cast<size_t>(FieldKind::entries) + 1);
        for (const Field& f : contact_fields())
            if (indexed(f)) out[static_cast<size_t>(f.kind)].push_back(&f);
        std::stable_sort(out[static_cast<size_t>(FieldKind::date)].begin(), out[static_cast<size_t>(FieldKind::date)].end(),
                         [](const Field* a, const Field* b) { return format_rank(*a) < format_rank(*b); });
        return out;
    }();
    return by_kind[static_cast<size_t>(kind)];
}

// The kinds in the order the index lays them out; the texts come first, before `archived`.
constexpr FieldKind kinds_after_texts[] = {FieldKind::text_list, FieldKind::duration, FieldKind::yearly_date,
                                           FieldKind::date, FieldKind::entries};

void write_field(Writer& w, const Field& f, const Contact& c) {
    switch (f.kind) {
        case FieldKind::text: return w.str(c.*f.text);
        case FieldKind::text_list: return w.strings(c.*f.list);
        case FieldKind::date: return w.optional_day(c.*f.day);
        case FieldKind::yearly_date:
            w.u64(c.*f.yearly ? 1 : 0);
            if (c.*f.yearly) w.month_day(*(c.*f.yearly));
            return;
        case FieldKind::duration: {
            const std::optional<Duration>& d = c.*f.duration;
            w.u64(d ? 1 : 0);
            w.i64(d ? d->count : 0);
            w.u64(d ? static_cast<std::uint64_t>(d->unit) : 0);
            return;
        }
        case FieldKind::entries:
            if (f.dates) w.items(c.*f.dates, [&](const YearlyDate& d) {
                w.month_day(d.date);
                w.str(d.what);
            });
            if (f.followups) w.items(c.*f.followups, [&](const FollowUp& u) {
                w.day(u.due);
                w.str(u.what);
                w.optional_day(u.done);
                w.i64(u.line);
            });
            if (f.log) w.items(c.*f.log, [&](const LogEntry& e) {
                w.day(e.date);
                w.str(e.kind);
                w.str(e.note);
                w.str(e.with);
                w.i64(e.line);
            });
            return;
    }
}

void read_field(Reader& r, const Field& f, Contact& c) {
    switch (f.kind) {
        case FieldKind::text: c.*f.text = r.str(); return;
        case FieldKind::text_list: c.*f.list = r.strings(); return;
        case FieldKind::date: c.*f.day = r.optional_day(); return;
        case FieldKind::yearly_date:
            if (r.u64() != 0) c.*f.yearly = r.month_day();
            return;
        case FieldKind::duration: {
            const bool has = r.u64() != 0;
            const auto count = static_cast<int>(r.i64());
            const auto unit = static_cast<char>(r.u64());
            if (!has) return;
            const Duration d{count, unit};
            if (parse_duration(d.text()) != d) r.reject();  // only what a file can hold
            c.*f.duration = d;
            return;
        }
        case FieldKind::entries:
            if (f.dates) r.items(c.*f.dates, [&](YearlyDate& d) {
                d.date = r.month_day();
                d.what = r.str();
            });
            if (f.followups) r.items(c.*f.followups, [&](FollowUp& u) {
                u.due = r.day();
                u.what = r.str();
                u.done = r.optional_day();
                u.line = static_cast<int>(r.i64());
            });
            if (f.log) r.items(c.*f.log, [&](LogEntry& e) {
                e.date = r.day();
                e.kind = r.str();
                e.note = r.str();
                e.with = r.str();
                e.line = static_cast<int>(r.i64());
            });
            return;
    }
}

void write_contact(Writer& w, const Contact& c) {
    w.str(c.slug);
    w.str(c.path);
    for (const Field* f : fields_of(FieldKind::text)) write_field(w, *f, c);
    w.u64(c.archived ? 1 : 0);
    for (const FieldKind kind : kinds_after_texts)
        for (const Field* f : fields_of(kind)) write_field(w, *f, c);
}

Contact read_contact(Reader& r) {
    Contact c;
    c.slug = r.str();
    c.path = r.str();
    for (const Field* f : fields_of(FieldKind::text)) read_field(r, *f, c);
    c.archived = r.u64() != 0;
    for (const FieldKind kind : kinds_after_texts)
        for (const Field* f : fields_of(kind)) read_field(r, *f, c);
    return c;
}

}  // namespace

std::optional<Day> newest_entry(const Contact& contact) {
    std::optional<Day> newest;
    for (const auto& logged : contact.log)
        if (!newest || logged.date > *newest) newest = logged.date;
    return newest;
}

void reduce_to_summary(Contact& contact) {
    // The same choice as contact_status makes on the newest day: the latest that counts, the last of a tie.
    const LogEntry* latest = nullptr;
    for (const auto& logged : contact.log)
        if (counts_as_contact(logged.kind) && (!latest || logged.date >= latest->date)) latest = &logged;
    std::vector<LogEntry> kept;
    if (latest) kept.push_back(*latest);
    contact.log = std::move(kept);
    keep_only(contact, in_summary);
}

std::string encode_summary(const Contact& summary) {
    Writer w;
    write_contact(w, summary);
    return w.take();
}

std::string encode_aka(const Contact& contact) {
    Writer w;
    w.strings(contact.aka);
    return w.take();
}

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
    Reader r(bytes);
    Contact c = read_contact(r);
    if (r.failed() || !r.done() || c.path != record.path) return std::nullopt;
    return c;
}

std::vector<std::string> aka_of(const IndexRecord& record) {
    Reader r(record.aka);
    std::vector<std::string> out = r.strings();
    return r.failed() ? std::vector<std::string>{} : out;
}

}  // namespace kith
