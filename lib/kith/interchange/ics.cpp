#include "kith/interchange/ics.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "kith/base/hash.hpp"
#include "kith/base/utf8.hpp"

namespace kith {
namespace {

std::string compact_day(Day day) {
    std::string text = format_day(day);
    return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
}

std::string stable_hash(std::string_view text) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_bytes(text)));
    return buf;
}

bool yearly(const DueItem& item) { return item.what == DueKind::birthday || item.what == DueKind::date; }

std::string uid_of(const DueItem& item) {
    // A follow-up or date is one thing, whatever day it falls on; a contact's reminder is
    // one per due day, so that a new reminder is a new to-do once the old one is met. A
    // birthday is one per person, whatever the age, so that next year's feed updates
    // this year's event instead of adding a second one.
    std::string key = std::string(to_string(item.what)) + "/" + item.contact->slug + "/";
    if (item.what == DueKind::contact) key += format_day(item.due);
    else if (item.what == DueKind::birthday) key += "birthday";
    else key += item.detail;
    if (item.what == DueKind::followup) key += "/" + format_day(item.due);
    return stable_hash(key) + "-" + to_string(item.what) + "@kith";
}

// The summary says nothing that depends on the year: a yearly event repeats it every year.
std::string summary_of(const DueItem& item) {
    const std::string& name = item.contact->name;
    switch (item.what) {
        case DueKind::contact: return "Get in touch with " + name;
        case DueKind::followup: return name + ": " + item.detail;
        case DueKind::birthday: return name + "'s birthday";
        case DueKind::date: return name + ": " + item.detail;
    }
    return name;
}

// The yearly day an item comes from, as the file gives it.
const MonthDay* yearly_day(const DueItem& item) {
    if (item.what == DueKind::birthday) return item.contact->birthday ? &*item.contact->birthday : nullptr;
    for (const auto& yearly : item.contact->dates)
        if (yearly.what == item.detail) return &yearly.date;
    return nullptr;
}

std::string description_of(const DueItem& item, IcsTodos todos) {
    std::string out;
    // The year the day began is true every year; an age would not be.
    const MonthDay* day = yearly(item) ? yearly_day(item) : nullptr;
    if (day && day->year) out += (item.what == DueKind::birthday ? "born " : "since ") + std::to_string(*day->year) + "\n";
    if (!yearly(item) && todos == IcsTodos::events) out += "due: " + format_day(item.due) + "\n";
    out += "tier: " + item.tier;
    if (item.what == DueKind::contact) out += "\nlast: " + item.detail;
    if (!item.contact->prefer.empty()) out += "\nprefer: " + item.contact->prefer;
    return out;
}

// A day that falls on 29 February recurs on the last day of February, as SPEC 4 says.
std::string yearly_rule(const DueItem& item) {
    const MonthDay* day = yearly_day(item);
    const bool leap_day = day && day->month == 2 && day->day == 29;
    return leap_day ? "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY";
}

void property(std::string& out, std::string_view name, std::string_view value) { out += ics_fold(std::string(name) + ":" + std::string(value)); }

}  // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':  // CRLF, CR and LF are each one line break
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            case '\t': out += c; break;
            default:
                // Neither format may carry another control character (RFC 5545 3.3.11, RFC 6350 3.3).
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += "\uFFFD";
                else out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    size_t used = 0;  // octets on the current physical line
    for_each_utf8_char(line, [&](Utf8Char c, size_t at) {  // never fold inside a character
        if (used + c.size > 75) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(at, c.size));
        used += c.size;
    });
    return out + "\r\n";
}

std::string render_ics_item(const DueItem& item, Day today, IcsTodos todos) {
    std::string out;
    const std::string stamp = compact_day(today) + "T000000Z";
    const bool event = yearly(item) || todos == IcsTodos::events;
    property(out, "BEGIN", event ? "VEVENT" : "VTODO");
    property(out, "UID", uid_of(item));
    property(out, "DTSTAMP", stamp);
    property(out, "SUMMARY", ics_escape(summary_of(item)));
    if (event) {
        // What is overdue is still to do: it shows today, where a calendar looks.
        const Day on = yearly(item) ? item.due : std::max(item.due, today);
        property(out, "DTSTART;VALUE=DATE", compact_day(on));
        property(out, "DTEND;VALUE=DATE", compact_day(on + date::days{1}));
        if (yearly(item)) property(out, "RRULE", yearly_rule(item));
        property(out, "TRANSP", "TRANSPARENT");
    } else {
        property(out, "DUE;VALUE=DATE", compact_day(item.due));
        property(out, "STATUS", "NEEDS-ACTION");
    }
    property(out, "DESCRIPTION", ics_escape(description_of(item, todos)));
    property(out, "CATEGORIES", std::string("kith,") + to_string(item.what));  // a list: commas separate
    property(out, "END", event ? "VEVENT" : "VTODO");
    return out;
}

std::string render_ics(const std::vector<DueItem>& items, Day today, IcsTodos todos) {
    std::string out;
    property(out, "BEGIN", "VCALENDAR");
    property(out, "VERSION", "2.0");
    property(out, "PRODID", "-//kith//kith due//EN");
    property(out, "CALSCALE", "GREGORIAN");
    for (const auto& item : items) out += render_ics_item(item, today, todos);
    property(out, "END", "VCALENDAR");
    return out;
}

}  // namespace kith
