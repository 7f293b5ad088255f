#pragma once
// The layout of a network folder: the one place that names the folders people's files live in.
#include <string>
#include <string_view>

namespace kith::layout {

// The folder of the people kept in touch with.
inline constexpr const char* contacts = "contacts";
// The folder of archived people: never due, still listed with --archived.
inline constexpr const char* archive = "archive";

// Returns the path of a person's file in the network: contacts/SLUG.yaml, or archive/SLUG.yaml.
std::string person_path(std::string_view slug, bool archived = false);
// Returns "contacts/NAME" or "archive/NAME" for a file name in one of the two folders.
std::string in_folder(std::string_view folder, std::string_view name);
// Returns whether a network path lies directly in contacts/ or archive/ (no deeper folder).
bool in_people_folder(std::string_view path);
// Returns whether a network path lies in archive/.
bool in_archive(std::string_view path);

}  // namespace kith::layout
