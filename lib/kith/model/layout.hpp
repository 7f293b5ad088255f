#pragma once
// The layout of a network folder: the one place that names the folders people's files live in.
#include <string>
#include <string_view>

namespace kith::layout {

// The folder of the people kept in touch with.
inline constexpr const char* contacts = "contacts";
// The folder of archived people: never due, still listed with --archived.
inline constexpr const char* archive = "archive";
// kith's own folder (the index, the record of intent, staged files, sync bases, edit copies):
// never the user's, and ignored by git (`kith init` says so in .gitignore).
inline constexpr const char* state = ".kith";
// The index of summaries, so that a command reads only the files that changed.
inline constexpr const char* index_file = ".kith/index";
// The record of intent of a commit of several files, and its second name outside .kith/.
inline constexpr const char* intent_record = ".kith/intent";
inline constexpr const char* intent_record_copy = ".kith-intent";
// Ends the name of kith's version of a change it could not finish (beside the person's file).
inline constexpr const char* unfinished_suffix = ".kith-unfinished";
// The second name of a staged file NAME is this followed by NAME (in .kith/).
inline constexpr const char* staged_prefix = "staged-";

// Returns the path of a person's file in the network: contacts/SLUG.yaml, or archive/SLUG.yaml.
std::string person_path(std::string_view slug, bool archived = false);
// Returns "contacts/NAME" or "archive/NAME" for a file name in one of the two folders.
std::string in_folder(std::string_view folder, std::string_view name);
// Returns whether a network path lies directly in contacts/ or archive/ (no deeper folder).
bool in_people_folder(std::string_view path);
// Returns whether a network path lies in archive/.
bool in_archive(std::string_view path);
// Returns ".kith/NAME", the path of one of kith's own files.
std::string in_state(std::string_view name);

}  // namespace kith::layout
