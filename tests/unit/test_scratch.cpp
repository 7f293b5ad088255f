#include <doctest/doctest.h>

#include <filesystem>

#include "kith/store/scratch.hpp"
#include "temp_network.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_scratch {

using namespace kith;

TEST_CASE("scratch file: texts read back as appended, and no file is left in .kith/, not even while it is open") {
    TempNetwork net;
    {
        ScratchFile texts{Folder(net.dir())};
        CHECK_FALSE(std::filesystem::exists(net.root / ".kith"));  // nothing made before the first text
        const auto first = texts.append("BEGIN:VCARD\r\nUID:a\r\nEND:VCARD\r\n");
        const auto empty = texts.append("");
        const std::string large(3 << 20, 'x');
        const auto second = texts.append(large);
        CHECK(texts.read(second) == large);
        CHECK(texts.read(first) == "BEGIN:VCARD\r\nUID:a\r\nEND:VCARD\r\n");
        CHECK(texts.read(empty).empty());
        CHECK(std::filesystem::is_empty(net.root / ".kith"));
    }
    CHECK(std::filesystem::is_empty(net.root / ".kith"));
}

}  // namespace unit_scratch
