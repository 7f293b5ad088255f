#pragma once
// `kith init`'s files: a network folder made, or completed, without replacing what is there.
#include <functional>
#include <string>
#include <vector>

namespace kith {

// What making a network folder did: whether kith.yaml was there already, and the files written
// (paths from the folder: kith.yaml, .gitignore, .gitattributes).
struct NewNetwork {
    bool existed = false;
    std::vector<std::string> written;
};

// Makes the network folder at `dir` (and the folders above it, as needed), adding only what is
// missing: kith.yaml (whose text `settings` gives, asked only then), contacts/, the line ".kith/"
// in .gitignore, and the merge driver's lines for contacts/ and archive/ in .gitattributes.
// Throws an I/O Error naming `dir` when the folder cannot be made.
NewNetwork make_network(const std::string& dir, const std::function<std::string()>& settings);

}  // namespace kith
