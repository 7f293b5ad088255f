#include "kith/base/dates.hpp"

#include <algorithm>
#include <charconv>

#include "kith/base/date_words.hpp"
#include "kith/base/error.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

// Reads exactly `width` ASCII digits; nullopt on anything else.
std::optional<int> read_digits(std::string_view text, size_t width) {
    if (text.size() != width) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

Day clamp_to_month(date::year y, date::month m, date::day d) {
    const date::year_month_day_last last{y, date::month_day_last{m}};
    return date::sys_days{d > last.day() ? date::year_month_day{last} : date::year_month_day{y, m, d}};
}

// The longest duration in each unit (-1 for an unknown unit) spans the range once, so that
// a day in range plus a duration never leaves what date::year (a short) and date::days
// (an int) hold.
int longest(char unit) {
    switch (unit) {
        case 'd': return 3652059;
        case 'w': return 521722;
        case 'm': return 119988;
        case 'y': return 9999;
        default: return -1;
    }
}

// Adds a duration on the plain calendar. Callers keep the day in years 1 to 9999 and the
// duration within parse_duration's bounds, so no year or day count can wrap (year + 9999
// years stays below date::year's 32767).
Day add_duration_unchecked(Day day, Duration duration, int sign) {
    if (!in_range(day) || duration.count < 0 || duration.count > longest(duration.unit))
        return sign > 0 ? date::sys_days::max() : date::sys_days::min();  // not from parsed input
    const int n = duration.count * sign;
    switch (duration.unit) {
        case 'd': return day + date::days{n};
        case 'w': return day + date::days{7 * n};
        default: break;
    }
    const date::year_month_day ymd{day};
    const date::months months{duration.unit == 'y' ? 12 * n : n};
    const date::year_month shifted = date::year_month{ymd.year(), ymd.month()} + months;
    return clamp_to_month(shifted.year(), shifted.month(), ymd.day());
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::optional<Day> parse_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = read_digits(text.substr(0, 4), 4);
    const auto m = read_digits(text.substr(5, 2), 2);
    const auto d = read_digits(text.substr(8, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok() || *y < 1) return std::nullopt;
    return date::sys_days{ymd};
}

std::string format_day(Day day) {
    const date::year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<Duration> parse_duration(std::string_view text, bool allow_zero) {
    if (text.size() < 2) return std::nullopt;
    const char unit = text.back();
    const std::string_view digits = text.substr(0, text.size() - 1);
    if (digits.size() > 7 || longest(unit) < 0) return std::nullopt;
    int count = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        count = count * 10 + (c - '0');
    }
    if (count > longest(unit) || (count == 0 && !allow_zero)) return std::nullopt;
    return Duration{count, unit};
}

std::optional<Day> try_add_duration(Day day, Duration duration, int sign) {
    const Day sum = add_duration_unchecked(day, duration, sign);
    if (!in_range(sum)) return std::nullopt;
    return sum;
}

Day add_duration(Day day, Duration duration, int sign) {
    return std::clamp(add_duration_unchecked(day, duration, sign), first_day, last_day);
}

Day add_cli_duration(Day day, Duration duration, const std::string& option) {
    if (const auto sum = try_add_duration(day, duration, 1)) return *sum;
    fail_usage(option + ": '" + duration.text() + "' from " + format_day(day) +
               " leads past 9999-12-31 (dates run from year 1 to 9999)");
}

std::optional<MonthDay> parse_month_day(std::string_view text) {
    if (text.size() == 10) {
        const auto day = parse_iso_day(text);
        if (!day) return std::nullopt;
        const date::year_month_day ymd{*day};
        return MonthDay{static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                        static_cast<int>(ymd.year())};
    }
    if (text.size() == 7 && text.substr(0, 2) == "--") text.remove_prefix(2);
    if (text.size() != 5 || text[2] != '-') return std::nullopt;
    const auto m = read_digits(text.substr(0, 2), 2);
    const auto d = read_digits(text.substr(3, 2), 2);
    if (!m || !d) return std::nullopt;
    // A leap year accepts every month-day that exists in some year, 29 Feb included.
    const date::year_month_day probe{date::year{2000}, date::month{static_cast<unsigned>(*m)},
                                     date::day{static_cast<unsigned>(*d)}};
    if (!probe.ok()) return std::nullopt;
    return MonthDay{static_cast<unsigned>(*m), static_cast<unsigned>(*d), std::nullopt};
}

std::string format_month_day(const MonthDay& md) {
    char buf[16];
    if (md.year) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", *md.year, md.month, md.day);
    } else {
        std::snprintf(buf, sizeof buf, "--%02u-%02u", md.month, md.day);
    }
    return buf;
}

Day next_yearly(const MonthDay& md, Day from) {
    const date::year_month_day start{from};
    for (int offset = 0; offset < 2; ++offset) {
        const date::year y = start.year() + date::years{offset};
        const Day candidate = clamp_to_month(y, date::month{md.month}, date::day{md.day});
        if (candidate >= from) return candidate;
    }
    return from;  // unreachable: next year's occurrence is always on or after `from`
}

namespace {

// Returns whether `text` is written as a duration (digits, then d, w, m or y), of any size.
bool looks_like_duration(std::string_view text) {
    if (text.size() < 2 || longest(text.back()) < 0) return false;
    return text.substr(0, text.size() - 1).find_first_not_of("0123456789") == std::string_view::npos;
}

// Returns the day `count` units from today, or one day outside the range when it leads there.
Day shifted(Day today, long count, char unit) {
    const long size = count < 0 ? -count : count;
    const int sign = count < 0 ? -1 : 1;
    if (size <= longest(unit))
        if (const auto day = try_add_duration(today, Duration{static_cast<int>(size), unit}, sign)) return *day;
    return sign > 0 ? last_day + date::days{1} : first_day - date::days{1};
}

// Returns the day a phrase in words says, counted from today.
Day phrase_day(const DatePhrase& phrase, Day today) {
    const date::weekday now{today};
    switch (phrase.kind) {
        case DatePhrase::Kind::shift: return shifted(today, phrase.count, phrase.unit);
        case DatePhrase::Kind::weekday: {
            const date::weekday wanted{phrase.weekday};
            if (phrase.which < 0) {
                const date::days back = now - wanted;
                return today - (back.count() == 0 ? date::days{7} : back);
            }
            const date::days ahead = wanted - now;
            return today + (ahead.count() == 0 && phrase.which > 0 ? date::days{7} : ahead);
        }
        case DatePhrase::Kind::period_end: {
            if (phrase.unit == 'w')  // weeks end on Sunday (ISO 8601)
                return shifted(today + (date::Sunday - now) + date::days{static_cast<int>(7 * phrase.count)}, 0, 'd');
            const Day first = shifted(today, phrase.count, phrase.unit);
            if (!in_range(first)) return first;
            const date::year_month_day ymd{first};
            if (phrase.unit == 'y') return date::sys_days{ymd.year() / date::December / 31};
            return date::sys_days{date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}};
        }
    }
    return today;
}

// Reads a command-line day, nullopt when it is none; a result outside years 1 to 9999 is
// returned one day outside.
std::optional<Day> read_cli_day(std::string_view text, Day today, Direction direction) {
    const std::string word = lower_ascii(text);
    if (const auto day = parse_iso_day(word)) return *day;
    if (word == "today") return today;
    if (word == "yesterday") return today - date::days{1};
    if (word == "tomorrow") return today + date::days{1};
    if (const auto wd = weekday_named(word)) {
        const date::weekday now{today}, wanted{*wd};
        if (direction == Direction::past) return today - (now - wanted);
        const date::days ahead = wanted - now;
        return today + (ahead.count() == 0 ? date::days{7} : ahead);
    }
    std::string_view rest = word;
    int sign = direction == Direction::past ? -1 : 1;
    if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
        sign = rest[0] == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    if (const auto duration = parse_duration(rest, true)) {
        if (const auto day = try_add_duration(today, *duration, sign)) return *day;
    }
    if (looks_like_duration(rest)) return sign > 0 ? last_day + date::days{1} : first_day - date::days{1};
    if (const auto phrase = read_date_phrase(word)) return phrase_day(*phrase, today);
    return std::nullopt;
}

}  // namespace

Day parse_cli_day(std::string_view text, Day today, Direction direction) {
    if (!in_range(today)) fail_usage("today, " + format_day(today) + ", is not in years 1 to 9999");
    const auto read = read_cli_day(text, today, direction);
    if (!read) {
        const std::string meant = corrected_date_words(text);
        if (!meant.empty() && read_cli_day(meant, today, direction))
            fail_usage("cannot read '" + std::string(text) + "' as a date" + did_you_mean(meant));
        fail_usage("cannot read '" + std::string(text) +
                   "' as a date (try YYYY-MM-DD, today, tomorrow, friday, next friday, in 2 weeks, 2 weeks ago, "
                   "end of month, -3d or +2w)");
    }
    const Day day = *read;
    if (!in_range(day))
        fail_usage("'" + std::string(text) + "' leads outside years 1 to 9999 (from " + format_day(today) + ")");
    return day;
}

}  // namespace kith
