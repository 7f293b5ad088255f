#pragma once
// Writing YAML scalars and flow collections so that they read back as exactly the text given.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith {

// Returns true when `text` written plain could read as anything but that string,
// in block or flow context: null, booleans, numbers, times, indicators, ': ', ' #', commas.
bool needs_quotes(std::string_view text);

// Returns `text` plain when that is safe, else double-quoted with escapes.
std::string yaml_scalar(std::string_view text);

// Returns "[a, b]" with each item written by yaml_scalar.
std::string yaml_flow_list(const std::vector<std::string>& items);

// Returns "{k: v, ...}"; values are written as given (quote them with yaml_scalar first).
std::string yaml_flow_map(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace kith
