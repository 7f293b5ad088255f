#pragma once
// The inline SVG charts of `kith report`: the contact heatmap, a tier's bar, promises by month.
#include <string>

#include "kith/views/health.hpp"

namespace kith {

// A calendar heatmap, one cell per day from health.from to today, weeks as columns (Monday on top),
// each cell with a <title> naming who and what.
std::string heatmap_svg(const Health& health);

// A stacked bar of a tier: on time, due soon, overdue, each with a <title>.
std::string tier_bar_svg(const TierHealth& tier);

// Stacked columns per month: follow-ups kept on time, kept late, open past due.
std::string promises_svg(const Health& health);

}  // namespace kith
