#include "referrers.hpp"

#include <algorithm>

#include "kith/model/conflict.hpp"
#include "kith/model/interaction.hpp"

namespace kith::cli {

void Referrers::add(Contact& full) {
    std::vector<std::string> slugs;
    const auto note = [&slugs](const std::string& slug) {
        if (!slug.empty() && std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
    };
    note(full.introduced_by);
    for (const auto& entry : full.log) note(entry.with);
    Contact who;
    who.slug = std::move(full.slug);
    who.path = std::move(full.path);
    who.archived = full.archived;
    who.conflict_line = full.conflict_line;
    who.name = std::move(full.name);
    who.aka = std::move(full.aka);
    people.push_back(std::move(who));
    refers.push_back(std::move(slugs));
}

bool Referrers::refers_to(size_t index, const std::string& slug) const {
    const auto& slugs = refers[index];
    return std::find(slugs.begin(), slugs.end(), slug) != slugs.end();
}

size_t Referrers::rewrite(Transaction& change, const std::string& from, const std::string& to,
                          const std::vector<std::string>& skip, const Config& config) const {
    size_t files = 0;
    for (size_t i = 0; i < people.size(); ++i) {
        const Contact& other = people[i];
        if (std::find(skip.begin(), skip.end(), other.path) != skip.end() || !refers_to(i, from)) continue;
        refuse_conflicted(other);
        change.edit(other.path, [&](const std::string& text) { return rename_references(text, from, to, other.path, config); });
        ++files;
    }
    return files;
}

}  // namespace kith::cli
