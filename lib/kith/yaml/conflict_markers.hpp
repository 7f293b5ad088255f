#pragma once
// Git's conflict markers in a text (<<<<<<<, |||||||, =======, >>>>>>> at a line start): where
// the first one is, and one side of every marked conflict. The merge driver writes them; the
// guard, the store and the commands recognise them here.
#include <string>
#include <string_view>

namespace kith {

// Returns the 1-based line of the first merge conflict marker at a line start, 0 when none.
int conflict_marker_line(std::string_view text);

// Returns the text with every marked conflict replaced by one side (ours, else theirs).
std::string pick_conflict_side(std::string_view text, bool ours);

}  // namespace kith
