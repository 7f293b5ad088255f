#pragma once
// Reading as little as a command needs: the network as the index summarizes it, and one person
// found by NAME and read in full from their own file.
#include <optional>
#include <string_view>

#include "app.hpp"

namespace kith::cli {

// Reads every person as the index summarizes them (Store::load_summaries, for ctx.today())
// and reports every unreadable file on stderr, as Context::load does.
Network load_index(Context& ctx, bool include_archived = false);

// Finds people by NAME for the commands that change or show one person. A NAME that is a slug
// reads that person's file alone; any other NAME is resolved among everyone's names from the
// index (read once, every file's stamp checked, every unreadable file reported).
class People {
public:
    explicit People(Context& ctx, bool include_archived = false);
    const Config& config() const { return config_; }
    // Returns the person NAME stands for, read in full from their file (a file that does not
    // parse: as far as it could be read). Throws a usage Error for an unknown or ambiguous NAME.
    Contact find(std::string_view name);
    // Returns the name of the person with this slug, or the slug when there is none.
    std::string name_of(const std::string& slug);
    // Returns everyone's slug, name and aka, read once.
    const Network& everyone();

private:
    Context& ctx_;
    bool include_archived_;
    Config config_;
    std::optional<Network> everyone_;
};

}  // namespace kith::cli
