#include "kith/store/new_network.hpp"

#include <filesystem>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/folder.hpp"

namespace kith {
namespace {

// Adds a line to a small text file unless it is there already; returns true when it wrote.
bool ensure_line(const Folder& folder, const std::string& path, const std::string& line) {
    std::string text = folder.exists(path) ? folder.read(path) : "";
    if (("\n" + text).find("\n" + line + "\n") != std::string::npos) return false;
    if (!text.empty() && !text.ends_with('\n')) text += '\n';
    folder.write(path, text + line + "\n");
    return true;
}

}  // namespace

NewNetwork make_network(const std::string& dir, const std::function<std::string()>& settings) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::io, "cannot make folder: " + ec.message(), Location{dir, 0, 0});
    const Folder folder(dir);
    NewNetwork made;
    made.existed = folder.exists("kith.yaml");
    if (!made.existed) {
        folder.write("kith.yaml", settings());
        made.written.push_back("kith.yaml");
    }
    folder.make_folder(layout::contacts);
    if (ensure_line(folder, ".gitignore", std::string(layout::state) + "/")) made.written.push_back(".gitignore");
    const bool contacts_line = ensure_line(folder, ".gitattributes", layout::in_folder(layout::contacts, "*.yaml merge=kith"));
    if (ensure_line(folder, ".gitattributes", layout::in_folder(layout::archive, "*.yaml merge=kith")) || contacts_line)
        made.written.push_back(".gitattributes");
    return made;
}

}  // namespace kith
