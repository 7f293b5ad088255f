#pragma once
// Three-way merges of contact files, for git's merge driver (`kith merge-file`): lists merge
// as sets of entries, scalars three-way, and a conflict is marked around its key only.
// Works on bytes; the result is built by surgical edits of OURS, so its comments stay.
#include <string>
#include <string_view>
#include <vector>

namespace kith {

// A merged text and what is left to resolve.
struct MergeResult {
    std::string text;
    size_t conflicts = 0;     // conflict regions (<<<<<<< ... >>>>>>>) in `text`
    bool structured = true;   // false when an input did not parse and lines were merged instead
    bool parses = true;       // false when the conflict-free result does not read as YAML
};

// Merges three versions of a contact file. The lists (log, followups, dates, email, phone,
// aka, interests, tags) merge as sets of entries identified by their content: added on both
// sides once, removed on one side and untouched on the other removed, a follow-up done on one
// side done. Other keys merge three-way; different changes on both sides are marked around that
// key. When an input does not read as YAML, falls back to merge_lines.
MergeResult merge_contact_files(std::string_view base, std::string_view ours, std::string_view theirs,
                                const std::string& path);

// Splits text into its lines, each with its own line ending (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text);

// Merges three texts line by line (diff3), marking each region both sides changed differently
// with <<<<<<< ours, =======, >>>>>>> theirs. Never loses a line of either side.
MergeResult merge_lines(std::string_view base, std::string_view ours, std::string_view theirs);

// Returns the 1-based line of the first merge conflict marker at a line start, 0 when none.
int conflict_marker_line(std::string_view text);

// Returns the text with every marked conflict replaced by one side (ours, else theirs).
std::string pick_conflict_side(std::string_view text, bool ours);

}  // namespace kith
