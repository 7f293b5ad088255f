#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "kith/store/beneath.hpp"
#include "kith/store/transaction.hpp"
#include "refused.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_beneath {

using namespace kith;
namespace fs = std::filesystem;

namespace {

// Resolves a path with a Root kept across calls (`kept`) and with a fresh one: the same place,
// or the same refusal.
void check_same_place(const beneath::Root& kept, const std::string& root, const std::string& path, bool follow_last) {
    std::string fresh_said, kept_said;
    beneath::Place fresh, cached;
    try {
        fresh = beneath::place(beneath::Root(root), path, follow_last, false);
    } catch (const Error& e) {
        fresh_said = e.located();
    }
    try {
        cached = beneath::place(kept, path, follow_last, false);
    } catch (const Error& e) {
        kept_said = e.located();
    }
    INFO(path);
    CHECK(kept_said == fresh_said);
    CHECK(cached.path == fresh.path);
    CHECK(cached.name == fresh.name);
    CHECK(cached.dir.ok() == fresh.dir.ok());
}

std::uint64_t inode_of(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return static_cast<std::uint64_t>(info.st_ino);
}

}  // namespace

TEST_CASE("a Root kept across calls resolves every path as a fresh walk does, links and refusals included") {
    TempNetwork net({{"people/ada.yaml", "name: Ada\n"}, {"contacts/bob.yaml", "name: Bob\n"}});
    const std::string root = net.dir();
    fs::create_symlink("../people/ada.yaml", net.root / "contacts/ada.yaml");  // a last name that is a link inside
    fs::create_symlink("people", net.root / "friends");                          // a folder that is a link inside
    fs::create_symlink("/etc/passwd", net.root / "contacts/out.yaml");           // a link out
    fs::create_symlink("../../..", net.root / "contacts/up");                    // a folder that leads out
    net.folder(".git");
    const beneath::Root kept(root);
    const std::vector<std::string> paths = {"contacts/bob.yaml", "contacts/ada.yaml", "contacts/out.yaml", "contacts/up/x.yaml",
                                            "contacts/new.yaml", "friends/ada.yaml", "friends/../contacts/bob.yaml",
                                            "contacts/../../x.yaml", "missing/x.yaml", "contacts/.git", ".git/config",
                                            "kith.yaml", "contacts/.", "contacts/.."};
    for (int round = 0; round < 2; ++round)  // the second round with every folder resolved before
        for (const std::string& path : paths)
            for (const bool follow_last : {false, true}) check_same_place(kept, root, path, follow_last);
    // A file that became a link out after its folder was resolved is refused all the same.
    fs::remove(net.root / "contacts/bob.yaml");
    fs::create_symlink("/etc/passwd", net.root / "contacts/bob.yaml");
    CHECK_REFUSED(beneath::place(kept, "contacts/bob.yaml", true, false), ErrorKind::invalid, "leads out of the network folder");
    CHECK_REFUSED(beneath::read_file(kept, "contacts/bob.yaml", 1 << 20), ErrorKind::invalid, "leads out of the network folder");
}

TEST_CASE("edit_each edits many files as edit does each, on several threads; an unchanged text is not written") {
    TempNetwork net;
    std::vector<std::string> paths;
    for (int i = 0; i < 150; ++i) {  // enough for several threads and two chunks
        paths.push_back("contacts/p" + std::to_string(i) + ".yaml");
        net.put(paths.back(), "name: P" + std::to_string(i) + "\n");
    }
    const std::uint64_t untouched = inode_of(net.root / paths[7]);
    const Store store(net.dir());
    const Config config = store.load_config();
    Transaction change(store, config);
    std::vector<std::string> seen(paths.size());
    change.edit_each(paths, [&](size_t i, const std::string& text) {
        seen[i] = text;
        return i == 7 ? text : text + "tier: core\n";
    });
    const std::vector<std::string> changed = change.commit();
    CHECK(changed.size() == paths.size() - 1);
    for (size_t i = 0; i < paths.size(); ++i) {
        CHECK(seen[i] == "name: P" + std::to_string(i) + "\n");
        CHECK(net.get(paths[i]) == seen[i] + (i == 7 ? "" : "tier: core\n"));
    }
    CHECK(inode_of(net.root / paths[7]) == untouched);  // not rewritten
}

TEST_CASE("edit_each refuses the first file, in their order, that an edit would leave unreadable; nothing is written") {
    TempNetwork net;
    std::vector<std::string> paths;
    for (int i = 0; i < 100; ++i) {
        paths.push_back("contacts/p" + std::to_string(i) + ".yaml");
        net.put(paths.back(), "name: P\n");
    }
    const Store store(net.dir());
    const Config config = store.load_config();
    {
        Transaction change(store, config);
        CHECK_REFUSED(change.edit_each(paths, [](size_t i, const std::string& text) { return i % 40 == 39 ? text + "log: [\n" : text + "org: X\n"; }),
                      ErrorKind::invalid, "contacts/p39.yaml");
    }
    for (const std::string& path : paths) CHECK(net.get(path) == "name: P\n");
    Transaction change(store, config);
    CHECK_THROWS_AS(change.edit_each({paths[0], paths[1], paths[0]}, [](size_t, const std::string& text) { return text; }),
                    std::logic_error);
}

}  // namespace unit_beneath
