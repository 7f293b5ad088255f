#pragma once
// Writing vCards: escaping, 75-octet folding, stable UIDs. Generic: no contact fields here.
#include <string>
#include <string_view>
#include <vector>

#include "kith/interchange/vcard.hpp"

namespace kith {

// Escapes a text value: backslash, ',', ';' and line breaks (as \n); other control
// characters but the tab become U+FFFD (as ics_escape does).
std::string vcard_escape(std::string_view text);

// Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 sequence; ends with CRLF.
std::string vcard_fold(std::string_view line);

// Returns a "urn:uuid:" UID derived from `seed` only: the same on every run and machine.
std::string stable_uid(std::string_view seed);

// Renders one property as a folded content line ending in CRLF: group, name, parameters, value.
std::string render_property(const VcardProperty& property);

// Renders a card: BEGIN, VERSION ("3.0" or "4.0"), the properties in order, END.
std::string render_card(const std::vector<VcardProperty>& properties, int version);

}  // namespace kith
