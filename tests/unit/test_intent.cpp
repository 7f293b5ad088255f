#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "kith/model/config_file.hpp"
#include "kith/base/error.hpp"
#include "kith/base/hash.hpp"
#include "kith/store/intent.hpp"
#include "kith/store/store.hpp"
#include "refused.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_intent {

using namespace kith;
namespace fs = std::filesystem;

namespace {

// A network folder with one person, archive/ and .kith/, removed afterwards.
struct Net : TempNetwork {
    Net() : TempNetwork({{"contacts/a.yaml", "name: A\n"}}) {
        folder("archive");
        folder(".kith");
    }
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

TEST_CASE("a record keeps what each target held and will hold; a damaged one reads as nothing") {
    const std::vector<intent::Step> steps{{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", "8:42", "9:7"},
                                          {"move", "contacts/b.yaml", "archive/b.yaml", intent::absent, "8:1"}};
    const auto back = intent::decode(intent::encode(steps));
    REQUIRE(back);
    CHECK(back->at(0).before == "8:42");
    CHECK(back->at(0).after == "9:7");
    CHECK(back->at(1).before == intent::absent);
    std::string text = intent::encode(steps);
    text[text.find("8:42")] = '9';
    CHECK_FALSE(intent::decode(text));
}

TEST_CASE("what a file holds: absent, or its size and hash, which a one-byte change alters") {
    Net net;
    CHECK(intent::state_of(beneath::Root(net.dir()), "contacts/none.yaml") == intent::absent);
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    CHECK(before.starts_with("8:"));
    net.put("contacts/a.yaml", "name: B\n");
    CHECK(intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml") != before);
}

TEST_CASE("finishing replaces a target that still holds what it held, and nothing else") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    CHECK(finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, ""}}).empty());
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_path));
}

TEST_CASE("finishing never overwrites a target changed since: it stays, kith's version is kept beside it") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    net.put("contacts/a.yaml", "name: A\norg: mine\n");  // the user's edit, after the crash
    const std::string said =
        finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, ""}});
    CHECK(said.starts_with("contacts/a.yaml: changed since a kith that was stopped began to write it"));
    CHECK(said.find("contacts/a.yaml.kith-unfinished") != std::string::npos);
    CHECK(net.get("contacts/a.yaml") == "name: A\norg: mine\n");
    CHECK(net.get("contacts/a.yaml.kith-unfinished") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_path));
    CHECK(Store(net.dir()).load(false).contacts.size() == 1);  // said once; the kept version is no contact
}

TEST_CASE("a target removed since is not made again: kith's version is kept beside where it was") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    fs::remove(net.root / "contacts/a.yaml");
    const std::string said = finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, ""}});
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
    const std::string said = finish_with(net, {{"new", "contacts/.n.yaml.zZ9yY8", "contacts/n.yaml", intent::absent, ""},
                                               {"move", "contacts/m.yaml", "archive/m.yaml", intent::absent, ""}});
    CHECK(said.starts_with("contacts/n.yaml: was made since"));
    CHECK(said.find("contacts/m.yaml: a kith that was stopped was moving it to archive/m.yaml") != std::string::npos);
    CHECK(net.get("contacts/n.yaml") == "name: User's N\n");
    CHECK(net.get("contacts/n.yaml.kith-unfinished") == "kept before\n");
    CHECK(net.get("contacts/n.yaml.kith-unfinished-2") == "name: Kith's N\n");
    CHECK(net.get("contacts/m.yaml") == "name: M\n");
    CHECK(net.get("archive/m.yaml") == "name: Another M\n");
}

TEST_CASE("a record of the first version, which kept no before, is never followed, and said") {
    Net net;
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    const std::string head = "kith-intent-1\nreplace\tcontacts/.a.yaml.xK3aB9\tcontacts/a.yaml\n";
    net.put(intent::record_path, head + "end\t" + std::to_string(hash_bytes(head)) + "\n");
    try {
        Store(net.dir()).load(false);
        FAIL("a record of the first version was followed");
    } catch (const Error& e) {
        CHECK(e.located().starts_with(".kith/intent: a record of intent that kith cannot read"));
    }
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
}

