#include "kith/health.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "kith/due.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

date::year_month month_of(Day day) {
    const date::year_month_day ymd{day};
    return ymd.year() / ymd.month();
}

// The first day of a month, `back` months before `ym`; never before 0001-01-01 (SPEC 3).
Day first_of(date::year_month ym, int back) {
    const date::year_month start = ym - date::months{back};
    return std::max(Day{start / 1}, Day{date::year{1} / date::January / 1});
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

// "Name (kind: note)", the note cut to 60 columns; "contact" for an entry without a kind.
std::string describe_entry(const Contact& contact, const LogEntry& entry) {
    std::string what = entry.kind.empty() ? "contact" : entry.kind;
    if (!entry.note.empty()) what += ": " + fit_width(entry.note, 60);
    return contact.name + " (" + what + ")";
}

bool in_range(Day day, Day from, Day to) { return day >= from && day <= to; }

void add_tiers(Health& health, const std::vector<const Contact*>& people, const Config& config) {
    std::map<std::string, size_t> index;
    for (const auto& tier : config.tiers) {
        index.emplace(tier.name, health.tiers.size());
        health.tiers.push_back(TierHealth{tier.name, 0, 0, 0, 0, std::nullopt});
    }
    std::vector<std::vector<double>> staleness(health.tiers.size());
    for (const Contact* contact : people) {
        const std::string& name = tier_of(*contact, config);
        auto [it, added] = index.emplace(name, health.tiers.size());
        if (added) {
            health.tiers.push_back(TierHealth{name, 0, 0, 0, 0, std::nullopt});
            staleness.emplace_back();
        }
        TierHealth& row = health.tiers[it->second];
        const ContactStatus status = contact_status(*contact, config, health.today);
        const Tier* tier = config.find_tier(name);
        const Duration soon = tier && tier->notice ? *tier->notice : Duration{7, 'd'};
        ++row.members;
        if (status.is_due()) {
            ++row.overdue;
            health.overdue.push_back(OverduePerson{contact, name, status.overdue, status.due_on, describe_last(status)});
        } else if (status.due_on <= add_duration(health.today, soon)) {
            ++row.due_soon;
        } else {
            ++row.on_time;
        }
        if (status.staleness) staleness[it->second].push_back(*status.staleness);
    }
    for (size_t i = 0; i < health.tiers.size(); ++i) health.tiers[i].median_staleness = median(staleness[i]);
    std::sort(health.overdue.begin(), health.overdue.end(), [&](const OverduePerson& a, const OverduePerson& b) {
        return std::tuple(-a.overdue, config.rank(a.tier), a.contact->slug) <
               std::tuple(-b.overdue, config.rank(b.tier), b.contact->slug);
    });
}

void add_activity(Health& health, const std::vector<const Contact*>& people, Day earlier) {
    const size_t span = static_cast<size_t>(days_between(health.from, health.today)) + 1;
    for (size_t i = 0; i < span; ++i) health.days.push_back(DayActivity{health.from + date::days{i}, 0, {}});
    health.weeks.assign((span + 6) / 7, 0);
    for (const Contact* contact : people) {
        QuietPerson quiet{contact, 0, 0};
        for (const auto& entry : contact->log) {
            if (!counts_as_contact(entry.kind) || entry.date > health.today) continue;
            if (entry.date >= health.half) ++quiet.recent;
            else if (entry.date >= earlier) ++quiet.before;
            if (entry.date < health.from) continue;
            ++health.interactions;
            DayActivity& day = health.days[static_cast<size_t>(days_between(health.from, entry.date))];
            ++day.count;
            if (day.who.size() < kDayNames) day.who.push_back(describe_entry(*contact, entry));
            const size_t back = static_cast<size_t>(days_between(entry.date, health.today)) / 7;
            ++health.weeks[health.weeks.size() - 1 - back];
        }
        if (quiet.before > quiet.recent) health.quiet.push_back(quiet);
    }
    std::sort(health.quiet.begin(), health.quiet.end(), [](const QuietPerson& a, const QuietPerson& b) {
        const size_t fall_a = a.before - a.recent, fall_b = b.before - b.recent;
        if (fall_a != fall_b) return fall_a > fall_b;
        if (a.before != b.before) return a.before > b.before;
        return a.contact->slug < b.contact->slug;
    });
}

void add_promises(Health& health, const std::vector<const Contact*>& people) {
    const date::year_month first = month_of(health.from);
    const int months = static_cast<int>((month_of(health.today) - first).count()) + 1;
    for (int i = 0; i < months; ++i) {
        const date::year_month ym = first + date::months{i};
        health.promises.push_back(PromiseMonth{static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()), 0, 0, 0});
    }
    for (const Contact* contact : people)
        for (const auto& followup : contact->followups) {
            if (!in_range(followup.due, health.from, health.today)) continue;
            const date::year_month ym = month_of(followup.due);
            PromiseMonth& month = health.promises[static_cast<size_t>((ym - first).count())];
            const bool done = followup.done && *followup.done <= health.today;
            if (done && *followup.done <= followup.due) ++month.on_time;
            else if (done) ++month.late;
            else if (followup.due < health.today) ++month.open_past_due;
        }
    for (const auto& month : health.promises) {
        health.promises_on_time += month.on_time;
        health.promises_late += month.late;
        health.promises_open += month.open_past_due;
    }
}

