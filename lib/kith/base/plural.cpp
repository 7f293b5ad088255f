#include "kith/base/plural.hpp"

namespace kith {

std::string count_of(size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace kith
