#pragma once
// A contact file holding git's conflict markers: reported, yet never a vanished person.
#include <optional>
#include <string>
#include <string_view>

#include "kith/model/model.hpp"

namespace kith {

// Returns what can be read of a contact file holding conflict markers: the contact as one side
// of the conflict has it (ours, else theirs), else only the name of its `name:` line (else its
// slug). Returns nullopt when the file holds no markers. The contact's conflict_line is set.
std::optional<Contact> read_conflicted_contact(std::string_view bytes, const std::string& path, const Config& config);

// Returns the text of a file's first `name:` line, read on its own; "" when there is none or it
// does not read. For files that may not read as a whole.
std::string name_line(std::string_view bytes, const std::string& path);

// Refuses to write a contact read from a file in conflict (an invalid-file Error at the markers).
void refuse_conflicted(const Contact& contact);

}  // namespace kith
