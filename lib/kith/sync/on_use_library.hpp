#pragma once
// A system library opened when one of its functions is first called, not when kith starts.
// libnotmuch and libical bring glib, GMime, Xapian and ICU with them: linked as usual, loading
// them took about 35 ms of every kith run's 47, for the two commands of thirty that use them.
#include <mutex>
#include <string>

namespace kith {

// A shared library found by its soname (as the dynamic linker finds it) on first use.
class OnUseLibrary {
public:
    // Names the library by its soname ("libnotmuch.so.5").
    explicit OnUseLibrary(std::string soname) : soname_(std::move(soname)) {}
    // Returns the address of the function `name`, opening the library the first time. Throws a
    // usage Error naming the library and the Debian package that installs it when either is
    // missing, and what the dynamic linker said (a library of its own that is missing, say).
    void* function(const char* name);

private:
    std::string soname_;
    std::once_flag opened_;
    void* handle_ = nullptr;
    std::string why_not_;  // dlerror() when it could not be opened
};

}  // namespace kith

// Defines the C function `name` of a library, `result name params`, to call the library's own
// function of that name (found once, through `library`, an OnUseLibrary) with `args`. Declared
// by the library's header, the definition must match its signature.
#define KITH_FORWARD_ON_USE(library, result, name, params, args)                                  \
    extern "C" result name params {                                                               \
        static const auto real = reinterpret_cast<decltype(&name)>((library).function(#name));   \
        return real args;                                                                          \
    }
