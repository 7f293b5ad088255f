#pragma once
// The figures of the report as JSON (kith stats --format json, and the data of kith report).
#include <string>

#include "kith/views/health.hpp"

namespace kith {

// Returns the figures as a JSON object, lists cut to `top` items (same numbers in stats and report).
std::string health_json(const Health& health, size_t top);

}  // namespace kith
