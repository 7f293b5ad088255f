#pragma once
// The one temporary network folder of the unit tests: kith.yaml and contacts/ under the system's
// temp folder, with the files a test asks for, removed afterwards.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <utility>

#include "kith/model/config_file.hpp"
#include "kith/store/store.hpp"

struct TempNetwork {
    std::filesystem::path root;

    // Makes the folder with these files (path, bytes) besides kith.yaml; a file's folders are made.
    explicit TempNetwork(std::initializer_list<std::pair<std::string, std::string>> files = {}) {
        std::string name = (std::filesystem::temp_directory_path() / "kith-test-XXXXXX").string();
        root = ::mkdtemp(name.data());
        folder("contacts");
        put("kith.yaml", kith::default_config_text());
        for (const auto& [path, bytes] : files) {
            folder(std::filesystem::path(path).parent_path().string());
            put(path, bytes);
        }
    }
    ~TempNetwork() { std::filesystem::remove_all(root); }
    TempNetwork(const TempNetwork&) = delete;
    TempNetwork& operator=(const TempNetwork&) = delete;

    // Makes a folder of the network (and those above it).
    void folder(const std::string& path) const { std::filesystem::create_directories(root / path); }
    // Writes a file of the network as the user would, bypassing kith.
    void put(const std::string& path, const std::string& bytes) const {
        std::ofstream(root / path, std::ios::binary) << bytes;
    }
    // Reads a file of the network through the store.
    std::string get(const std::string& path) const { return kith::Store(root.string()).read(path); }
    // Returns the folder as the store takes it.
    std::string dir() const { return root.string(); }
};
