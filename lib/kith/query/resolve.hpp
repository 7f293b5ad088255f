#pragma once
// NAME resolution: which contact the user means.
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// Finds the contact NAME means: an exact slug, then a name or aka (ignoring case and
// accents), then a unique prefix of any of them, then a unique prefix of a word of the
// name. Throws a usage Error that lists the candidates when NAME is ambiguous, and one
// with "did you mean" when nothing matches.
const Contact& resolve(const std::vector<Contact>& contacts, std::string_view name);

// Returns the closest slugs to a mistyped NAME, best first (at most three).
std::vector<std::string> suggest_names(const std::vector<Contact>& contacts, std::string_view name);

}  // namespace kith
