#include "kith/views/report_html.hpp"

#include <algorithm>
#include <cstdio>

#include "kith/views/due_view.hpp"
#include "kith/views/health_json.hpp"
#include "kith/views/report_charts.hpp"
#include "kith/base/xml.hpp"

namespace kith {
namespace {

std::string count(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string data(const char* name, size_t value) { return std::string(" data-") + name + "=\"" + std::to_string(value) + "\""; }

std::string staleness(const std::optional<double>& value) {
    if (!value) return "no contact yet";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "median %.1f×", *value);
    return buffer;
}

// The JSON figures, made safe inside a script element and an XML parser (< > & and the
// non-characters U+FFFE and U+FFFF only occur inside strings, where \\u escapes mean the same).
std::string safe_json(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else if (json.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < json.size() &&
                 (json[i + 2] == '\xBE' || json[i + 2] == '\xBF')) {
            out += "\\ufffd";
            i += 2;
        } else out += c;
    }
    return out;
}

const char* kStyle = R"CSS(
:root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--fg:#1f2328;--muted:#59636e;--line:#d0d7de;
--l0:#ebedf0;--l1:#9be9a8;--l2:#40c463;--l3:#30a14e;--l4:#216e39;--ok:#2da44e;--soon:#d4a72c;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#161b22;--fg:#e6edf3;--muted:#8d96a0;--line:#30363d;
--l0:#21262d;--l1:#0e4429;--l2:#006d32;--l3:#26a641;--l4:#39d353;--ok:#3fb950;--soon:#d29922;--bad:#f85149}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1100px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.1em;margin:0 0 .6em}
.sub,.note,footer{color:var(--muted)}section .sub{font-size:.92em}.note{font-size:.9em;margin:.5em 0 0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px;margin:16px 0;min-width:0}
.grid section{margin:0}
.wide{overflow-x:auto}.heat{direction:rtl}.heat svg{direction:ltr}.nowrap{white-space:nowrap}
svg text{fill:var(--muted);font-size:10px;font-family:inherit}
svg.heatmap{min-width:640px;width:100%;height:auto;display:block}
svg.columns{width:100%;height:auto;display:block}
svg.bar{width:100%;height:14px;display:block;border-radius:4px}
.l0{fill:var(--l0)}.l1{fill:var(--l1)}.l2{fill:var(--l2)}.l3{fill:var(--l3)}.l4{fill:var(--l4)}
.ok{fill:var(--ok)}.soon{fill:var(--soon)}.bad{fill:var(--bad)}.empty{fill:var(--l0)}
line.grid{stroke:var(--line);stroke-dasharray:3 3}line.axis{stroke:var(--muted)}
.tier{margin:0 0 14px}.tier p{margin:0 0 4px;display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.key{display:flex;gap:4px 14px;flex-wrap:wrap;font-size:.85em;color:var(--muted);margin-top:8px}
.key i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
i.ok{background:var(--ok)}i.soon{background:var(--soon)}i.bad{background:var(--bad)}
i.l0{background:var(--l0)}i.l1{background:var(--l1)}i.l2{background:var(--l2)}i.l3{background:var(--l3)}i.l4{background:var(--l4)}
.big{font-size:2em;font-weight:600;margin-right:.3em}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.85em}
td.n{text-align:right;white-space:nowrap}td.late{color:var(--bad)}
@media (max-width:720px){.grid{grid-template-columns:1fr}main{padding:12px 8px}section{padding:12px}
td.n{white-space:normal}h1{font-size:1.35em}
.hide-narrow{display:none}}
)CSS";

std::string tiers_section(const Health& health) {
    std::string out = "<section id=\"tiers\"><h2>Each tier's health</h2>";
    for (const auto& t : health.tiers) {
        out += "<div class=\"tier\" data-tier=\"" + xml_escape(t.tier) + "\"" + data("members", t.members) +
               data("on-time", t.on_time) + data("due-soon", t.due_soon) + data("overdue", t.overdue) + "><p><strong>" +
               xml_escape(t.tier) + "</strong> <span class=\"sub\">" + count(t.members, "person", "people") + " · " +
               std::to_string(t.on_time) + " on time · " + std::to_string(t.due_soon) + " soon · " +
               std::to_string(t.overdue) + " overdue · " + staleness(t.median_staleness) + "</span></p>" +
               tier_bar_svg(t) + "</div>";
    }
    return out + "<div class=\"key\"><span><i class=\"ok\"></i>on time</span><span><i class=\"soon\"></i>due soon "
                 "(within the tier's notice, else 7 days)</span><span><i class=\"bad\"></i>overdue</span></div>"
                 "<p class=\"note\">Staleness: days since the last contact over the cadence; 1.0× is due.</p></section>";
}

std::string promises_section(const Health& health) {
    const auto kept = health.kept_percent();
    const size_t total = health.promises_on_time + health.promises_late + health.promises_open;
    std::string out = "<section id=\"promises\"" + data("on-time", health.promises_on_time) +
                      data("late", health.promises_late) + data("open-past-due", health.promises_open) +
                      "><h2>Promises</h2><p><span class=\"big\">" + (kept ? std::to_string(*kept) + "%" : "–") +
                      "</span>of " + count(total, "follow-up", "follow-ups") + " that fell due kept on time</p>";
    out += promises_svg(health);
    return out + "<div class=\"key\"><span><i class=\"ok\"></i>kept on time " + std::to_string(health.promises_on_time) +
           "</span><span><i class=\"soon\"></i>kept late " + std::to_string(health.promises_late) +
           "</span><span><i class=\"bad\"></i>open past due " + std::to_string(health.promises_open) + "</span></div></section>";
}