// The first day after `after` (through today) with contact logged, or a follow-up done, for a person.
std::optional<Day> next_touch(const Contact& contact, Day after, Day today) {
    std::optional<Day> best;
    auto take = [&](Day day) {
        if (day > after && day <= today && (!best || day < *best)) best = day;
    };
    for (const auto& entry : contact.log)
        if (counts_as_contact(entry.kind)) take(entry.date);
    for (const auto& followup : contact.followups)
        if (followup.done) take(*followup.done);
    return best;
}

void add_intros(Health& health, const std::vector<const Contact*>& people) {
    std::unordered_map<std::string, const Contact*> by_slug;
    for (const Contact* contact : people) by_slug.emplace(contact->slug, contact);
    std::map<std::tuple<long, std::string, std::string>, IntroductionMade> found;
    for (const Contact* contact : people)
        for (const auto& entry : contact->log) {
            if (entry.kind != "intro" || entry.with.empty() || !in_range(entry.date, health.from, health.today))
                continue;
            const auto key = std::tuple(static_cast<long>(entry.date.time_since_epoch().count()),
                                        std::min(contact->slug, entry.with), std::max(contact->slug, entry.with));
            auto it = found.find(key);
            if (it != found.end() && it->second.from->slug < contact->slug) continue;
            const auto other = by_slug.find(entry.with);
            const Contact* with = other == by_slug.end() ? nullptr : other->second;
            IntroductionMade intro{entry.date, contact, entry.with, with ? with->name : entry.with, std::nullopt};
            intro.followed_up = next_touch(*contact, entry.date, health.today);
            if (with) {
                const auto second = next_touch(*with, entry.date, health.today);
                if (second && (!intro.followed_up || *second < *intro.followed_up)) intro.followed_up = second;
            }
            found.insert_or_assign(key, std::move(intro));
        }
    for (auto& [key, intro] : found) health.intros.push_back(std::move(intro));
    std::stable_sort(health.intros.begin(), health.intros.end(),
                     [](const IntroductionMade& a, const IntroductionMade& b) { return a.day > b.day; });
}

}  // namespace

std::string PromiseMonth::label() const {
    std::string text = std::to_string(year);
    text.insert(0, text.size() < 4 ? 4 - text.size() : 0, '0');
    return text + (month < 10 ? "-0" : "-") + std::to_string(month);
}

std::optional<int> Health::kept_percent() const {
    const size_t total = promises_on_time + promises_late + promises_open;
    if (total == 0) return std::nullopt;
    return static_cast<int>(std::lround(100.0 * static_cast<double>(promises_on_time) / static_cast<double>(total)));
}

Health compute_health(const std::vector<Contact>& contacts, const Config& config, Day today, int months) {
    Health health;
    health.today = today;
    health.months = std::max(1, months);
    const date::year_month now = month_of(today);
    health.from = first_of(now, health.months - 1);
    const int half = std::max(1, health.months / 2);
    health.half = first_of(now, half - 1);
    const Day earlier = first_of(now, 2 * half - 1);
    std::vector<const Contact*> people;
    for (const auto& contact : contacts)
        if (!contact.archived) people.push_back(&contact);
    std::sort(people.begin(), people.end(), [](const Contact* a, const Contact* b) { return a->slug < b->slug; });
    health.people = people.size();
    add_tiers(health, people, config);
    add_activity(health, people, earlier);
    add_promises(health, people);
    add_intros(health, people);
    return health;
}

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
        out["overdue"].push_back({{"slug", p.contact->slug}, {"name", p.contact->name}, {"tier", p.tier},
                                  {"overdue", p.overdue}, {"due", format_day(p.due_on)}, {"last", p.last}});
    }
    size_t followed = 0;
    for (const auto& intro : health.intros) if (intro.followed_up) ++followed;
    json intros = {{"count", health.intros.size()}, {"followed_up", followed}, {"items", json::array()}};
    for (size_t i = 0; i < std::min(top, health.intros.size()); ++i) {
        const auto& in = health.intros[i];
        intros["items"].push_back({{"day", format_day(in.day)}, {"slug", in.from->slug}, {"name", in.from->name},
                                   {"with", in.with_slug}, {"with_name", in.with_name},
                                   {"followed_up", in.followed_up ? json(format_day(*in.followed_up)) : json(nullptr)}});
    }
    out["introductions"] = std::move(intros);
    out["quiet"] = json::array();
    for (size_t i = 0; i < std::min(top, health.quiet.size()); ++i) {
        const auto& q = health.quiet[i];
        out["quiet"].push_back({{"slug", q.contact->slug}, {"name", q.contact->name}, {"before", q.before},
                                {"recent", q.recent}});
    }
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace kith
