#include "kith/resolve.hpp"

#include <algorithm>
#include <functional>

#include "kith/error.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

using Test = std::function<bool(const std::string& folded_candidate)>;

// Calls `test` on the folded slug, name and each aka of every contact.
std::vector<const Contact*> matching(const std::vector<Contact>& contacts, const Test& test) {
    std::vector<const Contact*> found;
    for (const auto& contact : contacts) {
        bool hit = test(fold(contact.slug)) || test(fold(contact.name));
        for (const auto& other : contact.aka) hit = hit || test(fold(other));
        if (hit) found.push_back(&contact);
    }
    return found;
}

bool word_starts_with(const std::string& folded, const std::string& prefix) {
    for (size_t at = 0; at < folded.size();) {
        if (folded.compare(at, prefix.size(), prefix) == 0) return true;
        const size_t space = folded.find_first_of(" -", at);
        if (space == std::string::npos) break;
        at = space + 1;
    }
    return false;
}

[[noreturn]] void fail_ambiguous(std::string_view name, const std::vector<const Contact*>& found) {
    std::string list;
    for (size_t i = 0; i < found.size() && i < 10; ++i)
        list += (i ? ", " : "") + found[i]->slug + " (" + found[i]->name + ")";
    if (found.size() > 10) list += ", and " + std::to_string(found.size() - 10) + " more";
    fail_usage("'" + std::string(name) + "' could be " + list + "; say which");
}

}  // namespace

std::vector<std::string> suggest_names(const std::vector<Contact>& contacts, std::string_view name) {
    const std::string wanted = fold(name);
    std::vector<std::pair<size_t, std::string>> scored;
    for (const auto& contact : contacts) {
        // Compare with the whole slug and name, each word of the name, and the slug's start.
        const std::string slug = fold(contact.slug), full_name = fold(contact.name);
        size_t distance = std::min(edit_distance(wanted, slug), edit_distance(wanted, full_name));
        distance = std::min(distance, edit_distance(wanted, slug.substr(0, wanted.size())));
        for (size_t at = 0; at <= full_name.size();) {
            const size_t space = std::min(full_name.find(' ', at), full_name.size());
            distance = std::min(distance, edit_distance(wanted, full_name.substr(at, space - at)));
            at = space + 1;
        }
        if (distance <= std::max<size_t>(1, wanted.size() / 3)) scored.emplace_back(distance, contact.slug);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
    return out;
}

const Contact& resolve(const std::vector<Contact>& contacts, std::string_view name) {
    for (const auto& contact : contacts)
        if (contact.slug == name) return contact;
    const std::string wanted = fold(name);
    if (wanted.empty()) fail_usage("a NAME cannot be empty");
    const std::vector<Test> tests = {
        [&](const std::string& c) { return c == wanted; },
        [&](const std::string& c) { return c.starts_with(wanted); },
        [&](const std::string& c) { return word_starts_with(c, wanted); },
    };
    for (const auto& test : tests) {
        const auto found = matching(contacts, test);
        if (found.size() == 1) return *found[0];
        if (found.size() > 1) fail_ambiguous(name, found);
    }
    const auto close = suggest_names(contacts, name);
    std::string hint;
    for (size_t i = 0; i < close.size(); ++i) hint += (i ? "', '" : "") + close[i];
    fail_usage("no one called '" + std::string(name) + "'" + (hint.empty() ? "" : "; did you mean '" + hint + "'?") +
               (hint.empty() ? " (see 'kith list')" : ""));
}

}  // namespace kith
