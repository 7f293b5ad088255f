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
    bool without_base = false;  // true when there was no common version (added on both sides)
};

// Merges three versions of a contact file, byte for byte: every part (a top-level key with the
// comment and blank lines above it, the lines before the first key and after the last) that one
// side changed takes that side's bytes. A list (log, followups, dates, email, phone, aka,
// interests, tags) both sides changed merges entry by entry, entries identified by their content:
// added on both sides once, removed on one side and untouched on the other removed, a follow-up
// done on one side done, and an entry whose bytes both changed differently marked. Other keys
// both changed merge line by line, else are marked whole. A base that holds no key (a file added
// on both sides) is no common version: see merge_two_way. When an input does not read as YAML,
// or the result would not read as planned, falls back to merge_lines.
MergeResult merge_contact_files(std::string_view base, std::string_view ours, std::string_view theirs,
                                const std::string& path);

// Splits text into its lines, each with its own line ending (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text);

// Merges three texts line by line (diff3), marking each region both sides changed differently
// with <<<<<<< ours, =======, >>>>>>> theirs. Never loses a line of either side.
MergeResult merge_lines(std::string_view base, std::string_view ours, std::string_view theirs);

// Merges two versions with no common one: lines both have stay, and every stretch where they
// differ is marked (a version that is blank gives the other). Sets without_base.
MergeResult merge_two_way(std::string_view ours, std::string_view theirs);

// Returns the 1-based line of the first merge conflict marker at a line start, 0 when none.
int conflict_marker_line(std::string_view text);

// Returns the text with every marked conflict replaced by one side (ours, else theirs).
std::string pick_conflict_side(std::string_view text, bool ours);

}  // namespace kith
