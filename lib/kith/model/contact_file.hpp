#pragma once
// Contact files: reading them into Contact structs, and writing new ones.
#include <string>
#include <string_view>

#include "kith/model/model.hpp"

namespace kith {

// Reads a contact file's bytes; `path` names it in errors. Checks tiers against `config`.
// Throws an invalid-file Error located at the first problem.
Contact parse_contact(std::string_view bytes, const std::string& path, const Config& config);

// Renders a new contact file in the canonical key order of SPEC 3, leaving out empty fields.
// Parses the result: a file that would not read back as `contact` is a std::logic_error.
std::string render_new_contact(const Contact& contact);

// The keys of a contact file in canonical order.
const std::vector<std::string>& canonical_keys();

}  // namespace kith
