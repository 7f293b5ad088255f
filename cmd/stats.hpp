#pragma once
// `kith stats`: the network's health: tier bars, contacts per week, promises kept.
#include "app.hpp"
#include "kith/views/health.hpp"

namespace kith::cli {

// Adds `kith stats` to the command tree, with the action that runs it.
void add_stats(CLI::App& app, Context& ctx, Actions& actions);

// Reads the health of the network over `months` months (stats, report), a chunk of files at a time.
Health read_health(Context& ctx, int months);

}  // namespace kith::cli
