#include "kith/model/fields.hpp"

#include "kith/base/hash.hpp"
#include "kith/model/entries.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

using K = FieldKind;

Field text(const char* key, std::string Contact::*member) { return Field{.key = key, .kind = K::text, .text = member}; }
Field list(const char* key, std::vector<std::string> Contact::*member) {
    return Field{.key = key, .kind = K::text_list, .list = member};
}

// Sets the optional columns of a row: what find, show, add, vCard and CSV make of it, and which
// projections keep it.
Field with(Field f, bool searched, const char* label, const char* option, const char* help, const char* vcard,
           const char* csv, unsigned projections) {
    f.projections = projections;
    f.searched = searched;
    f.label = label;
    f.option = option;
    f.help = help;
    f.vcard = vcard;
    f.csv = csv;
    return f;
}

std::vector<Field> make_table() {
    // Which projections keep a field whole: the summary all but the notes (and of the log, only
    // the latest entry that counts); due and suggest pick the entries they read themselves.
    constexpr unsigned summary = in_summary, due = summary | in_due, suggest = summary | in_suggest, all = due | suggest;
    Field cadence{.key = "cadence", .kind = K::duration, .duration = &Contact::cadence};
    Field birthday{.key = "birthday", .kind = K::yearly_date, .yearly = &Contact::birthday};
    Field since{.key = "since", .kind = K::date, .day = &Contact::since};
    Field first_due{.key = "first_due", .kind = K::date, .day = &Contact::first_due};
    Field snooze{.key = "snooze", .kind = K::date, .day = &Contact::snooze};
    Field dates{.key = "dates", .kind = K::entries, .dates = &Contact::dates};
    Field followups{.key = "followups", .kind = K::entries, .followups = &Contact::followups};
    Field log{.key = "log", .kind = K::entries, .log = &Contact::log};
    return {
        with(text("name", &Contact::name), true, "", "", "Full name", "FN", "name", all),
        with(list("aka", &Contact::aka), true, "aka", "--aka", "Another name to find them by (repeatable)", "NICKNAME",
             "aka", suggest),
        with(text("tier", &Contact::tier), false, "tier", "--tier", "Tier (core, close, loose, ...)", "", "tier", all),
        with(cadence, false, "", "--cadence", "Keep-in-touch interval, overriding the tier's (e.g. 2w)", "", "cadence", due),
        with(text("title", &Contact::title), true, "title", "--title", "Job title", "TITLE", "title", suggest),
        with(text("org", &Contact::org), true, "org", "--org", "Organisation", "ORG", "org", suggest),
        with(text("role", &Contact::role), true, "role", "--role", "Responsibility", "ROLE", "role", suggest),
        with(list("email", &Contact::email), false, "email", "--email", "Email address (repeatable)", "EMAIL", "email", summary),
        with(list("phone", &Contact::phone), false, "phone", "--phone", "Phone number (repeatable)", "TEL", "phone", summary),
        with(text("address", &Contact::address), false, "address", "--address", "Postal address", "ADR", "address", summary),
        with(list("url", &Contact::url), false, "url", "--url", "Web page: a profile, a homepage (repeatable)", "URL",
             "url", summary),
        with(text("prefer", &Contact::prefer), false, "prefer", "--prefer",
             "Favourite way to reach them (email, phone, ...)", "", "prefer", due),
        with(text("assistant", &Contact::assistant), false, "assistant", "--assistant", "Their assistant or secretary",
             "", "assistant", summary),
        with(list("interests", &Contact::interests), true, "interests", "--interest", "Interest (repeatable)", "",
             "interests", suggest),
        with(list("tags", &Contact::tags), true, "tags", "--tag", "Tag (repeatable)", "CATEGORIES", "tags", all),
        with(text("met", &Contact::met), true, "met", "--met", "How and where you met", "", "met", summary),
        with(text("introduced_by", &Contact::introduced_by), false, "introduced", "--introduced-by",
             "Slug of the person who introduced you", "", "introduced_by", suggest),
        with(text("why", &Contact::why), true, "why", "--why", "What the relationship is for", "", "why", suggest),
        with(text("notes", &Contact::notes), true, "notes", "--notes", "Free text", "NOTE", "notes", 0),
        with(birthday, false, "birthday", "--birthday", "YYYY-MM-DD, or --MM-DD / MM-DD without the year", "BDAY",
             "birthday", due),
        with(since, false, "since", "--since", "Start of the relationship (default: today)", "", "since", due),
        with(first_due, false, "first due", "", "", "", "first_due", due),
        with(snooze, false, "snoozed", "", "", "", "snooze", due),
        with(text("uid", &Contact::uid), false, "", "", "", "UID", "uid", summary),
        with(dates, false, "date", "", "", "ANNIVERSARY", "", due),
        with(followups, false, "follow-up", "", "", "", "", summary),
        with(log, true, "log", "", "", "", "", summary),
    };
}

std::string followup_item(const FollowUp& f) {
    std::vector<std::pair<std::string, std::string>> parts = {{"due", format_day(f.due)}};
    if (!f.what.empty()) parts.emplace_back("what", yaml_scalar(f.what));
    if (f.done) parts.emplace_back("done", format_day(*f.done));
    return yaml_flow_map(parts);
}

template <class T, class Line>
std::string block(const char* key, const std::vector<T>& items, Line line) {
    if (items.empty()) return "";
    std::string out = std::string(key) + ":\n";
    for (const auto& item : items) out += "  - " + line(item) + "\n";
    return out;
}

}  // namespace

