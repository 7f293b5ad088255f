#pragma once
// Text in XML (the XHTML and SVG of `kith report`).
#include <string>
#include <string_view>

namespace kith {

// Escapes text for XML content and attribute values: & < > " ' as references; control
// characters, invalid UTF-8 and other non-characters of XML 1.0 become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace kith
