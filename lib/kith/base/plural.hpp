#pragma once
// Counts said with their word, for messages and commit subjects.
#include <cstddef>
#include <string>
#include <string_view>

namespace kith {

// Returns a count with its word: "1 person", "2 people", "0 people".
std::string count_of(size_t n, std::string_view one, std::string_view many);

}  // namespace kith
