#pragma once
// `kith git`: run git in the network folder (e.g. 'kith git pull', 'kith git log -p').
#include "app.hpp"

namespace kith::cli {

// Adds `kith git` to the command tree, with the action that runs it.
void add_git(CLI::App& app, Context& ctx, Actions& actions);

// Sets aside what follows `kith [options] git` for git; returns how many arguments CLI11 parses.
int split_git_arguments(int argc, char** argv);

}  // namespace kith::cli
