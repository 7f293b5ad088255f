#pragma once
// Merges by lines, for texts the contact merge cannot take apart: diff3 when there is a common
// version, a two-way merge that marks every difference when there is none.
#include <string>
#include <string_view>

namespace kith {

// A merged text and what is left to resolve.
struct MergeResult {
    std::string text;
    size_t conflicts = 0;     // conflict regions (<<<<<<< ... >>>>>>>) in `text`
    bool structured = true;   // false when an input did not parse and lines were merged instead
    bool parses = true;       // false when the conflict-free result does not read as YAML
    bool without_base = false;  // true when there was no common version (added on both sides)
};

// Merges three texts line by line (diff3), marking each region both sides changed differently
// with <<<<<<< ours, =======, >>>>>>> theirs. Never loses a line of either side.
MergeResult merge_lines(std::string_view base, std::string_view ours, std::string_view theirs);

// Merges two versions with no common one: lines both have stay, and every stretch where they
// differ is marked (a version that is blank gives the other). Sets without_base.
MergeResult merge_two_way(std::string_view ours, std::string_view theirs);

}  // namespace kith
