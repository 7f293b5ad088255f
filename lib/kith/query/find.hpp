#pragma once
// Full-text search over people (kith find).
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/base/table.hpp"

namespace kith {

// One person who matched, with the first field that did and its text; nothing else of the
// person is kept, so that a network is searched a chunk of files at a time.
struct FindMatch {
    std::string slug, name;
    std::string field;  // name, aka, org, title, role, interests, tags, notes, log, ...
    std::string text;
};

// Finds people whose name, aka, org, title, role, interests, tags, met, why, notes or log
// notes contain `text`, ignoring case and accents; in slug order.
std::vector<FindMatch> find_people(const std::vector<Contact>& contacts, const std::string& text);

// Builds the table: slug, name, field, match.
Table find_table(const std::vector<FindMatch>& matches);

}  // namespace kith
