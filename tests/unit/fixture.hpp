#pragma once
// Reads a file of tests/fixtures for the interchange tests.
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(KITH_FIXTURES) + "/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}
