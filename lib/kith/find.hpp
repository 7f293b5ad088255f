#pragma once
// Full-text search over people (kith find).
#include <string>
#include <vector>

#include "kith/model.hpp"
#include "kith/table.hpp"

namespace kith {

// One person who matched, with the first field that did and its text.
struct FindMatch {
    const Contact* contact = nullptr;
    std::string field;  // name, aka, org, title, role, interests, tags, notes, log, ...
    std::string text;
};

// Finds people whose name, aka, org, title, role, interests, tags, met, why, notes or log
// notes contain `text`, ignoring case and accents; in slug order.
std::vector<FindMatch> find_people(const std::vector<Contact>& contacts, const std::string& text);

// Builds the table: slug, name, field, match.
Table find_table(const std::vector<FindMatch>& matches);

}  // namespace kith
