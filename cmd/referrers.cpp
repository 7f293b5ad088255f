#include "referrers.hpp"

#include <algorithm>

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

}  // namespace kith::cli
