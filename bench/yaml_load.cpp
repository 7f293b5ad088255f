// The reference for cold loads: a single-threaded loop of yaml-cpp's LoadFile over every
// contact file of a network, building YAML::Node trees as most YAML programs do.
// Built by bench/run with g++; not part of kith.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: yaml_load FOLDER\n";
        return 2;
    }
    size_t nodes = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(argv[1]) / "contacts")) {
        const YAML::Node doc = YAML::LoadFile(entry.path().string());
        nodes += doc.size();
    }
    std::cout << nodes << "\n";
    return 0;
}
