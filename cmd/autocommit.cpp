#include "autocommit.hpp"

#include "process.hpp"

namespace kith::cli {

void autocommit(const Context& ctx, const Config& config, const std::string& root,
                const std::vector<std::string>& paths, const std::string& message) {
    if (!config.autocommit) return;
    std::vector<std::string> add = {"git", "-C", root, "add", "-A", "--"};
    add.insert(add.end(), paths.begin(), paths.end());
    std::vector<std::string> commit = {"git", "-C", root, "commit", "--quiet", "-m", message, "--"};
    commit.insert(commit.end(), paths.begin(), paths.end());
    if (run_program(add) != 0 || run_program(commit) != 0)
        ctx.warn("git autocommit failed; the change is written but not committed");
}

}  // namespace kith::cli
