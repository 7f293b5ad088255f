#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kith/store/beneath_temp.hpp"
#include "kith/model/config_file.hpp"
#include "kith/base/error.hpp"
#include "kith/store/intent.hpp"
#include "kith/store/store.hpp"
#include "kith/store/transaction.hpp"
#include "refused.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_transaction {

using namespace kith;
namespace fs = std::filesystem;

namespace {

// A network folder with two people, removed afterwards.
struct TwoPeople : TempNetwork {
    TwoPeople() : TempNetwork({{"contacts/a.yaml", "name: A\n"}, {"contacts/b.yaml", "name: B\n"}}) {}
    // Counts the temp files (dot files) left in the folder.
    size_t temps() const {
        size_t n = 0;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.path().filename().string().starts_with(".") && entry.path().filename() != ".kith") ++n;
        return n;
    }
};

const auto add_tier = [](const std::string& text) { return text + "tier: core\n"; };

}  // namespace

TEST_CASE("a transaction creates, edits and moves together and returns the paths it changed") {
    TwoPeople net;
    const Store store(net.root.string());
    const Config config = store.load_config();
    Transaction change(store, config);
    change.create("contacts/c.yaml", "name: C\n");
    change.edit("contacts/a.yaml", add_tier);
    change.edit("contacts/a.yaml", [](const std::string& text) { return text + "org: X\n"; });  // sees the first edit
    change.move("contacts/b.yaml", "archive/b.yaml");
    const auto changed = change.commit();
    CHECK(changed == std::vector<std::string>{"contacts/c.yaml", "contacts/a.yaml", "contacts/b.yaml", "archive/b.yaml"});
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\norg: X\n");
    CHECK(net.get("archive/b.yaml") == "name: B\n");
    CHECK_FALSE(fs::exists(net.root / "contacts/b.yaml"));
    CHECK_FALSE(fs::exists(net.root / ".kith/intent"));
    CHECK(net.temps() == 0);
}

TEST_CASE("a commit tells the store's host what each file held before and holds after; a move names its source") {
    TwoPeople net;
    std::vector<FileChange> told;
    StoreHost host;
    host.committed = [&](const std::vector<FileChange>& changes) { told.insert(told.end(), changes.begin(), changes.end()); };
    const Store store(net.root.string(), {}, host);
    const Config config = store.load_config();
    Transaction change(store, config);
    change.create("contacts/c.yaml", "name: C\n");
    change.edit("contacts/a.yaml", add_tier);
    change.edit("contacts/a.yaml", [](const std::string& text) { return text + "org: X\n"; });
    change.move("contacts/b.yaml", "archive/b.yaml");
    CHECK(told.empty());  // only once it is made
    change.commit();
    const std::string a_before = intent::state_of_bytes("name: A\n"), b = intent::state_of_bytes("name: B\n");
    REQUIRE(told.size() == 4);
    CHECK((told[0].path == "contacts/c.yaml" && told[0].before == intent::absent &&
           told[0].after == intent::state_of_bytes("name: C\n")));
    CHECK((told[1].path == "contacts/a.yaml" && told[1].before == a_before &&
           told[1].after == intent::state_of_bytes("name: A\ntier: core\norg: X\n")));
    CHECK((told[2].path == "contacts/b.yaml" && told[2].before == b && told[2].after == intent::absent));
    CHECK((told[3].path == "archive/b.yaml" && told[3].before == intent::absent && told[3].after == b &&
           told[3].from == "contacts/b.yaml"));
}

TEST_CASE("create never writes a file kith could not read back, nor replaces one") {
    TwoPeople net;
    const Store store(net.root.string());
    const Config config = store.load_config();
    Transaction change(store, config);
    CHECK_REFUSED(change.create("contacts/a.yaml", "name: A2\n"),
        ErrorKind::usage, "'contacts/a.yaml' exists already; kith will not replace it");
    CHECK_REFUSED(change.create("contacts/q.yaml", "name: Who\naka: [Who?]\nname: twice\n"),
        ErrorKind::invalid, "kith's new file would leave this file unreadable (a value");
    CHECK_REFUSED(change.move("contacts/a.yaml", "contacts/b.yaml"),
        ErrorKind::usage, "'contacts/b.yaml' exists already; kith will not replace it");
    CHECK(change.commit().empty());
    CHECK_FALSE(fs::exists(net.root / "contacts/q.yaml"));
}

