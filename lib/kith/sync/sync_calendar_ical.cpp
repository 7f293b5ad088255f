#include "kith/sync/sync_calendar_ical.hpp"

#include <libical/ical.h>

#include <cctype>
#include <cstdlib>
#include <chrono>
#include <map>
#include <memory>

#include "kith/base/error.hpp"

namespace kith {
namespace {

using Owned = std::unique_ptr<icalcomponent, void (*)(icalcomponent*)>;

// libical marks what it could not read with X-LIC-ERROR properties; it gives no line, so the
// line is the file's one whose text the message ends with.
void check_errors(icalcomponent* component, std::string_view bytes, const std::string& path) {
    for (icalproperty* error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY); error;
         error = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        const std::string what = icalproperty_get_xlicerror(error) ? icalproperty_get_xlicerror(error) : "unreadable";
        int line = 0, number = 0;
        for (size_t at = 0; at < bytes.size() && line == 0; ++number) {
            size_t end = bytes.find('\n', at);
            if (end == std::string_view::npos) end = bytes.size();
            std::string_view text = bytes.substr(at, end - at);
            if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
            if (!text.empty() && what.size() >= text.size() && what.compare(what.size() - text.size(), text.size(), text) == 0)
                line = number + 1;
            at = end + 1;
        }
        std::string message = what;
        while (!message.empty() && (message.back() == ' ' || message.back() == ':')) message.pop_back();
        if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
        fail_at(path, line, 0, "invalid calendar: " + message + " (libical)");
    }
    for (icalcomponent* inner = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT); inner;
         inner = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT))
        check_errors(inner, bytes, path);
}

std::string text_of(const char* value) { return value ? value : ""; }

// The mailto: address of an ORGANIZER or ATTENDEE, "" for any other URI.
std::string mailto(icalproperty* property) {
    const std::string value = text_of(icalproperty_get_value_as_string(property));
    if (value.size() < 7) return "";
    std::string scheme = value.substr(0, 7);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "mailto:" ? value.substr(7) : "";
}

// What an instance takes from the component that describes it (the master or an override).
EventInstance describe(icalcomponent* event, const std::string& key) {
    EventInstance out;
    out.event = key;
    out.summary = text_of(icalcomponent_get_summary(event));
    out.cancelled = icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;
    if (icalproperty* transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY))
        out.free_time = icalproperty_get_transp(transp) == ICAL_TRANSP_TRANSPARENT;
    for (const icalproperty_kind kind : {ICAL_ORGANIZER_PROPERTY, ICAL_ATTENDEE_PROPERTY}) {
        for (icalproperty* p = icalcomponent_get_first_property(event, kind); p; p = icalcomponent_get_next_property(event, kind)) {
            const std::string address = mailto(p);
            if (address.empty()) continue;
            out.present.push_back(address);
            icalparameter* partstat = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER);
            if (kind == ICAL_ATTENDEE_PROPERTY && partstat && icalparameter_get_partstat(partstat) == ICAL_PARTSTAT_DECLINED)
                out.declined.push_back(address);
        }
    }
    return out;
}

// The RECURRENCE-ID of an override with its TZID resolved as libical resolves DTSTART's (the
// calendar's VTIMEZONE, else the system's zone of that name): libical leaves it floating.
icaltimetype recurrence_id(icalcomponent* event) {
    icaltimetype time = icalcomponent_get_recurrenceid(event);
    icalproperty* property = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
    icalparameter* tzid = property ? icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER) : nullptr;
    if (!tzid || time.zone || time.is_date || icaltime_is_utc(time)) return time;
    const char* name = icalparameter_get_tzid(tzid);
    icaltimezone* zone = nullptr;
    for (icalcomponent* up = icalcomponent_get_parent(event); up && !zone; up = icalcomponent_get_parent(up))
        zone = icalcomponent_get_timezone(up, name);
    if (!zone) zone = icaltimezone_get_builtin_timezone(name);
    return zone ? icaltime_set_timezone(&time, zone) : time;
}

// An instant of a time as libical reads it: a zone's time converted, a floating or all-day one as if UTC.
long long instant(const icaltimetype& time) { return static_cast<long long>(icaltime_as_timet_with_zone(time, time.zone)); }

bool timed(const icaltimetype& time) { return !time.is_date && (time.zone != nullptr || icaltime_is_utc(time)); }

Day utc_day(long long when) { return Day{date::floor<date::days>(std::chrono::seconds{when})}; }

struct Expansion {
    std::vector<long long> starts;
};

void collect(icalcomponent*, struct icaltime_span* span, void* data) {
    static_cast<Expansion*>(data)->starts.push_back(static_cast<long long>(span->start));
}

