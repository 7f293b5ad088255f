#include "kith/email_lookup.hpp"

#include "kith/text.hpp"

namespace kith {
namespace {

// A field of the answer: one line, no tabs, no control characters.
std::string cell(const std::string& text) {
    std::string out;
    for (char c : text) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    return out;
}

bool matches(const Contact& c, const std::string& needle) {
    const auto hit = [&](const std::string& value) { return !value.empty() && fold(value).find(needle) != std::string::npos; };
    if (hit(c.name) || hit(c.org)) return true;
    for (const auto& a : c.aka)
        if (hit(a)) return true;
    for (const auto& e : c.email)
        if (hit(e)) return true;
    return false;
}

}  // namespace

std::vector<EmailMatch> find_emails(const std::vector<Contact>& contacts, const std::string& query) {
    const std::string needle = fold(query);
    std::vector<EmailMatch> found;
    for (const auto& c : contacts) {
        if (!matches(c, needle)) continue;
        for (const auto& e : c.email) found.push_back({e, c.name, c.org});
    }
    return found;
}

std::string render_email_query(const std::vector<EmailMatch>& matches, const std::string& query) {
    std::string out = "kith: " + std::to_string(matches.size()) + (matches.size() == 1 ? " address" : " addresses") +
                      " for '" + cell(query) + "'\n";
    for (const auto& m : matches) out += cell(m.address) + "\t" + cell(m.name) + "\t" + cell(m.org) + "\n";
    return out;
}

}  // namespace kith
