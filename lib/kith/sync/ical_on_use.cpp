// The functions of libical that kith calls, each defined here in the library's own name and
// signature (the header's declaration checks both), forwarding to the library's function on the
// first call that opens it. The executable is not linked with the library, so that commands
// that never call it do not load it. A function used anew is added here: the link says which.
#include "kith/sync/ical_on_use.hpp"

#include <libical/ical.h>

namespace kith {

OnUseLibrary& ical_library() {
    static OnUseLibrary library(KITH_ICAL_SONAME);
    return library;
}

}  // namespace kith

// Defines each function of the list below to call the library's own.
#define KITH_ON_USE(result, name, params, args) KITH_FORWARD_ON_USE(kith::ical_library(), result, name, params, args)

KITH_ON_USE(void, icalcomponent_add_component, (icalcomponent* parent, icalcomponent* child), (parent, child))
KITH_ON_USE(char*, icalcomponent_as_ical_string_r, (icalcomponent* component), (component))
KITH_ON_USE(void, icalcomponent_free, (icalcomponent* component), (component))
KITH_ON_USE(struct icaltimetype, icalcomponent_get_dtstart, (icalcomponent* comp), (comp))
KITH_ON_USE(icalcomponent*, icalcomponent_get_first_component, (icalcomponent* component, icalcomponent_kind kind), (component, kind))
KITH_ON_USE(icalproperty*, icalcomponent_get_first_property, (icalcomponent* component, icalproperty_kind kind), (component, kind))
KITH_ON_USE(icalcomponent*, icalcomponent_get_next_component, (icalcomponent* component, icalcomponent_kind kind), (component, kind))
KITH_ON_USE(icalproperty*, icalcomponent_get_next_property, (icalcomponent* component, icalproperty_kind kind), (component, kind))
KITH_ON_USE(icalcomponent*, icalcomponent_get_parent, (icalcomponent* component), (component))
KITH_ON_USE(struct icaltimetype, icalcomponent_get_recurrenceid, (icalcomponent* comp), (comp))
KITH_ON_USE(enum icalproperty_status, icalcomponent_get_status, (icalcomponent* comp), (comp))
KITH_ON_USE(const char*, icalcomponent_get_summary, (icalcomponent* comp), (comp))
KITH_ON_USE(icaltimezone*, icalcomponent_get_timezone, (icalcomponent* comp, const char* tzid), (comp, tzid))
KITH_ON_USE(const char*, icalcomponent_get_uid, (icalcomponent* comp), (comp))
KITH_ON_USE(icalcomponent_kind, icalcomponent_isa, (const icalcomponent* component), (component))
KITH_ON_USE(icalcomponent*, icalcomponent_new, (icalcomponent_kind kind), (kind))
KITH_ON_USE(void, icalcomponent_remove_component, (icalcomponent* parent, icalcomponent* child), (parent, child))
KITH_ON_USE(icalparameter_partstat, icalparameter_get_partstat, (const icalparameter* value), (value))
KITH_ON_USE(const char*, icalparameter_get_tzid, (const icalparameter* value), (value))
KITH_ON_USE(icalcomponent*, icalparser_parse_string, (const char* str), (str))
KITH_ON_USE(icalparameter*, icalproperty_get_first_parameter, (icalproperty* prop, icalparameter_kind kind), (prop, kind))
KITH_ON_USE(enum icalproperty_transp, icalproperty_get_transp, (const icalproperty* prop), (prop))
KITH_ON_USE(const char*, icalproperty_get_tzid, (const icalproperty* prop), (prop))
KITH_ON_USE(const char*, icalproperty_get_value_as_string, (const icalproperty* prop), (prop))
KITH_ON_USE(const char*, icalproperty_get_xlicerror, (const icalproperty* prop), (prop))
KITH_ON_USE(time_t, icaltime_as_timet_with_zone, (const struct icaltimetype tt, const icaltimezone* zone), (tt, zone))
KITH_ON_USE(struct icaltimetype, icaltime_from_timet_with_zone, (const time_t tm, const int is_date, const icaltimezone* zone), (tm, is_date, zone))
KITH_ON_USE(int, icaltime_is_utc, (const struct icaltimetype t), (t))
KITH_ON_USE(struct icaltimetype, icaltime_set_timezone, (struct icaltimetype* t, const icaltimezone* zone), (t, zone))
KITH_ON_USE(icaltimezone*, icaltimezone_get_builtin_timezone, (const char* location), (location))
KITH_ON_USE(void, icalcomponent_foreach_recurrence, (icalcomponent* comp, struct icaltimetype start, struct icaltimetype end, void (*callback)(icalcomponent*, struct icaltime_span*, void*), void* callback_data), (comp, start, end, callback, callback_data))

#undef KITH_ON_USE
