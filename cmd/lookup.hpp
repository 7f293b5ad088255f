#pragma once
// The network as the index summarizes it, and one person read in full from their own file.
#include <string_view>

#include "app.hpp"

namespace kith::cli {

// Reads every person as the index summarizes them (Store::load_summaries, for ctx.today())
// and reports every unreadable file on stderr, as Context::load does.
Network load_index(Context& ctx, bool include_archived = false);

// Resolves NAME among the summaries and reads only that person's file, in full. A person in a
// file that does not parse is returned as far as it could be read.
Contact load_person(const Context& ctx, const Network& index, std::string_view name);

}  // namespace kith::cli
