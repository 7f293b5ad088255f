#pragma once
// `kith stats`: the health figures for the terminal (tier bars, a weekly sparkline, promises, who is overdue).
#include <string>
#include <vector>

#include "kith/views/health.hpp"
#include "kith/base/table.hpp"

namespace kith {

// Returns a bar of `width` cells: full blocks for on time, shaded for due soon, light for overdue.
std::string tier_bar(const TierHealth& tier, int width, bool color);

// Returns one block character per count, from ▁ (zero) to █ (the largest count).
std::string sparkline(const std::vector<size_t>& counts);

// Renders every figure as text, lists cut to `top` items, lines fitted to the style's width.
std::string render_stats_text(const Health& health, const TextStyle& style, size_t top);

}  // namespace kith
