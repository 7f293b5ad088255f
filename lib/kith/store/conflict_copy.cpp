#include "kith/store/conflict_copy.hpp"

#include <algorithm>

namespace kith {
namespace {

bool digits(std::string_view text, size_t count) {
    return text.size() == count && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_digits(std::string_view text) { return !text.empty() && digits(text, text.size()); }

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// What slugs are made of: lower-case ASCII letters, digits, '-' and UTF-8 beyond ASCII.
bool slug_like(std::string_view stem) {
    return std::all_of(stem.begin(), stem.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || static_cast<unsigned char>(c) >= 0x80;
    });
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return upper(c) ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

// "NAME (...)" or "NAME [...]" at the end: NAME and what the group says, when it is one.
std::optional<std::pair<std::string_view, std::string_view>> trailing_group(std::string_view stem) {
    if (stem.empty() || (stem.back() != ')' && stem.back() != ']')) return std::nullopt;
    const size_t open = stem.rfind(stem.back() == ')' ? '(' : '[');
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    return std::make_pair(stem.substr(0, open), stem.substr(open + 1, stem.size() - open - 2));
}

// A Windows computer name as OneDrive appends it: 1-15 letters, digits or '-', a capital among them.
bool computer_name(std::string_view host) {
    return !host.empty() && host.size() <= 15 && host.front() != '-' && host.back() != '-' &&
           std::any_of(host.begin(), host.end(), upper) && std::all_of(host.begin(), host.end(), [](char c) {
               return upper(c) || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
           });
}

// The shapes a hand-made file could have too: copies only when the original is beside them.
std::optional<ConflictCopy> beside_original(std::string_view stem, const std::function<bool(std::string_view)>& exists) {
    const auto original = [&](std::string_view name) { return std::string(name) + ".yaml"; };
    const auto found = [&](std::string_view name) { return !name.empty() && exists(original(name)); };
    // "NAME 2" (iCloud, Finder)
    if (const size_t blank = stem.rfind(' '); blank != std::string_view::npos && all_digits(stem.substr(blank + 1)) &&
                                              found(stem.substr(0, blank)))
        return ConflictCopy{original(stem.substr(0, blank)), "iCloud or Finder", false, true};
    // "NAME (1)" (Google Drive, OneDrive), "NAME_conf(1)" (Google Drive)
    if (const auto group = trailing_group(stem); group && all_digits(group->second)) {
        std::string_view name = group->first;
        if (name.ends_with(' ')) name.remove_suffix(1);
        else if (name.ends_with("_conf")) name.remove_suffix(5);
        if (found(name)) return ConflictCopy{original(name), "Google Drive or OneDrive", false, true};
    }
    // "NAME_LOCAL_1234" (git mergetool's BASE, LOCAL, REMOTE and BACKUP)
    for (const std::string_view side : {"_BASE_", "_LOCAL_", "_REMOTE_", "_BACKUP_"})
        if (const size_t at = stem.rfind(side); at != std::string_view::npos && all_digits(stem.substr(at + side.size())) &&
                                                found(stem.substr(0, at)))
            return ConflictCopy{original(stem.substr(0, at)), "git mergetool", false, true};
    // "NAME-HOST" (OneDrive): the shortest HOST that leaves a file's name
    for (size_t dash = stem.rfind('-'); dash != std::string_view::npos && dash > 0; dash = stem.rfind('-', dash - 1)) {
        if (stem.size() - dash - 1 > 15) break;
        if (computer_name(stem.substr(dash + 1)) && found(stem.substr(0, dash)))
            return ConflictCopy{original(stem.substr(0, dash)), "OneDrive", true, true};
    }
    // "NAME.orig" (a merge tool's backup)
    if (stem.ends_with(".orig") && found(stem.substr(0, stem.size() - 5)))
        return ConflictCopy{original(stem.substr(0, stem.size() - 5)), "a merge tool or patch", false, true};
    return std::nullopt;
}

}  // namespace

std::optional<ConflictCopy> conflict_copy(std::string_view name, const std::function<bool(std::string_view)>& exists) {
    if (name.starts_with('.')) return std::nullopt;
    for (const std::string_view suffix : {".yaml.orig", ".yaml.rej"})
        if (name.ends_with(suffix) && name.size() > suffix.size()) {
            const std::string_view stem = name.substr(0, name.size() - suffix.size());
            const bool reject = suffix == ".yaml.rej";
            return ConflictCopy{std::string(stem) + ".yaml", reject ? "patch (its rejected hunks)" : "a merge tool or patch",
                                false, !reject};
        }
    if (!name.ends_with(".yaml") || name.size() == 5) return std::nullopt;
    const std::string_view stem = name.substr(0, name.size() - 5);
    if (slug_like(stem)) return std::nullopt;
    if (const size_t at = stem.find(".sync-conflict-"); at != std::string_view::npos && at > 0)
        return ConflictCopy{std::string(stem.substr(0, at)) + ".yaml", "Syncthing", false, true};
    if (const auto group = trailing_group(stem); group && group->first.ends_with(' ')) {
        const std::string says = lower(group->second);
        if (says.find("conflict") != std::string::npos || says.find("case clash") != std::string::npos)
            return ConflictCopy{std::string(group->first.substr(0, group->first.size() - 1)) + ".yaml",
                                "a sync program (Dropbox, Nextcloud, ownCloud, OneDrive, Box or Seafile)", false, true};
    }
    if (const size_t at = stem.rfind("_conflict-"); at != std::string_view::npos && at > 0) {
        const std::string_view when = stem.substr(at + 10);
        if (when.size() == 15 && digits(when.substr(0, 8), 8) && when[8] == '-' && digits(when.substr(9), 6))
            return ConflictCopy{std::string(stem.substr(0, at)) + ".yaml", "ownCloud", false, true};
    }
    return beside_original(stem, exists);
}

Error conflict_copy_error(const std::string& path, const std::string& original, const ConflictCopy& copy) {
    const bool original_there = copy.original_there;
    std::string what = copy.foldable ? "a conflict copy of " + original + " made by " + copy.made_by
                                     : "the rejected hunks of a patch to " + original;
    if (!original_there) what += " (which is not there)";
    std::string fix;
    if (!copy.foldable) fix = "apply them by hand, then delete it";
    else if (original_there) fix = "fold it into that file with 'kith fold " + path + "'";
    else fix = "rename it to " + original + " to keep it, or delete it";
    return Error(ErrorKind::invalid, what + "; it is not read as a person: " + fix, Location{path, 0, 0});
}

}  // namespace kith