std::string more(size_t shown, size_t total) {
    return total > shown ? "<p class=\"note\">and " + std::to_string(total - shown) + " more</p>" : "";
}

std::string overdue_section(const Health& health, size_t top) {
    std::string out = "<section id=\"overdue\"" + data("count", health.overdue.size()) + "><h2>Most overdue</h2>";
    if (health.overdue.empty()) return out + "<p class=\"note\">Nobody is overdue.</p></section>";
    out += "<div class=\"wide\"><table><thead><tr><th>Person</th><th>Tier</th><th>Overdue</th><th "
           "class=\"hide-narrow\">Due since</th><th>Last interaction</th></tr></thead><tbody>";
    const size_t shown = std::min(top, health.overdue.size());
    for (size_t i = 0; i < shown; ++i) {
        const auto& p = health.overdue[i];
        out += "<tr><td>" + xml_escape(p.name) + "</td><td>" + xml_escape(p.tier) + "</td><td class=\"n\">" +
               xml_escape(describe_overdue(p.overdue)) + "</td><td class=\"n hide-narrow\">" + format_day(p.due_on) +
               "</td><td>" + xml_escape(p.last) + "</td></tr>";
    }
    return out + "</tbody></table></div>" + more(shown, health.overdue.size()) + "</section>";
}

std::string intros_section(const Health& health, size_t top) {
    size_t followed = 0;
    for (const auto& intro : health.intros) if (intro.followed_up) ++followed;
    std::string out = "<section id=\"intros\"" + data("count", health.intros.size()) + data("followed-up", followed) +
                      "><h2>Introductions made</h2>";
    if (health.intros.empty()) return out + "<p class=\"note\">No introductions in these months.</p></section>";
    out += "<p class=\"sub\">" + count(health.intros.size(), "introduction", "introductions") + ", " +
           std::to_string(followed) + " followed up</p><div class=\"wide\"><table><thead><tr><th>Day</th>"
           "<th>Introduced</th><th>Followed up</th></tr></thead><tbody>";
    const size_t shown = std::min(top, health.intros.size());
    for (size_t i = 0; i < shown; ++i) {
        const auto& in = health.intros[i];
        out += "<tr><td class=\"n\">" + format_day(in.day) + "</td><td>" + xml_escape(in.from_name) + " ↔ " +
               xml_escape(in.with_name) + "</td>" +
               (in.followed_up ? "<td>" + format_day(*in.followed_up) + "</td>" : "<td class=\"late\">not yet</td>") +
               "</tr>";
    }
    return out + "</tbody></table></div>" + more(shown, health.intros.size()) + "</section>";
}

std::string quiet_section(const Health& health, size_t top) {
    std::string out = "<section id=\"quiet\"" + data("count", health.quiet.size()) + "><h2>Gone quiet</h2>";
    out += "<p class=\"sub\">Contacts since " + format_day(health.half) + " against the same number of months before.</p>";
    if (health.quiet.empty()) return out + "<p class=\"note\">Nobody has gone quiet.</p></section>";
    out += "<table><thead><tr><th>Person</th><th>Before</th><th>Recent</th></tr></thead><tbody>";
    const size_t shown = std::min(top, health.quiet.size());
    for (size_t i = 0; i < shown; ++i) {
        const auto& q = health.quiet[i];
        out += "<tr><td>" + xml_escape(q.name) + "</td><td class=\"n\">" + std::to_string(q.before) +
               "</td><td class=\"n\">" + std::to_string(q.recent) + "</td></tr>";
    }
    return out + "</tbody></table>" + more(shown, health.quiet.size()) + "</section>";
}

}  // namespace

std::string render_report_html(const Health& health, size_t top) {
    const std::string today = format_day(health.today);
    std::string out;
    out.reserve(64 * 1024);
    out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
           "<meta name=\"color-scheme\" content=\"light dark\"/><title>kith report, " + today + "</title><style>";
    out += kStyle;
    out += "</style></head><body><main><header" + data("people", health.people) +
           data("interactions", health.interactions) + "><h1>Your network on <span class=\"nowrap\">" + today + "</span></h1><p class=\"sub\">" +
           count(health.people, "person", "people") + " · " +
           count(health.interactions, "interaction", "interactions") + " since " + format_day(health.from) + " · " +
           count(health.overdue.size(), "person", "people") + " due</p></header>";
    out += "<section id=\"activity\"><h2>Contact over time</h2><div class=\"wide heat\">" + heatmap_svg(health) +
           "</div><div class=\"key\"><span>less</span><span><i class=\"l0\"></i><i class=\"l1\"></i><i class=\"l2\">"
           "</i><i class=\"l3\"></i><i class=\"l4\"></i></span><span>more</span><span>hover a day for who and what"
           "</span></div></section>";
    out += "<div class=\"grid\">" + tiers_section(health) + promises_section(health) + "</div>";
    out += overdue_section(health, top);
    out += "<div class=\"grid\">" + intros_section(health, top) + quiet_section(health, top) + "</div>";
    out += "<footer><p>Made by kith from your files on " + today +
           ". This page fetches nothing and runs no script.</p></footer>";
    out += "<script type=\"application/json\" id=\"kith-figures\">" + safe_json(health_json(health, top)) + "</script>";
    return out + "</main></body></html>\n";
}

}  // namespace kith
