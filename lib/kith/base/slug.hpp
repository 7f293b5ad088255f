#pragma once
// Slugs: the file names of contacts (SPEC 3).
#include <string>
#include <string_view>

namespace kith {

// The longest slug, in bytes.
inline constexpr size_t max_slug_bytes = 80;

// Makes a slug from a name: lower case, Latin folded to ASCII, other letters kept,
// every other run of characters one '-'. Returns "" when nothing usable is left.
std::string make_slug(std::string_view name);

// Returns "BASE-N", the base cut at a character boundary (and of a trailing '-') so that the
// whole fits in max_slug_bytes: the N-th slug for a name whose slug is taken.
std::string numbered_slug(std::string_view base, int n);

// Returns why `slug` cannot be a slug, or "" when it can: it is empty, too long, starts
// with '.' or '-', or holds '/', a blank, a control or format character, or a character a
// shell or a glob would read ($ ` ' " * ? [ ] { } \ ! ; & | < > ( ) # ~).
std::string slug_problem(std::string_view slug);

}  // namespace kith
