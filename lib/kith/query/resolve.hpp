#pragma once
// NAME resolution: which contact the user means.
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// Returns the people NAME could mean, from the first rule that matches anyone: an exact slug;
// a slug or full name (ignoring case and accents); an aka; a whole word (or run of whole words)
// of a name, aka or slug; a prefix of one; a prefix of one of their words. One person when
// NAME is clear, several when it is ambiguous, none when it matches no one.
std::vector<const Contact*> candidates(const std::vector<Contact>& contacts, std::string_view name);

// Finds the contact NAME means, as candidates() rules. Throws a usage Error that lists the
// candidates when NAME is ambiguous, and one with "did you mean" when nothing matches.
const Contact& resolve(const std::vector<Contact>& contacts, std::string_view name);

// Throws the usage Error for an ambiguous NAME: the first 8 of `shown`, each with what tells
// them apart (name, organisation, tier, when known), and how many more of `total` there are.
[[noreturn]] void fail_ambiguous(std::string_view name, const std::vector<Contact>& shown, size_t total);

// The most candidates an ambiguous NAME lists.
inline constexpr size_t most_candidates_shown = 8;

// Returns the closest slugs to a mistyped NAME, best first (at most three).
std::vector<std::string> suggest_names(const std::vector<Contact>& contacts, std::string_view name);

}  // namespace kith
