#pragma once
// What the syncs keep in .kith/ between runs: the days each source is synced through
// (.kith/sync-SOURCE), and the file a vdir's base lives in.
#include <optional>
#include <string>
#include <vector>

#include "kith/base/dates.hpp"

namespace kith {

class Folder;

// Returns the day after the one recorded as synced through in .kith/sync-SOURCE for each of
// `keys` (the earliest of them; none given: the source's own), or nullopt when one has none.
std::optional<Day> day_after_last_sync(const Folder& store, const std::string& source, const std::vector<std::string>& keys = {});

// Records in .kith/sync-SOURCE that the days up to `through` are synced for each of `keys` (none
// given: the source as a whole), keeping what it holds for others.
void record_sync(const Folder& store, const std::string& source, Day through, const std::vector<std::string>& keys = {});

// Returns where the base of the vdir `dir` lives in .kith/: one file per vdir, named by its
// absolute path.
std::string vdir_base_path(const std::string& dir);


}  // namespace kith
