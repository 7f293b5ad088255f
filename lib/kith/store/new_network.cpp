#include "kith/store/new_network.hpp"

#include <filesystem>

#include "kith/base/error.hpp"
#include "kith/model/layout.hpp"
#include "kith/store/folder.hpp"
#include "kith/store/transaction.hpp"

namespace kith {
namespace {

const Config no_settings;  // nothing is parsed as a contact here

// Adds a line to a small text file unless it is there already, in a change of its own (each file
// written as is goes alone); returns true when it adds it.
bool ensure_line(const Folder& folder, const std::string& path, const std::string& line) {
    Transaction change(folder, no_settings);
    std::string text = change.exists(path) ? change.read(path) : "";
    if (("\n" + text).find("\n" + line + "\n") != std::string::npos) return false;
    if (!text.empty() && !text.ends_with('\n')) text += '\n';
    change.write_as_is(path, text + line + "\n");
    change.commit();
    return true;
}

}  // namespace

NewNetwork make_network(const std::string& dir, const std::function<std::string()>& settings) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::io, "cannot make folder: " + ec.message(), Location{dir, 0, 0});
    const Folder folder(dir);
    NewNetwork made;
    {
        Transaction change(folder, no_settings);
        made.existed = change.exists("kith.yaml");
        if (!made.existed) {
            change.write_as_is("kith.yaml", settings());
            made.written.push_back("kith.yaml");
        }
        change.make_folder(layout::contacts);
        change.commit();
    }
    if (ensure_line(folder, ".gitignore", std::string(layout::state) + "/")) made.written.push_back(".gitignore");
    const bool contacts_line = ensure_line(folder, ".gitattributes", layout::in_folder(layout::contacts, "*.yaml merge=kith"));
    if (ensure_line(folder, ".gitattributes", layout::in_folder(layout::archive, "*.yaml merge=kith")) || contacts_line)
        made.written.push_back(".gitattributes");
    return made;
}

}  // namespace kith
