#pragma once
// Mail addresses as `kith sync mail` compares them (issue 22, item 3).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// Returns the comparable form of one address, `local@domain`: the local part as written (a
// quoted one unquoted), the domain in ASCII lower case; "" when it is no address (no `@`, an
// empty side). So `Bob@example.org` is not `bob@example.org`, but `bob@EXAMPLE.org` is.
std::string address_key(std::string_view address);

// Returns the address keys of an address-list header value (From, To, Cc), as RFC 5322 reads
// it: display names, comments, angle brackets, quoting and group names dropped; items that
// hold no address are left out.
std::vector<std::string> address_keys(std::string_view header);

// The people (indexes into a list of them) that each address key belongs to.
using PeopleByAddress = std::unordered_map<std::string, std::vector<size_t>>;

// Returns, for each address key of anyone's `email:`, the people who hold it, each once, in order.
PeopleByAddress people_by_address(const std::vector<Contact>& people);

}  // namespace kith