TEST_CASE("refusal: only kith's temp file onto the contact file it is for, or a move between contacts/ and archive/") {
    Net net;
    net.put("contacts/b.yaml", "name: B\n");
    fs::create_directories(net.root / "people");
    net.put("people/c.yaml", "name: C\n");
    fs::create_symlink("../people/c.yaml", net.root / "contacts/c.yaml");
    fs::create_symlink("../.kith/x.yaml", net.root / "contacts/hidden.yaml");
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    const std::string after = intent::state_of_bytes("name: A\ntier: core\n");
    const auto ok = [&](const intent::Step& step) { return !intent::refusal(beneath::Root(net.dir()), step); };
    CHECK(ok({"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, after}));
    CHECK(ok({"new", "archive/.n.yaml.xK3aB9", "archive/n.yaml", intent::absent, after}));
    CHECK(ok({"move", "contacts/b.yaml", "archive/b.yaml", intent::absent, after}));
    CHECK(ok({"replace", "people/.c.yaml.xK3aB9", "contacts/c.yaml", before, after}));  // through a link inside
    CHECK(ok({"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, ""}));   // version 2: no after
    for (const intent::Step& hostile : std::vector<intent::Step>{
             {"replace", "contacts/.a.yaml.xK3aB9", ".git/hooks/pre-commit", before, after},
             {"replace", "contacts/.a.yaml.xK3aB9", ".git/config", before, after},
             {"replace", "contacts/.a.yaml.xK3aB9", "kith.yaml", before, after},
             {"new", "contacts/.a.yaml.xK3aB9", "../outside.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "/tmp/outside.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "contacts/../kith.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "contacts/sub/a.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "contacts/.hidden.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "contacts/a.yml", intent::absent, after},
             {"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", "", after},            // no before: unconditional
             {"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", intent::absent, after},
             {"new", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, after},
             {"replace", "contacts/.b.yaml.xK3aB9", "contacts/a.yaml", before, after},       // another file's temp
             {"replace", "archive/.a.yaml.xK3aB9", "contacts/a.yaml", before, after},        // not beside it
             {"replace", "contacts/.a.yaml.backup", "contacts/a.yaml", before, after},       // not a name kith makes
             {"replace", "kith.yaml", "contacts/a.yaml", before, after},
             {"replace", ".git/config", "contacts/a.yaml", before, after},
             {"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, "nothing"},
             {"replace", "contacts/.hidden.yaml.xK3aB9", "contacts/hidden.yaml", before, after},  // a link into .kith/
             {"move", "kith.yaml", "archive/kith.yaml", intent::absent, after},
             {"move", "contacts/b.yaml", ".git/hooks/post-checkout", intent::absent, after},
             {"move", "contacts/b.yaml", "archive/b.yaml", before, after},
             {"delete", "contacts/b.yaml", "contacts/b.yaml", intent::absent, after}}) {
        CAPTURE(hostile.kind);
        CAPTURE(hostile.from);
        CAPTURE(hostile.to);
        CHECK(intent::refusal(beneath::Root(net.dir()), hostile));
    }
}

TEST_CASE("a record with one step kith never makes is not followed at all, and stays to be looked at") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    const std::string said = finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before, ""},
                                               {"replace", "contacts/.a.yaml.xK3aB9", ".git/config", before, ""}});
    CHECK(said.starts_with(".kith/intent: a record of intent that kith did not write ("));
    CHECK(said.find("did nothing of it") != std::string::npos);
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
    CHECK_FALSE(fs::exists(net.root / ".git"));
    CHECK(fs::exists(net.root / intent::record_path));
    CHECK_REFUSED(Store(net.dir()).load(false),
        ErrorKind::invalid, "a record of intent that kith did not write (its target");  // every time, until it is dealt with
}

TEST_CASE("a record git tracks is not followed, however well it is made: the host says so, asked only then") {
    Net net;
    int asked = 0;
    StoreHost host;
    host.tracked = [&](const std::vector<std::string>& paths) {
        ++asked;
        return paths == std::vector<std::string>{intent::record_path};
    };
    Store(net.dir(), {}, host).load(false);
    CHECK(asked == 0);  // no record: git is never asked
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\nnotes: forged\n");
    net.put(intent::record_path, intent::encode({{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before,
                                                  intent::state_of_bytes("name: A\nnotes: forged\n")}}));
    try {
        Store(net.dir(), {}, host).load(false);
        FAIL("a tracked record was followed");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid);
        CHECK(e.located().starts_with(".kith/intent: a record of intent that git tracks"));
        CHECK(e.message().find("git rm --cached .kith/intent") != std::string::npos);
    }
    CHECK(asked == 1);
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
}

TEST_CASE("a step whose staged text is gone while its file is as it was is lost, and said; never taken for done") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    const std::string said = finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before,
                                                intent::state_of_bytes("name: A\ntier: core\n")}});
    CHECK(said.starts_with("contacts/a.yaml: kith's change to this file is lost"));
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_path));
}

TEST_CASE("a step whose temp file is gone is finished from its second name in .kith/") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put(layout::in_state(std::string(layout::staged_prefix) + ".a.yaml.xK3aB9"), "name: A\ntier: core\n");
    CHECK(finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before,
                             intent::state_of_bytes("name: A\ntier: core\n")}}).empty());
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / (layout::in_state(std::string(layout::staged_prefix) + ".a.yaml.xK3aB9"))));
}

TEST_CASE("a staged copy that does not hold what the record says is never installed") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\nnotes: not what was recorded\n");
    const std::string said = finish_with(net, {{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before,
                                                intent::state_of_bytes("name: A\ntier: core\n")}});
    CHECK(said.starts_with("contacts/a.yaml: kith's change to this file is lost"));
    CHECK(net.get("contacts/a.yaml") == "name: A\n");
}

TEST_CASE("with .kith/ deleted, the record's second name at .kith-intent is finished, then removed") {
    Net net;
    const std::string before = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    net.put("contacts/.a.yaml.xK3aB9", "name: A\ntier: core\n");
    fs::remove_all(net.root / ".kith");
    net.put(intent::record_copy_path, intent::encode({{"replace", "contacts/.a.yaml.xK3aB9", "contacts/a.yaml", before,
                                                       intent::state_of_bytes("name: A\ntier: core\n")}}));
    Store(net.dir()).load(false);
    CHECK(net.get("contacts/a.yaml") == "name: A\ntier: core\n");
    CHECK_FALSE(fs::exists(net.root / intent::record_copy_path));
}

TEST_CASE("a move whose moved file a git clean took is made again from its second name") {
    Net net;
    const std::string moved = intent::state_of(beneath::Root(net.dir()), "contacts/a.yaml");
    fs::rename(net.root / "contacts/a.yaml", net.root / (layout::in_state(std::string(layout::staged_prefix) + "a.yaml")));  // archive/a.yaml: cleaned
    CHECK(finish_with(net, {{"move", "contacts/a.yaml", "archive/a.yaml", intent::absent, moved}}).empty());
    CHECK(net.get("archive/a.yaml") == "name: A\n");
}

}  // namespace unit_intent
