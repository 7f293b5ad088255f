#pragma once
// People as rename and merge read them: who they are, and the slugs their file refers to.
#include <string>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {

// People in network order, each kept as who they are (slug, path, name, aka, conflict line) with,
// beside them, the slugs their file refers to (introduced_by, each log entry's with).
struct Referrers {
    std::vector<Contact> people;
    std::vector<std::vector<std::string>> refers;

    // Takes one person read in full, keeping only the above.
    void add(Contact& full);
    // Returns true when the index-th person refers to `slug`.
    bool refers_to(size_t index, const std::string& slug) const;
    // Stages in `change` the rewrite of every reference to `from` into `to` in the files of
    // these people who refer to it, but the files in `skip`; refuses a file in conflict. Returns
    // how many files it stages.
    size_t rewrite(Transaction& change, const std::string& from, const std::string& to,
                   const std::vector<std::string>& skip, const Config& config) const;
};

}  // namespace kith::cli
