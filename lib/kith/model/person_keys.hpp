#pragma once
// The keys by which two records are the same person: an e-mail, a web address, a phone number
// or a name, each written the one way two spellings of it share (import, duplicates, add).
#include <string>

namespace kith {

// Returns an e-mail address folded (case and accents), without blanks around it.
std::string email_key(const std::string& email);

// Returns a web address without scheme, "www.", case or trailing slash.
std::string url_key(std::string url);

// Returns the digits of a phone number (a leading + kept); empty when it holds fewer than six,
// too few to tell two people apart.
std::string phone_key(const std::string& phone);

// Returns a name folded to ASCII (case and accents), dots and commas as blanks, blanks
// collapsed; empty for a name of dots and commas alone.
std::string name_key(const std::string& name);

}  // namespace kith
