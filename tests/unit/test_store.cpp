#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kith/model/config_file.hpp"
#include "kith/base/error.hpp"
#include "kith/store/store.hpp"
#include "refused.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_store {

using namespace kith;
namespace fs = std::filesystem;

static ErrorKind kind_of_read(const Store& store, const std::string& path) {
    try {
        store.read(path);
    } catch (const Error& e) {
        return e.kind();
    }
    FAIL("read succeeded");
    return ErrorKind::usage;
}

TEST_CASE("bad files are reported and the rest of the folder still loads") {
    TempNetwork net;
    net.put("contacts/ada.yaml", "name: Ada\n");
    net.put("contacts/bad.yaml", "name: Bob\ntier: cor\n");
    net.put("contacts/binary.yaml", std::string("\0\1\2", 3));
    net.put("contacts/.hidden.yaml", "not: a contact\n");
    net.put("contacts/notes.txt", "ignored\n");
    fs::create_directory(net.root / "contacts/folder.yaml");
    REQUIRE(::mkfifo((net.root / "contacts/fifo.yaml").c_str(), 0600) == 0);
    net.put("outside.yaml", "name: Outsider\n");
    fs::create_symlink(net.root / "outside.yaml", net.root / "contacts/inside-link.yaml");
    fs::create_symlink("/etc/hostname", net.root / "contacts/escape.yaml");
    net.put("contacts/huge.yaml", "name: Huge\nnotes: " + std::string(max_file_bytes, 'x') + "\n");

    const Network network = Store(net.root.string()).load(false);
    REQUIRE(network.contacts.size() == 2);
    CHECK(network.contacts[0].slug == "ada");
    CHECK(network.contacts[1].slug == "inside-link");  // a link inside the folder is fine
    std::string all;
    for (const auto& p : network.problems) all += p.located() + "\n";
    CAPTURE(all);
    CHECK(network.problems.size() == 6);
    CHECK(all.find("contacts/bad.yaml:2:7: unknown tier 'cor'") != std::string::npos);
    CHECK(all.find("contacts/binary.yaml:1:1: file is UTF-16") != std::string::npos);
    CHECK(all.find("contacts/fifo.yaml: is not a regular file") != std::string::npos);
    CHECK(all.find("contacts/folder.yaml: is not a regular file") != std::string::npos);
    CHECK(all.find("contacts/escape.yaml: is a link that leads out") != std::string::npos);
    CHECK(all.find("contacts/huge.yaml: is larger than 1 MiB") != std::string::npos);
}

TEST_CASE("reading a missing file is an I/O error, a FIFO an invalid file") {
    TempNetwork net;
    const Store store(net.root.string());
    CHECK(kind_of_read(store, "contacts/nobody.yaml") == ErrorKind::io);
    REQUIRE(::mkfifo((net.root / "contacts/fifo.yaml").c_str(), 0600) == 0);
    CHECK(kind_of_read(store, "contacts/fifo.yaml") == ErrorKind::invalid);
}

TEST_CASE("kith's own files are written atomically in .kith/, 0600 when new, keeping the mode of old ones") {
    TempNetwork net;
    const Store store(net.root.string());
    store.write_state(".kith/new", "one\n");
    CHECK((fs::status(net.root / ".kith").permissions() & fs::perms::all) == fs::perms::owner_all);
    CHECK((fs::status(net.root / ".kith/new").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    fs::permissions(net.root / ".kith/new", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    store.write_state(".kith/new", "two\n");
    CHECK(store.read(".kith/new") == "two\n");
    CHECK((fs::status(net.root / ".kith/new").permissions() & fs::perms::group_read) == fs::perms::group_read);
    for (const auto& entry : fs::directory_iterator(net.root / ".kith"))
        CHECK(entry.path().filename().string().find(".new.") == std::string::npos);  // no temp file left
    store.remove_state(".kith/new");
    store.remove_state(".kith/new");  // gone already: no error
    CHECK_FALSE(store.exists(".kith/new"));
}

TEST_CASE("the network's own files are never written but through a Transaction: a path outside .kith/ is a bug") {
    TempNetwork net;
    const Store store(net.root.string());
    CHECK_THROWS_AS(store.write_state("contacts/new.yaml", "name: New\n"), std::logic_error);
    CHECK_THROWS_AS(store.write_state(".kith", "x"), std::logic_error);
    CHECK_THROWS_AS(store.remove_state("kith.yaml"), std::logic_error);
    CHECK_FALSE(store.exists("contacts/new.yaml"));
    CHECK(store.exists("kith.yaml"));
}

TEST_CASE("a file holds bytes only when every one of them is the same, over several pieces") {
    TempNetwork net;
    const Store store(net.root.string());
    std::string big(200000, 'a');  // longer than one piece of the comparison
    net.put(".kith-base", big);
    CHECK(store.holds(".kith-base", big));
    std::string other = big;
    other[150000] = 'b';
    CHECK_FALSE(store.holds(".kith-base", other));
    CHECK_FALSE(store.holds(".kith-base", big + "a"));
    CHECK_FALSE(store.holds(".kith-base", big.substr(1)));
    CHECK_FALSE(store.holds("contacts/nobody.yaml", ""));
    fs::create_symlink(net.root / ".kith-base", net.root / "link");
    CHECK_FALSE(store.holds("link", big));  // a link is never followed
}

TEST_CASE("an edit that fails leaves every file untouched") {
    TempNetwork net;
    net.put("contacts/a.yaml", "name: A\n");
    net.put("contacts/b.yaml", "name: B\ntier: cor\n");
    const Store store(net.root.string());
    const Config config = store.load_config();
    const auto append = [](const std::string& text) { return text + "tier: core\n"; };
    CHECK_REFUSED((store.edit_contacts({{"contacts/a.yaml", append}, {"contacts/b.yaml", append}}, config)),
        ErrorKind::invalid, "unknown tier 'cor' (tiers: core, close, loose)");
    CHECK(store.read("contacts/a.yaml") == "name: A\n");
    const auto breaks = [](const std::string& text) { return text + "name: twice\n"; };
    CHECK_REFUSED((store.edit_contacts({{"contacts/a.yaml", breaks}}, config)),
        ErrorKind::invalid, "kith's change would leave this file unreadable (duplicate");
    CHECK(store.read("contacts/a.yaml") == "name: A\n");
    store.edit_contacts({{"contacts/a.yaml", append}}, config);
    CHECK(store.read("contacts/a.yaml") == "name: A\ntier: core\n");
}

TEST_CASE("the network is found as SPEC 1 orders it") {
    TempNetwork net;
    fs::create_directories(net.root / "contacts/deeper");
    Whereabouts where;
    where.working_dir = (net.root / "contacts/deeper").string();
    where.data_home = "/nonexistent";
    CHECK(find_network(where) == net.root.string());
    where.kith_dir = "/nonexistent/kith";
    CHECK_REFUSED(find_network(where), ErrorKind::usage, "no kith network in '/nonexistent/kith' (from $KITH_DIR; no");
    where.dir_option = net.root.string();
    CHECK(find_network(where) == net.root.string());
    Whereabouts nowhere{std::nullopt, std::nullopt, "/", "/nonexistent"};
    try {
        find_network(nowhere);
        FAIL("found a network in /");
    } catch (const Error& e) {
        CHECK(std::string(e.message()).find("run 'kith init'") != std::string::npos);
    }
}

}  // namespace unit_store