std::string text_of_component(icalcomponent* component) {
    char* text = icalcomponent_as_ical_string_r(component);
    std::string out = text_of(text);
    std::free(text);
    return out;
}

// While a file is read, it hangs under the shared zones, so that a TZID it does not define
// itself resolves there (libical looks up the parents); then it is let go.
struct Hung {
    icalcomponent* zones;
    icalcomponent* file;
    ~Hung() { icalcomponent_remove_component(zones, file); }
};

}  // namespace

CalendarReader::CalendarReader() : zones_(icalcomponent_new(ICAL_XROOT_COMPONENT)) {}

CalendarReader::~CalendarReader() { icalcomponent_free(zones_); }

std::vector<EventInstance> CalendarReader::read(std::string_view bytes, const std::string& path, Day since, Day until,
                                                const std::function<Day(std::int64_t)>& local_day) {
    const std::string text(bytes);
    icalcomponent* parsed = icalparser_parse_string(text.c_str());
    if (!parsed) fail_at(path, 0, 0, "not an iCalendar file: libical read no VCALENDAR");
    const Owned root(parsed, icalcomponent_free);
    check_errors(parsed, bytes, path);
    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(parsed) == ICAL_VCALENDAR_COMPONENT) calendars.push_back(parsed);
    for (icalcomponent* c = icalcomponent_get_first_component(parsed, ICAL_VCALENDAR_COMPONENT); c;
         c = icalcomponent_get_next_component(parsed, ICAL_VCALENDAR_COMPONENT))
        calendars.push_back(c);
    if (calendars.empty()) fail_at(path, 0, 0, "not an iCalendar file: libical read no VCALENDAR");
    // A VTIMEZONE written as one shared already is that one; a new TZID's becomes shared; one
    // that differs from the shared zone of its TZID stays the file's own (found first).
    for (icalcomponent* calendar : calendars) {
        std::vector<icalcomponent*> defined;
        for (icalcomponent* z = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT); z;
             z = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT))
            defined.push_back(z);
        for (icalcomponent* zone : defined) {
            icalproperty* tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY);
            if (!tzid || !icalproperty_get_tzid(tzid)) continue;
            const std::string name = icalproperty_get_tzid(tzid), written = text_of_component(zone);
            const auto [shared, fresh] = zone_texts_.try_emplace(name, written);
            if (!fresh && shared->second != written) continue;
            icalcomponent_remove_component(calendar, zone);
            if (fresh)
                icalcomponent_add_component(zones_, zone);
            else
                icalcomponent_free(zone);
        }
    }
    icalcomponent_add_component(zones_, parsed);
    const Hung hung{zones_, parsed};

    const long long first = (since.time_since_epoch().count() - 2) * 86400LL;
    const long long last = (until.time_since_epoch().count() + 3) * 86400LL;
    std::vector<EventInstance> out;
    const auto add = [&](EventInstance instance, const icaltimetype& start, long long when) {
        instance.order = when;
        instance.day = timed(start) ? local_day(when) : utc_day(when);
        out.push_back(std::move(instance));
    };
    for (icalcomponent* calendar : calendars) {
        std::map<std::string, std::vector<icalcomponent*>> events;  // by UID, in file order
        for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e;
             e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
            events[text_of(icalcomponent_get_uid(e))].push_back(e);
        for (const auto& [uid, components] : events) {
            const std::string key = path + "\n" + uid;
            std::map<long long, icalcomponent*> overrides;  // by the instant of the start they replace
            icalcomponent* master = nullptr;
            for (icalcomponent* e : components) {
                if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY))
                    overrides[instant(recurrence_id(e))] = e;
                else if (!master && icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY))
                    master = e;
            }
            if (master) {
                // libical expands RRULE, RDATE and EXDATE; RECURRENCE-ID overrides are applied here.
                Expansion found;
                const icaltimetype start = icalcomponent_get_dtstart(master);
                icalcomponent_foreach_recurrence(master, icaltime_from_timet_with_zone(static_cast<time_t>(first), 0, nullptr),
                                                 icaltime_from_timet_with_zone(static_cast<time_t>(last), 0, nullptr), collect, &found);
                const EventInstance described = describe(master, key);
                for (long long when : found.starts)
                    if (!overrides.count(when)) add(described, start, when);
            }
            for (const auto& [replaced, override] : overrides) {
                const bool moved = icalcomponent_get_first_property(override, ICAL_DTSTART_PROPERTY) != nullptr;
                const icaltimetype start = moved ? icalcomponent_get_dtstart(override) : recurrence_id(override);
                add(describe(override, key), start, instant(start));
            }
        }
    }
    return out;
}

}  // namespace kith
