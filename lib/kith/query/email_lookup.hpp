#pragma once
// Address lookup for mail clients: mutt's, neomutt's and aerc's query_command (kith email).
#include <string>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// One address of a person who matched.
struct EmailMatch {
    std::string address;
    std::string name;
    std::string org;
};

// Returns every email of every person whose name, aka, email or org contains `query`,
// ignoring case and accents; in the order of `contacts`. People without email are left out.
std::vector<EmailMatch> find_emails(const std::vector<Contact>& contacts, const std::string& query);

// Renders the query_command answer: a first line of free text, then
// "address<TAB>name<TAB>org" per match. In names and orgs, tabs and line breaks become spaces
// and control characters visible escapes (as visible() gives them); an address that a mail
// client would not read as exactly that one address (a ',' ';' ':' '<' '>' '(' ')' '[' ']' '"'
// '\', a blank, a control character or a second '@' in it) is left out, and the first line says
// how many were. With a `width` (a person at a terminal, never a mail client), the matches are
// an aligned table of that width instead: names give way last, organisations wrap.
std::string render_email_query(const std::vector<EmailMatch>& matches, const std::string& query, int width = 0);

}  // namespace kith
