#include "kith/views/profile.hpp"

#include <algorithm>
#include <cstdio>

#include "kith/model/fields.hpp"
#include "kith/model/status.hpp"
#include "kith/base/table.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Adds "  label      value"; only notes keep their line breaks, and no value carries a
// control character to the terminal.
int wrap_width = 0;  // set by render_profile for its fields; 0: no wrapping

void field(std::string& out, const char* label, const std::string& value, bool lines = false) {
    if (value.empty()) return;
    std::string text = visible(value, lines);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (wrap_width > 0) {  // each line wrapped between words to the width left after the label
        std::string wrapped;
        size_t start = 0;
        while (start <= text.size()) {
            const size_t end = std::min(text.find('\n', start), text.size());
            for (const auto& part : wrap_words(text.substr(start, end - start), std::max(wrap_width - 13, 20)))
                wrapped += (wrapped.empty() ? "" : "\n") + part;
            start = end + 1;
        }
        text = wrapped;
    }
    // Continuation lines of multi-line notes line up under the first.
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
        text.insert(at + 1, std::string(13, ' '));
    out += "  " + pad_right(label, 11) + text + "\n";
}

std::string tier_line(const Contact& contact, const Config& config) {
    return tier_of(contact, config) + ", every " + cadence_of(contact, config).text() +
           (contact.cadence ? " (own cadence)" : "");
}

std::string status_line(const ContactStatus& status, Day today) {
    std::string out = status.last_contact ? "last contact " + format_day(*status.last_contact) : "no contact yet";
    const long ahead = days_between(today, status.due_on);
    out += "; " + std::string(ahead <= 0 ? "due " : "next due ") + format_day(status.due_on) + " (" +
           relative_days(ahead) + ")";
    if (status.staleness && *status.staleness >= 0.05) out += "; " + format_staleness(*status.staleness);
    return out;
}

}  // namespace

std::string relative_days(long days_ahead) {
    if (days_ahead == 0) return "today";
    const long n = days_ahead < 0 ? -days_ahead : days_ahead;
    const std::string amount = std::to_string(n) + (n == 1 ? " day" : " days");
    return days_ahead > 0 ? "in " + amount : amount + " ago";
}

std::string format_staleness(double ratio) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f\u00d7", ratio);
    return buf;
}

std::string month_day_for_people(const MonthDay& day) {
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (day.month < 1 || day.month > 12) return format_month_day(day);
    return std::to_string(day.day) + " " + months[day.month - 1] + (day.year ? " " + std::to_string(*day.year) : "");
}

std::string render_profile(const Contact& c, const Config& config, Day today, const ProfileView& view) {
    wrap_width = view.width;
    const auto name_of = [&](const std::string& slug) {
        const auto found = view.names.find(slug);
        return found == view.names.end() ? slug : found->second;
    };
    std::string out;
    const std::string heading = visible(c.name) + " (" + visible(c.slug) + ")" + (c.archived ? " [archived]" : "");
    for (const auto& line : view.width > 0 ? wrap_words(heading, view.width) : std::vector<std::string>{heading})
        out += line + "\n";
    const ContactStatus status = contact_status(c, config, today);
    // The shown fields and their labels come from the field table; status goes after the
    // scalars, then the notes, then the entries.
    const Field* notes = nullptr;
    bool status_done = false;
    const auto status_and_notes = [&] {
        if (status_done) return;
        status_done = true;
        field(out, "status", c.archived ? "archived: never due; restore with 'kith unarchive " + visible(c.slug) + "'"
                                        : status_line(status, today));
        if (notes) field(out, notes->label, c.*notes->text, true);
    };
    for (const auto& f : contact_fields()) {
        if (*f.label == '\0') continue;
        const std::string key = f.key;
        if (key == "tier") field(out, f.label, tier_line(c, config));
        else if (key == "introduced_by") field(out, f.label, c.introduced_by.empty() ? "" : "by " + name_of(c.introduced_by));
        else if (key == "birthday") field(out, f.label, c.birthday ? month_day_for_people(*c.birthday) : "");
        else if (key == "notes") notes = &f;
        else if (key == "snooze") field(out, f.label, c.snooze && *c.snooze > today ? "until " + format_day(*c.snooze) : "");
        else if (f.kind != FieldKind::entries) field(out, f.label, join(field_texts(f, c)));
        else status_and_notes();
        if (f.dates)
            for (const auto& yearly : c.*f.dates) field(out, f.label, month_day_for_people(yearly.date) + " " + yearly.what);
        if (f.followups) {
            for (const auto& u : c.*f.followups) {
                if (u.done) continue;
                field(out, f.label, format_day(u.due) + " " + u.what + " (" + relative_days(days_between(today, u.due)) + ")");
            }
        }
    }
    status_and_notes();
    if (!c.log.empty()) {
        const size_t shown = std::min(c.log.size(), profile_log_entries);
        out += "  log (last " + std::to_string(shown) + " of " + std::to_string(c.log.size()) + ")\n";
        for (size_t i = c.log.size() - shown; i < c.log.size(); ++i) {
            const LogEntry& e = c.log[i];
            std::string line = "    " + format_day(e.date) + "  " + pad_right(e.kind.empty() ? "-" : visible(e.kind), 9);
            if (!e.with.empty()) line += " with " + visible(name_of(e.with)) + (e.note.empty() ? "" : ":");
            if (!e.note.empty()) line += " " + visible(e.note);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            if (view.width > 0 && display_width(line) > view.width) {  // the note wraps under itself
                const std::string lead = line.substr(0, 25);
                std::string wrapped;
                for (const auto& part : wrap_words(line.substr(25), std::max(view.width - 26, 20)))
                    wrapped += (wrapped.empty() ? lead + " " : "\n" + std::string(26, ' ')) + part;
                line = wrapped;
            }
            out += line + "\n";
        }
    }
    wrap_width = 0;
    return out;
}

}  // namespace kith
