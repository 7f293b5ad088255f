#pragma once
// Changes to several people at once (`set`, `tag`, `tier`, `snooze`, `archive`): the NAMEs,
// "-" for one a line on standard input, and one Transaction for all of them.
#include <functional>
#include <string>
#include <vector>

#include "app.hpp"
#include "lookup.hpp"

namespace kith::cli {

// Returns the people the NAMEs stand for, each once, in the order named; "-" reads one NAME a
// line from standard input (a slug, as `kith list --format tsv | cut -f1` prints; a first line
// "slug", that tsv's header, is skipped; blank lines too). Throws a
// usage Error for an unknown or ambiguous NAME, before anything is written, and when no NAME
// is given.
std::vector<Contact> find_people(People& people, const std::vector<std::string>& names);

// The edit of one person's file, made under the lock; appends to `done` what it changed, in
// words (nothing when it changed nothing).
using PersonEdit = std::function<std::string(const Contact& person, const std::string& text, std::vector<std::string>& done)>;

// The commit message of a change, made from the people it changed.
using ChangeMessage = std::function<std::string(const std::vector<Contact>& changed)>;

// Applies `edit` to every person's file in one Transaction (all or none), says one line per
// person it changed (their name, `separator`, what it did: "Ada Lovelace: tags +mentor"), and
// commits once (when autocommit is on) with "kith: " and `message`. Says so when nobody changed.
void edit_people(Context& ctx, const Config& config, const std::vector<Contact>& people, const PersonEdit& edit,
                 const ChangeMessage& message, const std::string& separator = ": ");

// Returns "Ada Lovelace" for one person, "3 people" for more.
std::string who(const std::vector<Contact>& people);

}  // namespace kith::cli
