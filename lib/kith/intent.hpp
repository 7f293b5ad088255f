#pragma once
// The record of intent (.kith/intent): the renames and moves of one commit of several files,
// written whole and flushed before the first of them, so that the next kith can finish them.
// It also keeps what each target held before, so that finishing never overwrites a file the
// user (or git) changed in between. Used by transaction.cpp only.
#include <optional>
#include <string>
#include <vector>

#include "kith/error.hpp"

namespace kith::intent {

// Where the record lives, relative to the network folder.
inline constexpr const char* record_path = ".kith/intent";

// What a target holds: absent, or the size and hash of its bytes.
inline constexpr const char* absent = "-";

// One step of a commit: rename a temp file over a target ("replace") or onto a new one
// ("new"), or move a file ("move"). Paths are relative to the root and already resolved.
struct Step {
    std::string kind;
    std::string from, to;
    std::string before;  // what `to` held when planned (see state_of); empty when unknown
};

// Returns what a file holds now, in the form Step::before keeps: `absent`, or its size and
// hash ("?" for what kith cannot read, which matches nothing recorded).
std::string state_of(const std::string& root, const std::string& path);

// Returns the record's text: a header, one line per step, and a checksum.
std::string encode(const std::vector<Step>& steps);

// Reads a record (this version's, or the first one's, which kept no `before`); nullopt when
// it is damaged (then nothing was renamed yet: it is written whole before the first rename).
std::optional<std::vector<Step>> decode(const std::string& text);

// Applies one step; a step found done already (after a crash) is skipped, so replaying a
// record is safe. Never replaces a file on a "new" or "move" step.
void apply(const std::string& root, const Step& step);

// Finishes one step of a record an earlier kith left, unless its target changed since it
// was planned: then the target is left as it is and the staged text is kept beside it
// (a move is not made). Returns an Error saying so, located at the file, or nullopt when the
// step was applied.
std::optional<Error> finish(const std::string& root, const Step& step);

}  // namespace kith::intent
