#include "kith/ics.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "kith/hash.hpp"

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

std::string uid_of(const DueItem& item) {
    // A follow-up or date is one thing, whatever day it falls on; a contact's reminder is
    // one per due day, so that a new reminder is a new to-do once the old one is met.
    std::string key = std::string(to_string(item.what)) + "/" + item.contact->slug + "/";
    key += item.what == DueKind::contact ? format_day(item.due) : item.detail;
    if (item.what == DueKind::followup) key += "/" + format_day(item.due);
    return stable_hash(key) + "-" + to_string(item.what) + "@kith";
}

std::string summary_of(const DueItem& item) {
    const std::string& name = item.contact->name;
    switch (item.what) {
        case DueKind::contact: return "Get in touch with " + name;
        case DueKind::followup: return name + ": " + item.detail;
        case DueKind::birthday: return name + "'s birthday" + (item.detail == "birthday" ? "" : " (" + item.detail + ")");
        case DueKind::date: return name + ": " + item.detail;
    }
    return name;
}

void property(std::string& out, std::string_view name, std::string_view value) { out += ics_fold(std::string(name) + ":" + std::string(value)); }

}  // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    size_t used = 0;  // octets on the current physical line
    size_t i = 0;
    while (i < line.size()) {
        size_t length = 1;
        const auto lead = static_cast<unsigned char>(line[i]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        length = std::min(length, line.size() - i);
        if (used + length > 75) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, length));
        used += length;
        i += length;
    }
    return out + "\r\n";
}

std::string render_ics(const std::vector<DueItem>& items, Day today) {
    std::string out;
    property(out, "BEGIN", "VCALENDAR");
    property(out, "VERSION", "2.0");
    property(out, "PRODID", "-//kith//kith due//EN");
    property(out, "CALSCALE", "GREGORIAN");
    const std::string stamp = compact_day(today) + "T000000Z";
    for (const auto& item : items) {
        const bool yearly = item.what == DueKind::birthday || item.what == DueKind::date;
        property(out, "BEGIN", yearly ? "VEVENT" : "VTODO");
        property(out, "UID", uid_of(item));
        property(out, "DTSTAMP", stamp);
        property(out, "SUMMARY", ics_escape(summary_of(item)));
        if (yearly) {
            property(out, "DTSTART;VALUE=DATE", compact_day(item.due));
            property(out, "DTEND;VALUE=DATE", compact_day(item.due + date::days{1}));
            property(out, "RRULE", "FREQ=YEARLY");
            property(out, "TRANSP", "TRANSPARENT");
        } else {
            property(out, "DUE;VALUE=DATE", compact_day(item.due));
            property(out, "STATUS", "NEEDS-ACTION");
        }
        std::string description = "tier: " + item.tier;
        if (item.what == DueKind::contact) description += "\nlast: " + item.detail;
        if (!item.contact->prefer.empty()) description += "\nprefer: " + item.contact->prefer;
        property(out, "DESCRIPTION", ics_escape(description));
        property(out, "CATEGORIES", std::string("kith,") + to_string(item.what));  // a list: commas separate
        property(out, "END", yearly ? "VEVENT" : "VTODO");
    }
    property(out, "END", "VCALENDAR");
    return out;
}

}  // namespace kith
