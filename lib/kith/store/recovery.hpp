#pragma once
// Finishing a change an earlier kith left half-done: the record of intent (intent.hpp) is found
// under either of its names, refused when git tracks it or when a step is none kith makes, else
// finished step by step; then stale temp files and staged copies are removed.
#include "kith/store/folder.hpp"

namespace kith {

// With the lock held: finishes a change that an earlier kith left half-done, then removes
// stale temp files. Returns true when one was found. A file changed since that change was
// planned is never overwritten: it stays as it is, kith's version is kept beside it
// (NAME.kith-unfinished), and an invalid-file Error
// located at it says so once everything else is finished; so does a step whose staged text is
// gone while its file is as it was. A record git tracks, one that does not read, or one with a
// step kith never makes (see intent::refusal) is not followed at all, nor removed: an
// invalid-file Error located at it says so.
bool finish_pending(const Folder& store);

}  // namespace kith
