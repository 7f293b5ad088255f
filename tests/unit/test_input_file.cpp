#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "kith/store/edit_copy.hpp"
#include "kith/store/input_file.hpp"
#include "kith/store/new_network.hpp"
#include "refused.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_input_file {

using namespace kith;

TEST_CASE("read_input_file reads a regular file, stops past the cap, and never blocks on a pipe") {
    TempNetwork net({{"in/a.txt", "hello\nworld\n"}});
    const std::string file = net.dir() + "/in/a.txt";
    const InputFile whole = read_input_file(file, 1024);
    CHECK(whole.kind == InputKind::file);
    CHECK(whole.bytes == "hello\nworld\n");
    CHECK(read_input_file(file, 4).kind == InputKind::too_large);
    const std::string fifo = net.dir() + "/in/pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(read_input_file(fifo, 1024).kind == InputKind::not_a_file);
    CHECK(read_input_file(net.dir() + "/in", 1024).kind == InputKind::not_a_file);
    CHECK_REFUSED(read_input_file(net.dir() + "/in/missing", 1024), ErrorKind::io, "cannot read");
    CHECK_REFUSED(open_input_stream(net.dir() + "/in/missing"), ErrorKind::io, "cannot open");
    remove_outside_file(file);
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("make_network adds only what is missing, and says what it wrote") {
    TempNetwork net;
    const std::string dir = net.dir() + "/deep/er/network";
    int asked = 0;
    const NewNetwork made = make_network(dir, [&] { return ++asked, std::string("tiers: {}\n"); });
    CHECK_FALSE(made.existed);
    CHECK(made.written == std::vector<std::string>{"kith.yaml", ".gitignore", ".gitattributes"});
    CHECK(std::filesystem::is_directory(dir + "/contacts"));
    const NewNetwork again = make_network(dir, [&] { return ++asked, std::string(); });
    CHECK(again.existed);
    CHECK(again.written.empty());
    CHECK(asked == 1);  // the settings' text is asked for only when kith.yaml is missing
}

TEST_CASE("an edit copy lives in .kith/ with the file it was made from, and is dropped whole") {
    TempNetwork net;
    const Folder folder(net.dir());
    const EditCopy copy(folder, "contacts/ada.yaml");
    CHECK(copy.path() == ".kith/edit-ada.yaml");
    CHECK_FALSE(copy.exists());
    copy.start("name: Ada\n");
    CHECK(copy.read() == "name: Ada\n");
    CHECK(copy.read_from() == "name: Ada\n");
    copy.keep("name: Ada L\n", "name: Ada K\n");
    CHECK(copy.read_from() == "name: Ada L\n");
    CHECK(copy.read() == "name: Ada K\n");
    copy.drop();
    CHECK_FALSE(copy.exists());
    CHECK_FALSE(copy.knows_from());
}

}  // namespace unit_input_file
