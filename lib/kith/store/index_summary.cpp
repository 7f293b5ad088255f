#include "kith/store/index_summary.hpp"

#include <algorithm>

#include "kith/model/fields.hpp"
#include "kith/store/index_bytes.hpp"

namespace kith {
namespace {

using index_bytes::Reader;
using index_bytes::Writer;

// What the index keeps of each field is coded by the field's kind, never by its key: a field
// added to the table is kept with no edit here, when its row says the summary keeps it (all but
// the notes, which no whole-network command reads). Within a kind the fields lie in table order,
// but the dates lie as format 6 laid them out (first_due joined the table before snooze after the
// format had placed it last); a date field named nowhere here follows them in table order.
// (Which fields the summary keeps is not in field_table_signature(): a change to it bumps index_version.)
bool kept_in_summary(const Field& f) { return (f.projections & in_summary) != 0; }

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
            if (kept_in_summary(f)) out[static_cast<size_t>(f.kind)].push_back(&f);
        std::stable_sort(out[static_cast<size_t>(FieldKind::date)].begin(), out[static_cast<size_t>(FieldKind::date)].end(),
                         [](const Field* a, const Field* b) { return format_rank(*a) < format_rank(*b); });
        return out;
    }();
    return by_kind[static_cast<size_t>(kind)];
}

// The kinds in the order the index lays them out; the texts come first, before `archived`.
constexpr FieldKind kinds_after_texts[] = {FieldKind::text_list, FieldKind::duration, FieldKind::yearly_date,
                                           FieldKind::date, FieldKind::entries};

// Codes one field either way: `Io` is a Writer with a const contact, or a Reader with one to fill.
template <class Io, class C>
void code_field(Io& io, const Field& f, C& c) {
    switch (f.kind) {
        case FieldKind::text: return io.code(c.*f.text);
        case FieldKind::text_list: return io.code(c.*f.list);
        case FieldKind::date: return io.code(c.*f.day);
        case FieldKind::yearly_date: return io.code(c.*f.yearly);
        case FieldKind::duration: return io.code(c.*f.duration);
        case FieldKind::entries:
            if (f.dates) io.items(c.*f.dates, [&](auto& d) {
                io.code(d.date);
                io.code(d.what);
            });
            if (f.followups) io.items(c.*f.followups, [&](auto& u) {
                io.code(u.due);
                io.code(u.what);
                io.code(u.done);
                io.code(u.line);
            });
            if (f.log) io.items(c.*f.log, [&](auto& e) {
                io.code(e.date);
                io.code(e.kind);
                io.code(e.note);
                io.code(e.with);
                io.code(e.line);
            });
            return;
    }
}

// Codes a summary either way: its slug and path, its texts, whether it is archived, then the
// other kinds in the index's order.
template <class Io, class C>
void code_contact(Io& io, C& c) {
    io.code(c.slug);
    io.code(c.path);
    for (const Field* f : fields_of(FieldKind::text)) code_field(io, *f, c);
    io.code(c.archived);
    for (const FieldKind kind : kinds_after_texts)
        for (const Field* f : fields_of(kind)) code_field(io, *f, c);
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
    code_contact(w, summary);
    return w.take();
}

std::string encode_aka(const Contact& contact) {
    Writer w;
    w.strings(contact.aka);
    return w.take();
}

std::optional<Contact> decode_summary(std::string_view bytes) {
    Reader r(bytes);
    Contact c;
    code_contact(r, c);
    if (r.failed() || !r.done()) return std::nullopt;
    return c;
}

std::vector<std::string> decode_aka(std::string_view bytes) {
    Reader r(bytes);
    std::vector<std::string> out = r.strings();
    return r.failed() ? std::vector<std::string>{} : out;
}

}  // namespace kith
