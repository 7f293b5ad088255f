#include "kith/sync/on_use_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include "kith/base/error.hpp"

namespace kith {

namespace {

// Returns the Debian package of a library's soname: libnotmuch.so.5 is in libnotmuch5.
std::string debian_package(std::string soname) {
    if (const auto so = soname.find(".so."); so != std::string::npos) soname.erase(so, 4);
    return soname;
}

}  // namespace

void* OnUseLibrary::function(const char* name) {
    std::call_once(opened_, [this] {
        handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (const char* why = handle_ ? nullptr : dlerror()) why_not_ = why;
    });
    if (!handle_)
        fail_usage(fmt::format(
            "cannot load '{}', which this command needs: install it (on Debian, the package '{}'); the loader said: {}",
            soname_, debian_package(soname_), why_not_));
    void* found = dlsym(handle_, name);
    if (!found)
        fail_usage(fmt::format("'{}' has no function '{}': install the version kith was built with", soname_, name));
    return found;
}

}  // namespace kith
