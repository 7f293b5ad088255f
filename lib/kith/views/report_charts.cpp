#include "kith/views/report_charts.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "kith/base/plural.hpp"
#include "kith/base/xml.hpp"

namespace kith {
namespace {

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr long kStep = 14;  // heatmap cell and gap
constexpr long kLeft = 30, kTop = 18;

std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

// 1 to 4 by the share of the busiest day; 0 for no contact.
int level(size_t count, size_t most) {
    if (count == 0 || most == 0) return 0;
    return static_cast<int>(std::min<size_t>(4, (4 * count + most - 1) / most));
}

std::string day_title(const DayActivity& day) {
    std::string text = format_day(day.day) + " · ";
    if (day.count == 0) return text + "no contact";
    text += count_of(day.count, "contact", "contacts") + ": ";
    for (size_t i = 0; i < day.who.size(); ++i) text += (i ? ", " : "") + day.who[i];
    if (day.count > day.who.size()) text += " and " + std::to_string(day.count - day.who.size()) + " more";
    return text;
}

std::string rect(double x, double y, double w, double h, const char* cls, const std::string& title,
                 const char* extra = "") {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
           "\" class=\"" + cls + "\"" + extra + "><title>" + xml_escape(title) + "</title></rect>";
}

std::string text(double x, double y, const std::string& content, const char* anchor = "start") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + xml_escape(content) +
           "</text>";
}

}  // namespace

std::string heatmap_svg(const Health& health) {
    const unsigned weekday = date::weekday{health.from}.iso_encoding() - 1;  // Monday 0
    const Day start = health.from - date::days{weekday};
    const long columns = days_between(start, health.today) / 7 + 1;
    const long width = kLeft + columns * kStep, height = kTop + 7 * kStep;
    size_t most = 0;
    for (const auto& day : health.days) most = std::max(most, day.count);
    std::string out = "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
                      xml_escape(count_of(health.interactions, "contact", "contacts") + " a day over the last " +
                                 std::to_string(health.months) + " months") +
                      "\">";
    const std::array<const char*, 3> names = {"Mon", "Wed", "Fri"};
    for (size_t i = 0; i < names.size(); ++i)
        out += text(0, static_cast<double>(kTop + static_cast<long>(2 * i) * kStep + 9), names[i]);
    for (const auto& day : health.days) {
        const long index = days_between(start, day.day);
        const double x = static_cast<double>(kLeft + index / 7 * kStep);
        const date::year_month_day ymd{day.day};
        if (ymd.day() == date::day{1} && index / 7 < columns - 1)
            out += text(x, 11, kMonths[static_cast<unsigned>(ymd.month()) - 1]);
        const std::string cls = "l" + std::to_string(level(day.count, most));
        const std::string count = " data-count=\"" + std::to_string(day.count) + "\" rx=\"2\"";
        out += rect(x, static_cast<double>(kTop + index % 7 * kStep), 11, 11, cls.c_str(), day_title(day),
                    count.c_str());
    }
    return out + "</svg>";
}

std::string tier_bar_svg(const TierHealth& tier) {
    std::string out = "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 10\" "
                      "preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" +
                      xml_escape(tier.tier + ": " + std::to_string(tier.on_time) + " on time, " +
                                 std::to_string(tier.due_soon) + " due soon, " + std::to_string(tier.overdue) +
                                 " overdue") +
                      "\">";
    if (tier.members == 0) return out + rect(0, 0, 100, 10, "empty", "nobody in this tier") + "</svg>";
    const double unit = 100.0 / static_cast<double>(tier.members);
    double x = 0;
    const std::array<std::pair<size_t, const char*>, 3> parts = {
        {{tier.on_time, "ok"}, {tier.due_soon, "soon"}, {tier.overdue, "bad"}}};
    const std::array<const char*, 3> words = {" on time", " due soon", " overdue"};
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].first == 0) continue;
        const double w = unit * static_cast<double>(parts[i].first);
        out += rect(x, 0, w, 10, parts[i].second, std::to_string(parts[i].first) + words[i]);
        x += w;
    }
    return out + "</svg>";
}

std::string promises_svg(const Health& health) {
    constexpr double column = 36, bar = 22, chart = 120, top = 14, left = 26;
    size_t most = 1;
    for (const auto& m : health.promises) most = std::max(most, m.on_time + m.late + m.open_past_due);
    const double width = left + column * static_cast<double>(health.promises.size());
    std::string out = "<svg class=\"columns\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width) +
                      " " + num(top + chart + 32) + "\" role=\"img\" aria-label=\"follow-ups by month\">";
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width) + "\" y1=\"" + num(top) + "\" y2=\"" + num(top) +
           "\" class=\"grid\"/>";
    out += "<line x1=\"" + num(left) + "\" x2=\"" + num(width) + "\" y1=\"" + num(top + chart) + "\" y2=\"" +
           num(top + chart) + "\" class=\"axis\"/>";
    out += text(left - 4, top + 4, std::to_string(most), "end") + text(left - 4, top + chart + 4, "0", "end");
    for (size_t i = 0; i < health.promises.size(); ++i) {
        const PromiseMonth& m = health.promises[i];
        const double x = left + column * static_cast<double>(i) + (column - bar) / 2;
        double y = top + chart;
        const std::string title = m.label() + ": " + std::to_string(m.on_time) + " kept on time, " +
                                  std::to_string(m.late) + " kept late, " + std::to_string(m.open_past_due) +
                                  " open past due";
        const std::array<std::pair<size_t, const char*>, 3> parts = {
            {{m.on_time, "ok"}, {m.late, "soon"}, {m.open_past_due, "bad"}}};
        for (const auto& [count, cls] : parts) {
            if (count == 0) continue;
            const double h = chart * static_cast<double>(count) / static_cast<double>(most);
            y -= h;
            out += rect(x, y, bar, h, cls, title);
        }
        out += text(x + bar / 2, top + chart + 14, kMonths[m.month - 1], "middle");
        if (i == 0 || m.month == 1) out += text(x + bar / 2, top + chart + 27, std::to_string(m.year), "middle");
    }
    return out + "</svg>";
}

}  // namespace kith
