#include "kith/model/layout.hpp"

namespace kith::layout {

std::string in_folder(std::string_view folder, std::string_view name) {
    return std::string(folder).append("/").append(name);
}

std::string person_path(std::string_view slug, bool archived) {
    return in_folder(archived ? archive : contacts, std::string(slug) + ".yaml");
}

bool in_people_folder(std::string_view path) {
    const size_t slash = path.find('/');
    if (slash == std::string_view::npos || path.find('/', slash + 1) != std::string_view::npos) return false;
    const std::string_view folder = path.substr(0, slash);
    return folder == contacts || folder == archive;
}

std::string in_state(std::string_view name) { return in_folder(state, name); }

bool in_archive(std::string_view path) {
    const std::string_view folder = archive;
    return path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/';
}

}  // namespace kith::layout
