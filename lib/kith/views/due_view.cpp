#include "kith/views/due_view.hpp"

#include <cstdio>

#include "kith/views/profile.hpp"

namespace kith {
namespace {

}  // namespace

Tone lateness_tone(long overdue) {
    if (overdue < 0) return Tone::soft;
    if (overdue == 0) return Tone::plain;
    if (overdue < 7) return Tone::late;
    return overdue < 30 ? Tone::alert : Tone::overdue;
}

namespace {

Tone tone_of(const DueItem& item) { return lateness_tone(item.overdue); }

std::string group(const char* title, const Table& table, const TextStyle& style) {
    if (table.rows.empty()) return "";
    TextStyle rows = style;
    rows.heading = false;
    rows.width = style.width > 2 ? style.width - 2 : style.width;
    std::string out = paint(std::string(title) + " (" + std::to_string(table.rows.size()) + ")", Tone::plain, false) + "\n";
    const std::string body = render_text(table, rows);
    size_t start = 0;
    while (start < body.size()) {
        const size_t end = body.find('\n', start);
        out += "  " + body.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

}  // namespace

std::string describe_overdue(long overdue) {
    if (overdue == 0) return "due today";
    if (overdue < 0) return relative_days(-overdue);
    return std::to_string(overdue) + (overdue == 1 ? " day overdue" : " days overdue");
}

Table due_table(const std::vector<DueItem>& items) {
    Table table;
    table.columns = {{"what", "WHAT"}, {"slug", "SLUG"}, {"name", "NAME"}, {"tier", "TIER"}, {"due", "DUE"},
                     {"overdue", "OVERDUE", true}, {"detail", "DETAIL", false, true},
                     // After SPEC 6's columns: the person's, on every row, for scripts.
                     {"staleness", "STALENESS", true}, {"prefer", "PREFER"}, {"email", "EMAIL", false, false, true},
                     {"phone", "PHONE", false, false, true}, {"last_date", "LAST DATE"}, {"last_kind", "LAST KIND"},
                     {"last_note", "LAST NOTE", false, true}};
    for (const auto& item : items) {
        const Contact& c = *item.contact;
        const LogEntry* last = item.status.last_entry;
        char staleness[32] = "";
        if (item.status.staleness) std::snprintf(staleness, sizeof staleness, "%.2f", *item.status.staleness);
        table.add({to_string(item.what), c.slug, c.name, item.tier, format_day(item.due), std::to_string(item.overdue),
                   item.detail, staleness, c.prefer, join_list(c.email), join_list(c.phone),
                   last ? format_day(last->date) : "", last ? last->kind : "", last ? last->note : ""},
                  tone_of(item));
    }
    return table;
}

std::string render_due_text(const std::vector<DueItem>& items, const TextStyle& style) {
    Table people, followups, dates;
    // Names keep their width, and give way last; the last contact is wrapped in its column when
    // its kind and day fit there, else on the lines below. A follow-up's text is wrapped too.
    people.columns = {{.key = "name", .heading = "", .name = true}, {"tier", ""}, {"when", ""}, {"stale", ""},
                      {"via", "", false, true},
                      {"last", "", false, false, false, 3}};
    followups.columns = {{.key = "name", .heading = "", .name = true}, {"tier", ""}, {"when", ""},
                         {"what", "", false, false, false, 1}};
    dates.columns = followups.columns;
    for (const auto& item : items) {
        const std::string when = describe_overdue(item.overdue);
        switch (item.what) {
            case DueKind::contact: {
                const std::string stale = item.status.staleness ? format_staleness(*item.status.staleness) : "new";
                const std::string via = item.contact->prefer.empty() ? "" : "via " + item.contact->prefer;
                people.add({item.contact->name, item.tier, when, stale, via, "last: " + item.detail}, tone_of(item));
                break;
            }
            case DueKind::followup:
                followups.add({item.contact->name, item.tier, when, item.detail}, tone_of(item));
                break;
            case DueKind::birthday:
            case DueKind::date:
                dates.add({item.contact->name, item.tier, when, item.detail}, tone_of(item));
                break;
        }
    }
    std::string out = group("Get in touch", people, style);
    const std::string second = group("Follow-ups", followups, style);
    const std::string third = group("Birthdays and dates", dates, style);
    for (const std::string* part : {&second, &third}) {
        if (part->empty()) continue;
        out += (out.empty() ? "" : "\n") + *part;
    }
    return out;
}

}  // namespace kith
