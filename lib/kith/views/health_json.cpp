#include "kith/views/health_json.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace kith {

std::string health_json(const Health& health, size_t top) {
    using json = nlohmann::ordered_json;
    auto number = [](std::optional<double> value) -> json {
        return value ? json(std::round(*value * 100.0) / 100.0) : json(nullptr);
    };
    json out = {{"today", format_day(health.today)}, {"from", format_day(health.from)},
                {"months", health.months},          {"people", health.people},
                {"interactions", health.interactions}};
    out["tiers"] = json::array();
    for (const auto& t : health.tiers)
        out["tiers"].push_back({{"tier", t.tier}, {"members", t.members}, {"on_time", t.on_time},
                                {"due_soon", t.due_soon}, {"overdue", t.overdue},
                                {"median_staleness", number(t.median_staleness)}});
    out["weeks"] = health.weeks;
    json days = json::array();
    for (const auto& day : health.days) days.push_back(day.count);
    out["days"] = std::move(days);
    const auto kept = health.kept_percent();
    json promises = {{"on_time", health.promises_on_time}, {"late", health.promises_late},
                     {"open_past_due", health.promises_open}, {"kept_percent", kept ? json(*kept) : json(nullptr)}};
    promises["months"] = json::array();
    for (const auto& m : health.promises)
        promises["months"].push_back({{"month", m.label()}, {"on_time", m.on_time},
                                      {"late", m.late}, {"open_past_due", m.open_past_due}});
    out["promises"] = std::move(promises);
    out["overdue_count"] = health.overdue.size();
    out["overdue"] = json::array();
    for (size_t i = 0; i < std::min(top, health.overdue.size()); ++i) {
        const auto& p = health.overdue[i];
        out["overdue"].push_back({{"slug", p.slug}, {"name", p.name}, {"tier", p.tier},
                                  {"overdue", p.overdue}, {"due", format_day(p.due_on)}, {"last", p.last}});
    }
    size_t followed = 0;
    for (const auto& intro : health.intros) if (intro.followed_up) ++followed;
    json intros = {{"count", health.intros.size()}, {"followed_up", followed}, {"items", json::array()}};
    for (size_t i = 0; i < std::min(top, health.intros.size()); ++i) {
        const auto& in = health.intros[i];
        intros["items"].push_back({{"day", format_day(in.day)}, {"slug", in.from_slug}, {"name", in.from_name},
                                   {"with", in.with_slug}, {"with_name", in.with_name},
                                   {"followed_up", in.followed_up ? json(format_day(*in.followed_up)) : json(nullptr)}});
    }
    out["introductions"] = std::move(intros);
    out["quiet"] = json::array();
    for (size_t i = 0; i < std::min(top, health.quiet.size()); ++i) {
        const auto& q = health.quiet[i];
        out["quiet"].push_back({{"slug", q.slug}, {"name", q.name}, {"before", q.before},
                                {"recent", q.recent}});
    }
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kith
