// Writes the cards kith exports into a vdir, for the interop test (vobject and khard):
// every person of a network folder, and every card of the import fixtures read back.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kith/export.hpp"
#include "kith/store.hpp"
#include "kith/vcard_contact.hpp"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: vcard_sample NETWORK FIXTURES OUT-DIR VERSION\n";
        return 2;
    }
    namespace fs = std::filesystem;
    const int version = std::stoi(argv[4]);
    std::vector<kith::Contact> contacts = kith::Store(argv[1]).load(true).contacts;
    for (const auto& entry : fs::directory_iterator(argv[2])) {
        if (entry.path().extension() != ".vcf") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        int n = 0;
        for (auto& record : kith::read_vcard_contacts(bytes.str(), entry.path().string()).records) {
            record.contact.slug = entry.path().stem().string() + "-" + std::to_string(++n);
            contacts.push_back(std::move(record.contact));
        }
    }
    fs::create_directories(argv[3]);
    for (const auto& c : contacts) std::ofstream(fs::path(argv[3]) / kith::vcard_file_name(c), std::ios::binary) << kith::render_vcard(c, version);
    std::cout << contacts.size() << "\n";
    return 0;
}
