#pragma once
// `kith report`: the health figures as one self-contained XHTML page (inline SVG and CSS, no script).
#include <string>
#include <string_view>

#include "kith/health.hpp"

namespace kith {

// Escapes text for XML content and attribute values: & < > " ' as references; control
// characters, invalid UTF-8 and other non-characters of XML 1.0 become U+FFFD.
std::string xml_escape(std::string_view text);

// Renders the page. Lists are cut to `top` items; the figures are also embedded as JSON
// (the same object as `kith stats --format json`) in <script type="application/json" id="kith-figures">.
std::string render_report_html(const Health& health, size_t top);

}  // namespace kith