TEST_CASE("a text over the 1 MiB read cap is refused before any file is written") {
    TwoPeople net;
    const Store store(net.root.string());
    const auto huge = [](const std::string& text) { return text + "notes: " + std::string(max_file_bytes, 'x') + "\n"; };
    CHECK_REFUSED((store.edit_contacts({{"contacts/a.yaml", add_tier}, {"contacts/b.yaml", huge}}, store.load_config())),
        ErrorKind::invalid, "the change would make it larger than 1 MiB, the most kith");
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
    CHECK(net.get("contacts/b.yaml") == "name: B\n");
    CHECK_REFUSED(store.write_state(".kith/b", std::string(max_file_bytes + 1, 'x')),
        ErrorKind::invalid, "the change would make it larger than 1 MiB, the most kith");
    {
        const Config config = store.load_config();
        Transaction change(store, config);
        CHECK_REFUSED(change.write_as_is("contacts/b.yaml", std::string(max_file_bytes + 1, 'x')),
            ErrorKind::invalid, "the change would make it larger than 1 MiB, the most kith");
    }
    CHECK(net.temps() == 0);
}

TEST_CASE("write_as_is writes what is not read as a contact, alone in its change; make_folder makes a folder at the commit") {
    TwoPeople net;
    const Store store(net.root.string());
    const Config config = store.load_config();
    const std::string marked = "name: A\n<<<<<<< ours\ntier: core\n=======\ntier: close\n>>>>>>> theirs\n";
    {
        Transaction change(store, config);
        change.write_as_is("contacts/a.yaml", marked);  // would not parse: replace() refuses it
        change.make_folder("archive/old");
        CHECK_FALSE(fs::exists(net.root / "archive"));  // nothing before the commit
        CHECK(change.commit() == std::vector<std::string>{"contacts/a.yaml"});
    }
    CHECK(net.get("contacts/a.yaml") == marked);
    CHECK((fs::status(net.root / "archive/old").permissions() & fs::perms::all) == fs::perms::owner_all);
    {
        Transaction change(store, config);
        change.write_as_is(".gitattributes", "contacts/*.yaml merge=kith\n");  // new
        change.commit();
    }
    CHECK(net.get(".gitattributes") == "contacts/*.yaml merge=kith\n");
    {
        Transaction change(store, config);
        change.write_as_is("kith.yaml", "tiers: {}\n");
        change.edit("contacts/b.yaml", add_tier);
        CHECK_THROWS_AS(change.commit(), std::logic_error);  // a record of intent would name kith.yaml
    }
    CHECK(net.get("contacts/b.yaml") == "name: B\n");
    CHECK(net.get("kith.yaml") != "tiers: {}\n");
    CHECK(net.temps() == 1);  // .gitattributes, which is no temp file
    {
        Transaction change(store, config);
        change.dry_run();
        change.make_folder("elsewhere");
    }
    CHECK_FALSE(fs::exists(net.root / "elsewhere"));
}


#ifdef KITH_TEST_HOOKS
TEST_CASE("a failure between two renames is finished by the next load: both files, never one") {
    TwoPeople net;
    const Store failing(net.root.string(), TestHooks{"", "", "apply-2", "", ""});
    CHECK_REFUSED((failing.edit_contacts({{"contacts/a.yaml", add_tier}, {"contacts/b.yaml", add_tier}},
                                          failing.load_config())), ErrorKind::io, "injected failure at step 'apply-2': No space left on");
    CHECK(fs::exists(net.root / ".kith/intent"));
    const Network network = Store(net.root.string()).load(false);
    CHECK(network.contacts.at(0).tier == "core");
    CHECK(network.contacts.at(1).tier == "core");
    CHECK_FALSE(fs::exists(net.root / ".kith/intent"));
    CHECK(net.temps() == 0);
}

