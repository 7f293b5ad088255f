#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "kith/config_file.hpp"
#include "kith/error.hpp"
#include "kith/hash.hpp"
#include "kith/intent.hpp"
#include "kith/store.hpp"

using namespace kith;
namespace fs = std::filesystem;

namespace {

// A network folder with one person and a .kith folder, removed afterwards.
struct Net {
    fs::path root;
    Net() {
        char name[] = "/tmp/kith-intent-XXXXXX";
        root = ::mkdtemp(name);
        fs::create_directories(root / "contacts");
        fs::create_directories(root / "archive");
        fs::create_directories(root / ".kith");
        put("kith.yaml", default_config_text());
        put("contacts/a.yaml", "name: A\n");
    }
    ~Net() { fs::remove_all(root); }
    void put(const std::string& path, const std::string& bytes) const {
        std::ofstream(root / path, std::ios::binary) << bytes;
    }
    std::string get(const std::string& path) const { return Store(root.string()).read(path); }
    std::string dir() const { return root.string(); }
};

// Writes a record of the steps and has the next kith (a load) finish it; returns what it said.
std::string finish_with(const Net& net, const std::vector<intent::Step>& steps) {
    net.put(intent::record_path, intent::encode(steps));
    try {
        Store(net.dir()).load(false);
    } catch (const Error& e) {
        return e.located();
    }
    return "";
}

}  // namespace

TEST_CASE("a record keeps what each target held; a damaged one reads as nothing") {
    const std::vector<intent::Step> steps{{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", "8:42"},
                                          {"move", "contacts/b.yaml", "archive/b.yaml", intent::absent}};
    const auto back = intent::decode(intent::encode(steps));
    REQUIRE(back);
    CHECK(back->at(0).before == "8:42");
    CHECK(back->at(1).before == intent::absent);
    std::string text = intent::encode(steps);
    text[text.find("8:42")] = '9';
    CHECK_FALSE(intent::decode(text));
}

TEST_CASE("what a file holds: absent, or its size and hash, which a one-byte change alters") {
    Net net;
    CHECK(intent::state_of(net.dir(), "contacts/none.yaml") == intent::absent);
    const std::string before = intent::state_of(net.dir(), "contacts/a.yaml");
    CHECK(before.starts_with("8:"));
    net.put("contacts/a.yaml", "name: B\n");
    CHECK(intent::state_of(net.dir(), "contacts/a.yaml") != before);
}

TEST_CASE("finishing replaces a target that still holds what it held, and nothing else") {
    Net net;
    const std::string before = intent::state_of(net.dir(), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    CHECK(finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before}}).empty());
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_path));
}

TEST_CASE("finishing never overwrites a target changed since: it stays, kith's version is kept beside it") {
    Net net;
    const std::string before = intent::state_of(net.dir(), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    net.put("contacts/a.yaml", "name: A\norg: mine\n");  // the user's edit, after the crash
    const std::string said =
        finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before}});
    CHECK(said.starts_with("contacts/a.yaml: changed since a kith that was stopped began to write it"));
    CHECK(said.find("contacts/a.yaml.kith-unfinished") != std::string::npos);
    CHECK(net.get("contacts/a.yaml") == "name: A\norg: mine\n");
    CHECK(net.get("contacts/a.yaml.kith-unfinished") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_path));
    CHECK(Store(net.dir()).load(false).contacts.size() == 1);  // said once; the kept version is no contact
}

TEST_CASE("a target removed since is not made again: kith's version is kept beside where it was") {
    Net net;
    const std::string before = intent::state_of(net.dir(), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    fs::remove(net.root / "contacts/a.yaml");
    const std::string said = finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before}});
    CHECK(said.starts_with("contacts/a.yaml: was removed since"));
    CHECK_FALSE(fs::exists(net.root / "contacts/a.yaml"));
    CHECK(net.get("contacts/a.yaml.kith-unfinished") == "name: A\ntier: core\n");
}

TEST_CASE("a new file made since, or a move's target made since, keeps both sides") {
    Net net;
    net.put("contacts/.n.yaml.zZ9yY8", "name: Kith's N\n");
    net.put("contacts/n.yaml", "name: User's N\n");
    net.put("contacts/m.yaml", "name: M\n");
    net.put("archive/m.yaml", "name: Another M\n");
    net.put("contacts/n.yaml.kith-unfinished", "kept before\n");  // never replaced either
    const std::string said = finish_with(net, {{"new", "contacts/.n.yaml.zZ9yY8", "contacts/n.yaml", intent::absent},
                                               {"move", "contacts/m.yaml", "archive/m.yaml", intent::absent}});
    CHECK(said.starts_with("contacts/n.yaml: was made since"));
    CHECK(said.find("contacts/m.yaml: a kith that was stopped was moving it to archive/m.yaml") != std::string::npos);
    CHECK(net.get("contacts/n.yaml") == "name: User's N\n");
    CHECK(net.get("contacts/n.yaml.kith-unfinished") == "kept before\n");
    CHECK(net.get("contacts/n.yaml.kith-unfinished-2") == "name: Kith's N\n");
    CHECK(net.get("contacts/m.yaml") == "name: M\n");
    CHECK(net.get("archive/m.yaml") == "name: Another M\n");
}

TEST_CASE("a record of the first version, which kept no before, is still finished") {
    Net net;
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    const std::string head = "kith-intent-1\nreplace\tcontacts/.a.yaml.xK3aB9\tcontacts/a.yaml\n";
    net.put(intent::record_path, head + "end\t" + std::to_string(hash_bytes(head)) + "\n");
    Store(net.dir()).load(false);
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\n");
}
