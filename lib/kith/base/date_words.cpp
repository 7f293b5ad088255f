#include "kith/base/date_words.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "kith/base/text.hpp"

namespace kith {
namespace {

const std::array<const char*, 7> weekday_names = {"sunday", "monday", "tuesday", "wednesday",
                                                  "thursday", "friday", "saturday"};

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// The unit a word names ("week", "weeks" -> 'w'), or 0.
char unit_named(std::string_view word) {
    if (word.ends_with('s')) word.remove_suffix(1);
    if (word == "day") return 'd';
    if (word == "week") return 'w';
    if (word == "month") return 'm';
    if (word == "year") return 'y';
    return 0;
}

// A count: digits (at most 12; the caller refuses one that leads outside the range) or a, an,
// one; -1 otherwise.
long count_named(std::string_view word) {
    if (word == "a" || word == "an" || word == "one") return 1;
    if (word.empty() || word.size() > 12 || word.find_first_not_of("0123456789") != std::string_view::npos) return -1;
    return std::stol(std::string(word));
}

// Reads "N UNIT" or a duration written as one word ("2w") from words[from..]; the units, or nullopt.
std::optional<DatePhrase> amount(const std::vector<std::string>& words, size_t from, size_t to) {
    if (to - from == 1) {
        const std::string_view w = words[from];
        const std::string_view digits = w.substr(0, w.empty() ? 0 : w.size() - 1);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
        const char unit = w.back();
        if (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y') return std::nullopt;
        const long n = count_named(digits);
        if (n < 0) return std::nullopt;
        return DatePhrase{.count = n, .unit = unit};
    }
    if (to - from != 2) return std::nullopt;
    const long n = count_named(words[from]);
    const char unit = unit_named(words[from + 1]);
    if (n < 0 || unit == 0) return std::nullopt;
    return DatePhrase{.count = n, .unit = unit};
}

std::optional<DatePhrase> read_words(const std::vector<std::string>& w) {
    const size_t n = w.size();
    if (n == 0) return std::nullopt;
    const auto relative = [](const std::string& word) { return word == "next" ? 1 : word == "last" ? -1 : word == "this" ? 0 : 2; };
    if (n == 2 && relative(w[0]) != 2) {
        if (const auto day = weekday_named(w[1]))
            return DatePhrase{.kind = DatePhrase::Kind::weekday, .weekday = *day, .which = relative(w[0])};
        const char unit = unit_named(w[1]);
        if (unit && unit != 'd' && !w[1].ends_with('s') && relative(w[0]) != 0)
            return DatePhrase{.count = relative(w[0]), .unit = unit};
    }
    if (w[0] == "in" && n >= 2) return amount(w, 1, n);
    if (w[n - 1] == "ago" && n >= 2) {
        auto shift = amount(w, 0, n - 1);
        if (shift) shift->count = -shift->count;
        return shift;
    }
    // end of [the|this|next] week|month|year
    if (n >= 3 && w[0] == "end" && w[1] == "of") {
        size_t at = 2;
        long ahead = 0;
        if (n == 4 && (w[2] == "the" || w[2] == "this")) at = 3;
        else if (n == 4 && w[2] == "next") at = 3, ahead = 1;
        const char unit = at + 1 == n ? unit_named(w[at]) : 0;
        if (unit && unit != 'd' && !w[at].ends_with('s'))
            return DatePhrase{.kind = DatePhrase::Kind::period_end, .count = ahead, .unit = unit};
    }
    return std::nullopt;
}

}  // namespace

std::optional<unsigned> weekday_named(std::string_view word) {
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        const std::string_view full = weekday_names[i];
        if (word == full || word == full.substr(0, 3)) return i;
    }
    return std::nullopt;
}

std::optional<DatePhrase> read_date_phrase(std::string_view text) { return read_words(words_of(text)); }

std::string corrected_date_words(std::string_view text) {
    static const std::vector<std::string> vocabulary = [] {
        std::vector<std::string> words = {"today", "yesterday", "tomorrow", "next", "last", "this", "in", "ago",
                                          "end", "of", "the", "day", "days", "week", "weeks", "month", "months",
                                          "year", "years"};
        for (const char* name : weekday_names) words.push_back(name);
        return words;
    }();
    std::string out;
    bool changed = false;
    for (const auto& word : words_of(text)) {
        std::string kept = word;
        const bool known = std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end() ||
                           weekday_named(word) || count_named(word) >= 0 || amount({word}, 0, 1);
        if (!known) {
            kept = suggest_word(word, vocabulary);
            if (kept.empty()) return "";
            changed = true;
        }
        out += (out.empty() ? "" : " ") + kept;
    }
    return changed ? out : "";
}

}  // namespace kith