TEST_CASE("a failure between two renames leaves the record and each staged text a second name; from them, both files") {
    TwoPeople net;
    const Store failing(net.root.string(), TestHooks{"", "", "apply-2", "", ""});
    CHECK_REFUSED((failing.edit_contacts({{"contacts/a.yaml", add_tier}, {"contacts/b.yaml", add_tier}},
                                          failing.load_config())), ErrorKind::io, "injected failure at step 'apply-2': No space left on");
    CHECK(fs::exists(net.root / intent::record_copy_path));
    CHECK(fs::hard_link_count(net.root / intent::record_path) == 2);
    for (const auto& entry : fs::directory_iterator(net.root / "contacts"))  // as git clean -fd does
        if (entry.path().filename().string().starts_with(".")) fs::remove(entry.path());
    fs::remove(net.root / intent::record_copy_path);
    const Network network = Store(net.root.string()).load(false);
    CHECK(network.contacts.at(0).tier == "core");
    CHECK(network.contacts.at(1).tier == "core");
    CHECK(net.temps() == 0);
    for (const auto& entry : fs::directory_iterator(net.root / ".kith"))
        CHECK_FALSE(entry.path().filename().string().starts_with("staged-"));
}

TEST_CASE("a failure before the record is written leaves every file as it was and no temp file") {
    for (const char* step : {"temp-2", "prepared"}) {
        TwoPeople net;
        const Store failing(net.root.string(), TestHooks{"", "", step, "", ""});
        CHECK_REFUSED((failing.edit_contacts({{"contacts/a.yaml", add_tier}, {"contacts/b.yaml", add_tier}},
                                              failing.load_config())), ErrorKind::io, "injected failure at step '");
        CHECK(net.get("contacts/a.yaml") == "name: A\n");
        CHECK(net.temps() == 0);
    }
}

namespace {
// A store whose transactions hold no text in memory: each goes to its temp file when staged.
TestHooks writing_early(std::string fail_at = "") { return TestHooks{"", "", std::move(fail_at), "", "0"}; }
}  // namespace

TEST_CASE("texts beyond the budget go to their temp files when staged; the commit is the same") {
    TwoPeople net;
    const Store store(net.root.string(), writing_early());
    const Config config = store.load_config();
    Transaction change(store, config);
    change.create("contacts/c.yaml", "name: C\n");
    change.edit("contacts/a.yaml", add_tier);
    CHECK(net.temps() == 2);  // written already, beside their targets
    change.edit("contacts/a.yaml", [](const std::string& text) { return text + "org: X\n"; });  // reads the first back
    CHECK(net.temps() == 2);  // the first text's temp file gave way to the second's
    CHECK(change.read("contacts/a.yaml") == "name: A\ntier: core\norg: X\n");
    change.move("contacts/b.yaml", "archive/b.yaml");
    change.create("archive/d.yaml", "name: D\n");  // no archive/ yet: held, for the commit makes folders
    CHECK(net.temps() == 2);
    const auto changed = change.commit();
    CHECK(changed == std::vector<std::string>{"contacts/c.yaml", "contacts/a.yaml", "contacts/b.yaml", "archive/b.yaml",
                                              "archive/d.yaml"});
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\norg: X\n");
    CHECK(net.get("contacts/c.yaml") == "name: C\n");
    CHECK(net.get("archive/d.yaml") == "name: D\n");
    CHECK(net.temps() == 0);
}

TEST_CASE("a transaction given up before its commit removes the temp files it wrote early") {
    TwoPeople net;
    const Store store(net.root.string(), writing_early());
    const Config config = store.load_config();
    {
        Transaction change(store, config);
        change.create("contacts/c.yaml", "name: C\n");
        change.edit("contacts/a.yaml", add_tier);
        CHECK(net.temps() == 2);
    }
    CHECK(net.temps() == 0);
    CHECK_FALSE(fs::exists(net.root / "contacts/c.yaml"));
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
}

TEST_CASE("with texts written early, a failure at any step leaves every file or none, and no temp file") {
    for (const char* step : {"early-1", "early-2", "temp-1", "temp-2", "prepared", "intent", "apply-1", "apply-2"}) {
        TwoPeople net;
        CAPTURE(step);
        const Store failing(net.root.string(), writing_early(step));
        CHECK_REFUSED((failing.edit_contacts({{"contacts/a.yaml", add_tier}, {"contacts/b.yaml", add_tier}},
                                              failing.load_config())), ErrorKind::io, "injected failure at step '");
        const Network network = Store(net.root.string()).load(false);  // finishes a change half-done
        CHECK(network.contacts.at(0).tier == network.contacts.at(1).tier);
        CHECK(net.temps() == 0);
        CHECK_FALSE(fs::exists(net.root / ".kith/intent"));
    }
}
#endif

