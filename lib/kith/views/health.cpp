#include "kith/views/health.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "kith/model/due.hpp"
#include "kith/base/text.hpp"

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

// The first day after `after` among sorted days.
std::optional<Day> first_after(const std::vector<Day>& days, Day after) {
    const auto at = std::upper_bound(days.begin(), days.end(), after);
    return at == days.end() ? std::nullopt : std::optional<Day>(*at);
}

}  // namespace

struct HealthTally::State {
    // A name on a heatmap day: the first kDayNames in slug order, then log order, are kept.
    struct DayName {
        std::string slug;
        size_t entry = 0;  // its place in the person's log
        std::string text;
    };

    // What an introduction needs of the other person: the name, and the days they were in touch.
    struct Touches {
        std::string name;
        std::vector<Day> days;  // sorted: contact logged or a follow-up done, from health.from through today
    };

    Config config;
    Health health;
    Day earlier;
    std::map<std::string, size_t> tier_index;
    std::vector<std::string> tier_first_slug;  // per tier: the lowest slug in it (unknown tiers go in that order)
    std::vector<std::vector<double>> staleness;
    std::vector<std::vector<DayName>> day_names;
    std::map<std::tuple<long, std::string, std::string>, IntroductionMade> intros;
    std::unordered_map<std::string, Touches> touches;  // by slug, every active person

    void add_tier(const Contact& contact);
    void add_activity(const Contact& contact);
    void add_promises(const Contact& contact);
    void add_intros(const Contact& contact, const std::vector<Day>& days);
};

HealthTally::HealthTally(Config config, Day today, int months) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.config = std::move(config);
    Health& health = s.health;
    health.today = today;
    health.months = std::max(1, months);
    const date::year_month now = month_of(today);
    health.from = first_of(now, health.months - 1);
    const int half = std::max(1, health.months / 2);
    health.half = first_of(now, half - 1);
    s.earlier = first_of(now, 2 * half - 1);
    for (const auto& tier : s.config.tiers) {
        s.tier_index.emplace(tier.name, health.tiers.size());
        health.tiers.push_back(TierHealth{tier.name, 0, 0, 0, 0, std::nullopt});
    }
    s.staleness.resize(health.tiers.size());
    s.tier_first_slug.resize(health.tiers.size());
    const size_t span = static_cast<size_t>(days_between(health.from, health.today)) + 1;
    for (size_t i = 0; i < span; ++i) health.days.push_back(DayActivity{health.from + date::days{i}, 0, {}});
    s.day_names.resize(span);
    health.weeks.assign((span + 6) / 7, 0);
    const date::year_month first = month_of(health.from);
    const int count = static_cast<int>((month_of(health.today) - first).count()) + 1;
    for (int i = 0; i < count; ++i) {
        const date::year_month ym = first + date::months{i};
        health.promises.push_back(PromiseMonth{static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()), 0, 0, 0});
    }
}

HealthTally::~HealthTally() = default;

void HealthTally::State::add_tier(const Contact& contact) {
    const std::string& name = tier_of(contact, config);
    auto [it, added] = tier_index.emplace(name, health.tiers.size());
    if (added) {
        health.tiers.push_back(TierHealth{name, 0, 0, 0, 0, std::nullopt});
        staleness.emplace_back();
        tier_first_slug.push_back(contact.slug);
    }
    const size_t at = it->second;
    if (contact.slug < tier_first_slug[at]) tier_first_slug[at] = contact.slug;
    TierHealth& row = health.tiers[at];
    const ContactStatus status = contact_status(contact, config, health.today);
    const Tier* tier = config.find_tier(name);
    const Duration soon = tier && tier->notice ? *tier->notice : Duration{7, 'd'};
    ++row.members;
    if (status.is_due()) {
        ++row.overdue;
        health.overdue.push_back(
            OverduePerson{contact.slug, contact.name, name, status.overdue, status.due_on, describe_last(status)});
    } else if (status.due_on <= add_duration(health.today, soon)) {
        ++row.due_soon;
    } else {
        ++row.on_time;
    }
    if (status.staleness) staleness[at].push_back(*status.staleness);
}

void HealthTally::State::add_activity(const Contact& contact) {
    QuietPerson quiet{contact.slug, contact.name, 0, 0};
    for (size_t k = 0; k < contact.log.size(); ++k) {
        const LogEntry& entry = contact.log[k];
        if (!counts_as_contact(entry.kind) || entry.date > health.today) continue;
        if (entry.date >= health.half) ++quiet.recent;
        else if (entry.date >= earlier) ++quiet.before;
        if (entry.date < health.from) continue;
        ++health.interactions;
        const auto at = static_cast<size_t>(days_between(health.from, entry.date));
        ++health.days[at].count;
        std::vector<DayName>& names = day_names[at];
        const auto before = [&](const DayName& name) { return std::tie(name.slug, name.entry) < std::tie(contact.slug, k); };
        const auto place = std::partition_point(names.begin(), names.end(), before);
        if (place - names.begin() < static_cast<std::ptrdiff_t>(kDayNames)) {
            names.insert(place, DayName{contact.slug, k, describe_entry(contact, entry)});
            if (names.size() > kDayNames) names.pop_back();
        }
        const size_t back = static_cast<size_t>(days_between(entry.date, health.today)) / 7;
        ++health.weeks[health.weeks.size() - 1 - back];
    }
    if (quiet.before > quiet.recent) health.quiet.push_back(std::move(quiet));
}

