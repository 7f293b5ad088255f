#include "kith/index.hpp"

#include <cstring>

#include "kith/fields.hpp"
#include "kith/status.hpp"

namespace kith {
namespace {

// The checksum of everything after it makes a flipped byte ignore the whole index.
constexpr std::string_view magic = "kith-index\n";

class Writer {
public:
    void u64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
    void str(const std::string& s) {
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

// The texts and lists of the table of fields, but the notes (no whole-network command reads
// them): a field added to the table is kept here with no other edit.
bool indexed_text(const Field& f) { return f.text && std::string_view(f.key) != "notes"; }

void write_contact(Writer& w, const Contact& c) {
    w.str(c.slug);
    w.str(c.path);
    for (const Field& f : contact_fields())
        if (indexed_text(f)) w.str(c.*f.text);
    w.u64(c.archived ? 1 : 0);
    for (const Field& f : contact_fields())
        if (f.list) w.strings(c.*f.list);
    w.u64(c.cadence ? 1 : 0);
    w.i64(c.cadence ? c.cadence->count : 0);
    w.u64(c.cadence ? static_cast<std::uint64_t>(c.cadence->unit) : 0);
    w.u64(c.birthday ? 1 : 0);
    if (c.birthday) w.month_day(*c.birthday);
    w.optional_day(c.since);
    w.optional_day(c.snooze);
    w.u64(c.dates.size());
    for (const auto& d : c.dates) {
        w.month_day(d.date);
        w.str(d.what);
    }
    w.u64(c.followups.size());
    for (const auto& f : c.followups) {
        w.day(f.due);
        w.str(f.what);
        w.optional_day(f.done);
        w.i64(f.line);
    }
    w.u64(c.log.size());
    for (const auto& e : c.log) {
        w.day(e.date);
        w.str(e.kind);
        w.str(e.note);
        w.str(e.with);
        w.i64(e.line);
    }
}

Contact read_contact(Reader& r) {
    Contact c;
    c.slug = r.str();
    c.path = r.str();
    for (const Field& f : contact_fields())
        if (indexed_text(f)) c.*f.text = r.str();
    c.archived = r.u64() != 0;
    for (const Field& f : contact_fields())
        if (f.list) c.*f.list = r.strings();
    const bool has_cadence = r.u64() != 0;
    const auto count = static_cast<int>(r.i64());
    const auto unit = static_cast<char>(r.u64());
    if (has_cadence) {
        if (count < 1 || count > 100000 || std::string_view("dwmy").find(unit) == std::string_view::npos) r.reject();
        c.cadence = Duration{count, unit};
    }
    if (r.u64() != 0) c.birthday = r.month_day();
    c.since = r.optional_day();
    c.snooze = r.optional_day();
    for (std::uint64_t i = 0, n = r.count(); i < n && !r.failed(); ++i) {
        YearlyDate d;
        d.date = r.month_day();
        d.what = r.str();
        c.dates.push_back(std::move(d));
    }
    for (std::uint64_t i = 0, n = r.count(); i < n && !r.failed(); ++i) {
        FollowUp f;
        f.due = r.day();
        f.what = r.str();
        f.done = r.optional_day();
        f.line = static_cast<int>(r.i64());
        c.followups.push_back(std::move(f));
    }
    for (std::uint64_t i = 0, n = r.count(); i < n && !r.failed(); ++i) {
        LogEntry e;
        e.date = r.day();
        e.kind = r.str();
        e.note = r.str();
        e.with = r.str();
        e.line = static_cast<int>(r.i64());
        c.log.push_back(std::move(e));
    }
    return c;
}

}  // namespace

IndexEntry summarize(const Contact& contact, const FileStamp& stamp) {
    IndexEntry entry{stamp, {}, std::nullopt};
    for (const auto& logged : contact.log)
        if (!entry.newest_entry || logged.date > *entry.newest_entry) entry.newest_entry = logged.date;
    // The same choice as contact_status makes on the newest day: the latest that counts, the last of a tie.
    const LogEntry* latest = nullptr;
    for (const auto& logged : contact.log)
        if (counts_as_contact(logged.kind) && (!latest || logged.date >= latest->date)) latest = &logged;
    Contact& s = entry.summary;
    s = contact;
    s.notes.clear();
    s.log.clear();
    if (latest) s.log.push_back(*latest);
    return entry;
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

std::string encode_index(const NetworkIndex& index) {
    Writer w;
    w.u64(index.settings_key);
    w.u64(index.entries.size());
    for (const auto& [path, entry] : index.entries) {
        w.str(path);
        for (std::uint64_t v : {entry.stamp.size, entry.stamp.mtime_ns, entry.stamp.ctime_ns, entry.stamp.inode,
                                entry.stamp.device})
            w.u64(v);
        w.optional_day(entry.newest_entry);
        write_contact(w, entry.summary);
    }
    const std::string payload = w.take();
    Writer head;
    head.u64(hash_bytes(payload));
    return std::string(magic) + head.take() + payload;
}

std::optional<NetworkIndex> decode_index(std::string_view bytes) {
    if (!bytes.starts_with(magic) || bytes.size() < magic.size() + 8) return std::nullopt;
    Reader head(bytes.substr(magic.size(), 8));
    const std::string_view payload = bytes.substr(magic.size() + 8);
    if (head.u64() != hash_bytes(payload)) return std::nullopt;
    Reader r(payload);
    NetworkIndex index;
    index.settings_key = r.u64();
    for (std::uint64_t i = 0, n = r.count(); i < n && !r.failed(); ++i) {
        std::string path = r.str();
        IndexEntry entry;
        for (std::uint64_t* v : {&entry.stamp.size, &entry.stamp.mtime_ns, &entry.stamp.ctime_ns, &entry.stamp.inode,
                                 &entry.stamp.device})
            *v = r.u64();
        entry.newest_entry = r.optional_day();
        entry.summary = read_contact(r);
        index.entries.emplace(std::move(path), std::move(entry));
    }
    if (r.failed() || !r.done()) return std::nullopt;
    return index;
}

}  // namespace kith
