#pragma once
// kith.yaml: reading the settings, and the commented file that `init` writes.
#include <optional>
#include <string>
#include <string_view>

#include "kith/model/model.hpp"

namespace kith {

// Reads kith.yaml; missing keys take the defaults of SPEC 2. Throws an invalid-file Error.
Config parse_config(std::string_view bytes, const std::string& path);

// Returns the kith.yaml that `init` writes: the defaults, each with a comment.
std::string default_config_text();

// Returns the kith.yaml that `init` writes with `me` (who signs introductions) set to `name`
// and `email` ("" for none), or nullopt when `name` is empty.
std::optional<std::string> default_config_text_signed(const std::string& name, const std::string& email);

}  // namespace kith
