#pragma once
// git: {autocommit: true} in kith.yaml commits every write with a clear message.
#include <string>
#include <vector>

#include "app.hpp"

namespace kith::cli {

// Commits the given paths (relative to the network root) when the settings ask for it.
// A failure is a warning: the files are already written.
void autocommit(const Context& ctx, const Config& config, const std::string& root,
                const std::vector<std::string>& paths, const std::string& message);

}  // namespace kith::cli
