#include "kith/views/stats_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "kith/views/due_view.hpp"
#include "kith/base/plural.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

std::string repeat(const char* cell, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += cell;
    return out;
}

// Splits `width` cells among the counts by largest remainder, so that they always add up.
std::array<size_t, 3> cells(const std::array<size_t, 3>& counts, int width) {
    const size_t total = counts[0] + counts[1] + counts[2];
    std::array<size_t, 3> out{0, 0, 0};
    if (total == 0 || width <= 0) return out;
    std::array<size_t, 3> remainder{};
    size_t used = 0;
    for (size_t i = 0; i < 3; ++i) {
        out[i] = counts[i] * static_cast<size_t>(width) / total;
        remainder[i] = counts[i] * static_cast<size_t>(width) % total;
        used += out[i];
    }
    while (used < static_cast<size_t>(width)) {
        size_t best = 0;
        for (size_t i = 1; i < 3; ++i)
            if (remainder[i] > remainder[best]) best = i;
        ++out[best];
        remainder[best] = 0;
        ++used;
    }
    return out;
}

std::string staleness_text(const std::optional<double>& value) {
    if (!value) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f×", *value);
    return buffer;
}

std::string fit_line(const std::string& line, int width) { return width > 0 ? fit_width(line, width) : line; }

// Renders the rows of a section under its heading, each line indented two columns: names give
// way last, and the last column is wrapped, never cut (table.hpp).
std::string indented_rows(const Table& table, int width) {
    const std::string text = render_text(table, TextStyle{width > 0 ? std::max(width - 2, 20) : 0, false, false});
    std::string out;
    for (const std::string_view line : split_lines(text)) out += "  " + std::string(line);
    return out;
}

}  // namespace

std::string tier_bar(const TierHealth& tier, int width, bool color) {
    const auto n = cells({tier.on_time, tier.due_soon, tier.overdue}, width);
    if (n[0] + n[1] + n[2] == 0) return repeat("·", static_cast<size_t>(std::max(0, width)));
    return paint(repeat("█", n[0]), Tone::plain, color) + paint(repeat("▒", n[1]), Tone::soft, color) +
           paint(repeat("░", n[2]), Tone::alert, color);
}

std::string sparkline(const std::vector<size_t>& counts) {
    static const std::array<const char*, 8> blocks = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    const size_t top = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    std::string out;
    for (size_t count : counts) {
        size_t level = 0;
        if (count > 0) level = top <= 1 ? 7 : 1 + (count - 1) * 6 / (top - 1);
        out += blocks[level];
    }
    return out;
}

std::string render_stats_text(const Health& health, const TextStyle& style, size_t top) {
    const int width = style.width;
    std::string out = count_of(health.people, "person", "people") + ", " +
                      count_of(health.interactions, "interaction", "interactions") + " from " +
                      format_day(health.from) + " to " + format_day(health.today) + "\n\n";
    int tier_width = 4;
    for (const auto& tier : health.tiers) tier_width = std::max(tier_width, display_width(tier.tier));
    out += "Tiers (█ on time, ▒ due soon, ░ overdue; median staleness)\n";
    for (const auto& tier : health.tiers)
        out += fit_line("  " + pad_right(tier.tier, tier_width) + "  " + tier_bar(tier, 20, style.color) + "  " +
                            std::to_string(tier.on_time) + " on time, " + std::to_string(tier.due_soon) + " soon, " +
                            std::to_string(tier.overdue) + " overdue; " + staleness_text(tier.median_staleness),
                        style.color ? 0 : width) +
               "\n";
    std::vector<size_t> weeks = health.weeks;
    if (width > 4 && weeks.size() > static_cast<size_t>(width - 4))
        weeks.erase(weeks.begin(), weeks.end() - (width - 4));
    const size_t most = weeks.empty() ? 0 : *std::max_element(weeks.begin(), weeks.end());
    out += "\nContacts per week (" + std::to_string(weeks.size()) + " weeks, at most " + std::to_string(most) +
           ")\n  " + sparkline(weeks) + "\n\n";
    const size_t fell_due = health.promises_on_time + health.promises_late + health.promises_open;
    const auto kept = health.kept_percent();
    out += "Promises kept on time: " + (kept ? std::to_string(*kept) + "%" : std::string("-")) + " (" +
           std::to_string(health.promises_on_time) + " of " + std::to_string(fell_due) + "; " +
           std::to_string(health.promises_late) + " late, " + std::to_string(health.promises_open) +
           " open past due)\n";
    if (!health.overdue.empty()) {
        out += "\nMost overdue (" + std::to_string(health.overdue.size()) + " due)\n";
        // The last contact wraps (in its column, or below); the name gives way last.
        Table rows{{{.key = "name", .heading = "", .name = true}, {"when", ""},
                    {"last", "", false, false, false, 2}}, {}, {}};
        for (size_t i = 0; i < std::min(top, health.overdue.size()); ++i)
            rows.add({health.overdue[i].name, describe_overdue(health.overdue[i].overdue), health.overdue[i].last});
        out += indented_rows(rows, width);
    }
    if (!health.quiet.empty()) {
        out += "\nGone quiet (contacts, earlier half -> recent half)\n";
        Table rows{{{.key = "name", .heading = "", .shrink = true, .name = true}, {"change", ""}}, {}, {}};
        for (size_t i = 0; i < std::min(top, health.quiet.size()); ++i)
            rows.add({health.quiet[i].name, std::to_string(health.quiet[i].before) + " -> " +
                                                std::to_string(health.quiet[i].recent)});
        out += indented_rows(rows, width);
    }
    return out;
}

}  // namespace kith
