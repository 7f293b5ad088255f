#include "kith/query/email_lookup.hpp"

#include <algorithm>

#include "kith/base/table.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

// A name or org in the answer: one field of one line (tabs and line breaks become spaces), with
// what a terminal would obey shown as visible() shows it. mutt takes it as the name as it is.
std::string cell(const std::string& text) {
    std::string flat = text;
    for (char& c : flat)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return visible(flat);
}

// True when mutt, which parses the address field as a list of addresses (RFC 5322), reads it as
// this one address and nothing more: no blank, separator, quote, comment, angle bracket, group
// or control character (visible() leaves it as it is), and at most one '@', between two parts.
bool is_one_address(const std::string& address) {
    const size_t at = address.find('@');
    const bool one_at = at == std::string::npos || (at > 0 && at + 1 < address.size() && address.find('@', at + 1) == std::string::npos);
    return !address.empty() && one_at && address.find_first_of(" \t\r\n,;:<>()[]\"\\") == std::string::npos &&
           visible(address) == address;
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

// The answer's rows for a terminal `width` wide: aligned, or, when an address leaves a name too
// little room, each address on a line of its own (broken over lines if wider than one), its name
// and org on the lines below, wrapped; nothing is cut.
std::string aligned(const Table& table, int width) {
    constexpr int least_for_name = 20;
    int widest = 0;
    for (const auto& row : table.rows) widest = std::max(widest, display_width(row[0]));
    if (widest + 2 + least_for_name <= width) return render_text(table, TextStyle{width, false, false});
    std::string out;
    for (const auto& row : table.rows) {
        for (const auto& part : wrap_words(row[0], width)) out += part + "\n";
        const std::string who = row[1] + (row[2].empty() ? "" : ", " + row[2]);
        for (const auto& part : wrap_words(who, width - 4)) out += "    " + part + "\n";
    }
    return out;
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

std::string render_email_query(const std::vector<EmailMatch>& matches, const std::string& query, int width) {
    std::string lines;
    size_t given = 0;
    Table table{{{"address", ""}, {.key = "name", .heading = "", .shrink = true, .name = true}, {"org", "", false, true}},
                {}, {}};
    for (const auto& m : matches) {
        if (!is_one_address(m.address)) continue;
        lines += m.address + "\t" + cell(m.name) + "\t" + cell(m.org) + "\n";
        table.add({m.address, cell(m.name), cell(m.org)});
        ++given;
    }
    if (width > 0) lines = aligned(table, width);
    const size_t left_out = matches.size() - given;
    return "kith: " + std::to_string(given) + (given == 1 ? " address" : " addresses") + " for '" + cell(query) + "'" +
           (left_out == 0 ? "" : " (" + std::to_string(left_out) + " left out: not one plain address; see 'kith show')") +
           "\n" + lines;
}

}  // namespace kith
