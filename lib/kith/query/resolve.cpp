#include "kith/query/resolve.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "kith/base/error.hpp"
#include "kith/base/text.hpp"

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

// The words of a folded text, each run of ASCII punctuation and blanks one space, with a space
// at either end: " mei chen ". Letters beyond ASCII (UTF-8 bytes) are letters.
std::string spaced_words(const std::string& folded) {
    std::string out = " ";
    for (const char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        const bool letter = byte >= 0x80 || std::isalnum(byte);
        if (letter) out += c;
        else if (out.back() != ' ') out += ' ';
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

std::string described(const Contact& c) {
    std::string out = c.slug + " (" + c.name;
    if (!c.org.empty()) out += ", " + c.org;
    if (!c.tier.empty()) out += ", " + c.tier;
    return out + ")";
}

}  // namespace

std::vector<std::string> suggest_names(const std::vector<Contact>& contacts, std::string_view name) {
    // Each person is spelled as their slug, the slug's start, their name, each word of it,
    // and their akas; text.hpp's suggester ranks them all.
    const std::string wanted = fold(name);
    std::vector<SpellingForm> forms;
    for (size_t k = 0; k < contacts.size(); ++k) {
        const std::string slug = fold(contacts[k].slug), full_name = fold(contacts[k].name);
        forms.push_back({slug, k});
        forms.push_back({full_name, k});
        if (slug.size() > wanted.size()) forms.push_back({slug.substr(0, wanted.size()), k});
        for (size_t at = 0; at < full_name.size();) {
            const size_t space = std::min(full_name.find(' ', at), full_name.size());
            forms.push_back({full_name.substr(at, space - at), k});
            at = space + 1;
        }
        for (const auto& other : contacts[k].aka) forms.push_back({fold(other), k});
    }
    std::vector<std::string> out;
    for (const size_t k : suggest_spelling(wanted, forms, 3)) out.push_back(contacts[k].slug);
    return out;
}

std::vector<const Contact*> candidates(const std::vector<Contact>& contacts, std::string_view name) {
    for (const auto& contact : contacts)
        if (contact.slug == name) return {&contact};
    const std::string wanted = fold(name);
    if (wanted.empty()) fail_usage("a NAME cannot be empty");
    const std::string words = spaced_words(wanted);
    const auto slug_or_name = [&](const Contact& c) { return fold(c.slug) == wanted || fold(c.name) == wanted; };
    std::vector<const Contact*> found;
    for (const auto& contact : contacts)
        if (slug_or_name(contact)) found.push_back(&contact);
    if (!found.empty()) return found;
    for (const auto& contact : contacts)
        for (const auto& other : contact.aka)
            if (fold(other) == wanted) {
                found.push_back(&contact);
                break;
            }
    if (!found.empty()) return found;
    // A whole word wins over a prefix: "mei" is Mei Chen even when Meister Berger exists.
    const std::vector<Test> tests = {
        [&](const std::string& c) { return words.size() > 2 && spaced_words(c).find(words) != std::string::npos; },
        [&](const std::string& c) { return c.starts_with(wanted); },
        [&](const std::string& c) { return word_starts_with(c, wanted); },
    };
    for (const auto& test : tests)
        if (found = matching(contacts, test); !found.empty()) return found;
    return found;
}

void fail_ambiguous(std::string_view name, const std::vector<Contact>& shown, size_t total) {
    std::string list;
    for (size_t i = 0; i < shown.size() && i < most_candidates_shown; ++i) list += (i ? ", " : "") + described(shown[i]);
    const size_t listed = std::min(shown.size(), most_candidates_shown);
    if (total > listed) list += ", and " + std::to_string(total - listed) + " more";
    fail_usage("'" + std::string(name) + "' could be " + list + "; say which");
}

const Contact& resolve(const std::vector<Contact>& contacts, std::string_view name) {
    const auto found = candidates(contacts, name);
    if (found.size() == 1) return *found[0];
    if (found.size() > 1) {
        std::vector<Contact> shown;
        for (size_t i = 0; i < found.size() && i < most_candidates_shown; ++i) shown.push_back(*found[i]);
        fail_ambiguous(name, shown, found.size());
    }
    const auto close = suggest_names(contacts, name);
    fail_usage("no one called '" + std::string(name) + "'" + did_you_mean(close) + (close.empty() ? " (see 'kith list')" : ""));
}

}  // namespace kith
