#pragma once
// What `kith review` goes through and shows: people with something due, most overdue first,
// one card each.
#include <string>
#include <vector>

#include "kith/model/due.hpp"

namespace kith {

// One person of a review, with what is due for them.
struct ReviewStop {
    const Contact* contact = nullptr;
    std::vector<DueItem> items;  // theirs, most overdue first
    long most_overdue = 0;       // days
};

// Returns the people the due items name, most overdue first (then by slug), at most `limit`
// of them (all when 0).
std::vector<ReviewStop> review_stops(const std::vector<DueItem>& items, size_t limit);

// Returns the card of one stop: the name, title and organisation, tier and cadence, last
// contact and what is due, headed "N of TOTAL", wrapped to `width` columns (0: no limit).
std::string render_review_card(const ReviewStop& stop, const Config& config, size_t number, size_t total, int width);

}  // namespace kith
