#pragma once
// Three-way merges of contact files, for git's merge driver (`kith merge-file`): lists merge
// as sets of entries, scalars three-way, and a conflict is marked around its key only.
// Works on bytes; the result is built by surgical edits of OURS, so its comments stay.
#include <string>
#include <string_view>

#include "kith/merge/merge_lines.hpp"

namespace kith {

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

}  // namespace kith
