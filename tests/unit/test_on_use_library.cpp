#include <doctest/doctest.h>

#include <cstring>

#include "kith/sync/on_use_library.hpp"
#include "refused.hpp"

// The file's own namespace: its helpers stay its own in a unity build.
namespace unit_on_use_library {

using kith::ErrorKind;
using kith::OnUseLibrary;

TEST_CASE("on-use library: a function of a library that is there is found, and is the library's own") {
    OnUseLibrary c("libc.so.6");
    void* found = c.function("strlen");
    REQUIRE(found != nullptr);
    CHECK(reinterpret_cast<decltype(&std::strlen)>(found)("kith") == 4);
}

TEST_CASE("on-use library: a missing library is a usage error naming it and its Debian package, each time") {
    OnUseLibrary absent("libkith-absent.so.7");
    for (int attempt = 0; attempt < 2; ++attempt)
        CHECK_REFUSED(absent.function("anything"), ErrorKind::usage,
                      "cannot load 'libkith-absent.so.7', which this command needs: install it (on Debian, the package "
                      "'libkith-absent7'); the loader said: libkith-absent.so.7: cannot open shared object file");
}

TEST_CASE("on-use library: a function the library lacks is a usage error naming both") {
    OnUseLibrary c("libc.so.6");
    CHECK_REFUSED(c.function("kith_no_such_function"), ErrorKind::usage, "'libc.so.6' has no function 'kith_no_such_function'");
}

}  // namespace unit_on_use_library
