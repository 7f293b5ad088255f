#pragma once
// `kith report`: the health figures as one self-contained XHTML page (inline SVG and CSS, no script).
#include <string>

#include "kith/views/health.hpp"

namespace kith {

// Renders the page. Lists are cut to `top` items; the figures are also embedded as JSON
// (the same object as `kith stats --format json`) in <script type="application/json" id="kith-figures">.
std::string render_report_html(const Health& health, size_t top);

}  // namespace kith