const char* to_string(FieldKind kind) {
    switch (kind) {
        case K::text: return "text";
        case K::text_list: return "list";
        case K::date: return "date";
        case K::yearly_date: return "yearly date";
        case K::duration: return "duration";
        case K::entries: return "entries";
    }
    return "text";
}

const std::vector<Field>& contact_fields() {
    static const std::vector<Field> table = make_table();
    return table;
}

const Field* find_field(std::string_view key) {
    for (const auto& f : contact_fields())
        if (key == f.key) return &f;
    return nullptr;
}

std::uint64_t field_table_signature() {
    std::string all;
    for (const auto& f : contact_fields()) all += std::string(f.key) + "=" + to_string(f.kind) + ";";
    return hash_bytes(all);
}

Contact project(const Contact& c, Projection projection) {
    Contact out;
    out.slug = c.slug;
    out.path = c.path;
    out.archived = c.archived;
    for (const Field& f : contact_fields()) {
        if (!(f.projections & projection)) continue;
        switch (f.kind) {
            case K::text: out.*f.text = c.*f.text; break;
            case K::text_list: out.*f.list = c.*f.list; break;
            case K::date: out.*f.day = c.*f.day; break;
            case K::yearly_date: out.*f.yearly = c.*f.yearly; break;
            case K::duration: out.*f.duration = c.*f.duration; break;
            case K::entries:
                if (f.dates) out.*f.dates = c.*f.dates;
                if (f.followups) out.*f.followups = c.*f.followups;
                if (f.log) out.*f.log = c.*f.log;
                break;
        }
    }
    return out;
}

void keep_only(Contact& c, Projection projection) {
    for (const Field& f : contact_fields()) {
        if (f.projections & projection) continue;
        switch (f.kind) {  // emptied and let go
            case K::text: c.*f.text = std::string(); break;
            case K::text_list: c.*f.list = {}; break;
            case K::date: (c.*f.day).reset(); break;
            case K::yearly_date: (c.*f.yearly).reset(); break;
            case K::duration: (c.*f.duration).reset(); break;
            case K::entries:
                if (f.dates) c.*f.dates = {};
                if (f.followups) c.*f.followups = {};
                if (f.log) c.*f.log = {};
                break;
        }
    }
}

std::string yearly_date_line(const YearlyDate& d) {
    std::vector<std::pair<std::string, std::string>> parts = {{"date", format_month_day(d.date)}};
    if (!d.what.empty()) parts.emplace_back("what", yaml_scalar(d.what));
    return yaml_flow_map(parts);
}

bool field_is_set(const Field& f, const Contact& c) {
    switch (f.kind) {
        case K::text: return !(c.*f.text).empty();
        case K::text_list: return !(c.*f.list).empty();
        case K::date: return (c.*f.day).has_value();
        case K::yearly_date: return (c.*f.yearly).has_value();
        case K::duration: return (c.*f.duration).has_value();
        case K::entries: return !field_texts(f, c).empty();
    }
    return false;
}

bool field_equal(const Field& f, const Contact& a, const Contact& b) {
    switch (f.kind) {
        case K::text: return a.*f.text == b.*f.text;
        case K::text_list: return a.*f.list == b.*f.list;
        case K::date: return a.*f.day == b.*f.day;
        case K::yearly_date: return a.*f.yearly == b.*f.yearly;
        case K::duration: return a.*f.duration == b.*f.duration;
        case K::entries: return render_field(f, a) == render_field(f, b);
    }
    return false;
}

std::vector<std::string> field_texts(const Field& f, const Contact& c) {
    std::vector<std::string> out;
    switch (f.kind) {
        case K::text:
            if (!(c.*f.text).empty()) out.push_back(c.*f.text);
            break;
        case K::text_list: out = c.*f.list; break;
        case K::date:
            if (c.*f.day) out.push_back(format_day(*(c.*f.day)));
            break;
        case K::yearly_date:
            if (c.*f.yearly) out.push_back(format_month_day(*(c.*f.yearly)));
            break;
        case K::duration:
            if (c.*f.duration) out.push_back((c.*f.duration)->text());
            break;
        case K::entries:
            if (f.dates)
                for (const auto& d : c.*f.dates) out.push_back(format_month_day(d.date) + " " + d.what);
            if (f.followups)
                for (const auto& u : c.*f.followups) out.push_back(format_day(u.due) + " " + u.what);
            if (f.log)
                for (const auto& e : c.*f.log) out.push_back(format_day(e.date) + " " + e.kind + " " + e.note);
            break;
    }
    return out;
}

std::string render_field(const Field& f, const Contact& c) {
    const std::string key = f.key;
    switch (f.kind) {
        case K::text: return (c.*f.text).empty() ? "" : key + ": " + yaml_scalar(c.*f.text) + "\n";
        case K::text_list: return (c.*f.list).empty() ? "" : key + ": " + yaml_flow_list(c.*f.list) + "\n";
        case K::date:
        case K::yearly_date:
        case K::duration: {
            const auto texts = field_texts(f, c);
            return texts.empty() ? "" : key + ": " + texts.front() + "\n";
        }
        case K::entries:
            if (f.dates) return block(f.key, c.*f.dates, yearly_date_line);
            if (f.followups) return block(f.key, c.*f.followups, followup_item);
            if (f.log) return block(f.key, c.*f.log, log_entry_line);
            return "";
    }
    return "";
}

}  // namespace kith
