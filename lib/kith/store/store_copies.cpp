// Conflict copies in contacts/ and archive/ (conflict_copy.hpp): found by name among a folder's
// entries, never read as people, reported with how to fold them.
#include "kith/store/store_copies.hpp"

#include <algorithm>

#include "kith/model/conflict.hpp"

namespace kith {
namespace {

// Whether a copy of a shape a person's file could have names the same person as its original.
bool names_same_person(const Folder& network, const std::string& folder, std::string_view copy, const ConflictCopy& what) {
    try {
        const std::string copy_path = folder + "/" + std::string(copy), original_path = folder + "/" + what.original;
        const std::string name = name_line(network.read(copy_path), copy_path);
        return !name.empty() && name == name_line(network.read(original_path), original_path);
    } catch (const Error&) {
        return false;  // a file that does not read is reported as it is, never hidden
    }
}

}  // namespace

std::vector<std::pair<std::string, ConflictCopy>> copies_among(const Folder& network, const std::string& folder,
                                                               const std::vector<beneath::Entry>& entries) {
    std::vector<std::pair<std::string, ConflictCopy>> found;
    const auto exists_here = [&](std::string_view name) {
        const auto at = std::lower_bound(entries.begin(), entries.end(), name,
                                         [](const beneath::Entry& entry, std::string_view wanted) { return entry.name < wanted; });
        return at != entries.end() && at->name == name && !at->folder;
    };
    for (const auto& entry : entries) {
        if (entry.folder) continue;
        auto copy = conflict_copy(entry.name, exists_here);
        if (!copy || (copy->same_person_needed && !names_same_person(network, folder, entry.name, *copy))) continue;
        copy->original_there = exists_here(copy->original);
        found.emplace_back(entry.name, std::move(*copy));
    }
    return found;
}

std::optional<ConflictCopy> conflict_copy_at(const Folder& network, const std::string& path) {
    const size_t slash = path.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string folder = path.substr(0, slash);
    auto copy = conflict_copy(std::string_view(path).substr(slash + 1),
                              [&](std::string_view name) { return network.exists(folder + "/" + std::string(name)); });
    if (copy && copy->same_person_needed && !names_same_person(network, folder, path.substr(slash + 1), *copy)) return std::nullopt;
    if (copy) copy->original_there = network.exists(folder + "/" + copy->original);
    return copy;
}

}  // namespace kith