void HealthTally::State::add_promises(const Contact& contact) {
    const date::year_month first = month_of(health.from);
    for (const auto& followup : contact.followups) {
        if (!in_range(followup.due, health.from, health.today)) continue;
        PromiseMonth& month = health.promises[static_cast<size_t>((month_of(followup.due) - first).count())];
        const bool done = followup.done && *followup.done <= health.today;
        if (done && *followup.done <= followup.due) ++month.on_time;
        else if (done) ++month.late;
        else if (followup.due < health.today) ++month.open_past_due;
    }
}

// An introduction in the window, counted once for both people: the entry in the file of the
// lower slug stands. The other person's name and touches are looked up when all are read.
void HealthTally::State::add_intros(const Contact& contact, const std::vector<Day>& days) {
    for (const auto& entry : contact.log) {
        if (entry.kind != "intro" || entry.with.empty() || !in_range(entry.date, health.from, health.today)) continue;
        const auto key = std::tuple(static_cast<long>(entry.date.time_since_epoch().count()),
                                    std::min(contact.slug, entry.with), std::max(contact.slug, entry.with));
        const auto it = intros.find(key);
        if (it != intros.end() && it->second.from_slug < contact.slug) continue;
        intros.insert_or_assign(key, IntroductionMade{entry.date, contact.slug, contact.name, entry.with, entry.with,
                                                      first_after(days, entry.date)});
    }
}

void HealthTally::add(const Contact& contact) {
    if (contact.archived) return;
    State& s = *state_;
    ++s.health.people;
    s.add_tier(contact);
    s.add_activity(contact);
    s.add_promises(contact);
    // The days in touch that can follow an introduction in the window (it is never before `from`).
    std::vector<Day> days;
    for (const auto& entry : contact.log)
        if (counts_as_contact(entry.kind) && in_range(entry.date, s.health.from, s.health.today)) days.push_back(entry.date);
    for (const auto& followup : contact.followups)
        if (followup.done && in_range(*followup.done, s.health.from, s.health.today)) days.push_back(*followup.done);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    s.add_intros(contact, days);
    s.touches.insert_or_assign(contact.slug, State::Touches{contact.name, std::move(days)});
}

Health HealthTally::finish() {
    State& s = *state_;
    Health health = std::move(s.health);
    // Tiers: the configured ones in their order, then the others as met in slug order.
    const size_t configured = s.config.tiers.size();
    std::vector<size_t> order(health.tiers.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(configured), order.end(),
              [&](size_t a, size_t b) { return s.tier_first_slug[a] < s.tier_first_slug[b]; });
    std::vector<TierHealth> tiers;
    for (size_t i : order) {
        tiers.push_back(std::move(health.tiers[i]));
        tiers.back().median_staleness = median(std::move(s.staleness[i]));
    }
    health.tiers = std::move(tiers);
    std::sort(health.overdue.begin(), health.overdue.end(), [&](const OverduePerson& a, const OverduePerson& b) {
        return std::tuple(-a.overdue, s.config.rank(a.tier), a.slug) < std::tuple(-b.overdue, s.config.rank(b.tier), b.slug);
    });
    for (size_t i = 0; i < health.days.size(); ++i)
        for (auto& name : s.day_names[i]) health.days[i].who.push_back(std::move(name.text));
    std::sort(health.quiet.begin(), health.quiet.end(), [](const QuietPerson& a, const QuietPerson& b) {
        const size_t fall_a = a.before - a.recent, fall_b = b.before - b.recent;
        if (fall_a != fall_b) return fall_a > fall_b;
        if (a.before != b.before) return a.before > b.before;
        return a.slug < b.slug;
    });
    for (const auto& month : health.promises) {
        health.promises_on_time += month.on_time;
        health.promises_late += month.late;
        health.promises_open += month.open_past_due;
    }
    for (auto& [key, intro] : s.intros) {
        if (const auto with = s.touches.find(intro.with_slug); with != s.touches.end()) {
            intro.with_name = with->second.name;
            const auto second = first_after(with->second.days, intro.day);
            if (second && (!intro.followed_up || *second < *intro.followed_up)) intro.followed_up = second;
        }
        health.intros.push_back(std::move(intro));
    }
    std::stable_sort(health.intros.begin(), health.intros.end(),
                     [](const IntroductionMade& a, const IntroductionMade& b) { return a.day > b.day; });
    return health;
}

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
    HealthTally tally(config, today, months);
    for (const auto& contact : contacts) tally.add(contact);
    return tally.finish();
}

}  // namespace kith