TEST_CASE("a damaged record of intent is none of kith's (it writes its record whole): refused, nothing renamed") {
    TwoPeople net;
    fs::create_directories(net.root / ".kith");
    net.put("contacts/.a.yaml.AbC123", "name: A\ntier: core\n");
    net.put(".kith/intent", "kith-intent-1\nreplace\tcontacts/.a.yaml.AbC123\tcontacts/a.yaml\nend\t12");
    const Store store(net.root.string());
    try {
        store.load(false);
        FAIL("a damaged record was taken");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid);
        CHECK(e.located().starts_with(".kith/intent: a record of intent that kith cannot read"));
    }
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
    CHECK(fs::exists(net.root / ".kith/intent"));
}

TEST_CASE("the lock is the folder itself: deleting .kith does not release it") {
    TwoPeople net;
    const WriteLock lock(beneath::Root(net.root.string()));
    fs::remove_all(net.root / ".kith");
    const int other = ::open(net.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    REQUIRE(other >= 0);
    CHECK(::flock(other, LOCK_EX | LOCK_NB) != 0);  // another writer would wait
    ::close(other);
    CHECK_FALSE(fs::exists(net.root / ".kith/lock"));
}

TEST_CASE("every temp name write_temp makes is one cleanup removes; a user's look-alike never is") {
    TwoPeople net;
    const beneath::Place at = beneath::place(beneath::Root(net.root.string()), "contacts/a.yaml", true, false);
    for (int i = 0; i < 300; ++i) {
        const std::string temp = beneath::write_temp(at, "x", false);
        CHECK(beneath::is_temp_name("contacts", temp));
        fs::remove(net.root / "contacts" / temp);
    }
    CHECK(beneath::is_temp_name(".kith", ".index.aB3xYz"));
    for (const char* mine : {".notes.backup", ".a.yaml.backup", ".a.yaml.BACKUP", ".a.yaml.123456", ".bashrc.Ab12Cd",
                             "..yaml.Ab12Cd", "a.yaml.Ab12Cd", ".a.yaml.Ab-2Cd", ".a.yaml.Ab12Cde"})
        CHECK_MESSAGE(!beneath::is_temp_name("contacts", mine), mine);
}

TEST_CASE("a removal is part of the change: after the edits, all or nothing, finished by the next kith") {
    TwoPeople net;
    {
        const Store store(net.root.string());
        const Config config = store.load_config();
        Transaction change(store, config);
        change.edit("contacts/a.yaml", add_tier);
        change.remove("contacts/b.yaml");
        CHECK_THROWS_AS(change.edit("contacts/b.yaml", add_tier), std::logic_error);
        CHECK(change.commit() == std::vector<std::string>{"contacts/a.yaml", "contacts/b.yaml"});
    }
    CHECK_FALSE(fs::exists(net.root / "contacts/b.yaml"));
    net.put("contacts/b.yaml", "name: B\n");
    const Store failing(net.root.string(), TestHooks{"", "", "apply-2", "", ""});
    {
        const Config config = failing.load_config();
        Transaction change(failing, config);
        change.edit("contacts/a.yaml", [](const std::string& text) { return text + "org: X\n"; });
        change.remove("contacts/b.yaml");
        CHECK_REFUSED(change.commit(), ErrorKind::io, "injected failure at step 'apply-2': No space left on");
    }
    CHECK(fs::exists(net.root / "contacts/b.yaml"));  // half-done: the next kith finishes it
    const Network network = Store(net.root.string()).load(false);
    CHECK(network.contacts.size() == 1);
    CHECK(network.contacts.at(0).org == "X");
    CHECK_FALSE(fs::exists(net.root / "contacts/b.yaml"));
    CHECK(intent::refusal(beneath::Root(net.root.string()), {"remove", "contacts/a.yaml", "contacts/b.yaml", "1:2", "-"}).has_value());
    CHECK(intent::refusal(beneath::Root(net.root.string()), {"remove", ".git/config", ".git/config", "1:2", "-"}).has_value());
    CHECK_FALSE(intent::refusal(beneath::Root(net.root.string()), {"remove", "contacts/a.yaml", "contacts/a.yaml", "1:2", "-"}).has_value());
}

}  // namespace unit_transaction
