#pragma once
// The words around a match, for people reading search results.
#include <string>

namespace kith {

// Returns the words of `text` around the first place `needle` matches (ignoring case and
// accents, blanks and line breaks as one space): `context` words either side, with "…" where
// words were left out. Returns the text on one line when it has no match.
std::string match_excerpt(const std::string& text, const std::string& needle, size_t context = 4);

}  // namespace kith
