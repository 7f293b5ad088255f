#pragma once
// A small, generic vCard 2.1 / 3.0 / 4.0 reader: unfolding, parameters, groups,
// quoted-printable and charsets. It knows no contact fields; vcard_contact.* maps them.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kith/base/error.hpp"
#include "kith/interchange/import_input.hpp"

namespace kith {

// The longest logical line kept; of a longer one (a photo, a sound, a huge note) the name is
// read and the value skipped unread, with a warning.
inline constexpr size_t vcard_max_line_bytes = 64 * 1024;

// One content line: group, name and parameters, with the value decoded from
// quoted-printable and its charset (to UTF-8), but still vCard-escaped.
struct VcardProperty {
    std::string group;  // "item1" in "item1.EMAIL"; empty when none
    std::string name;   // upper case, e.g. "EMAIL"
    std::vector<std::pair<std::string, std::string>> params;  // names upper case; bare 2.1 params as TYPE
    std::string value;
    int line = 0;  // where the property starts

    // Returns the value of a parameter (case-insensitive name), or "" when absent.
    std::string param(std::string_view name) const;
    // Returns true when some TYPE value (comma lists and repeats included) is `type`, ignoring case.
    bool has_type(std::string_view type) const;
};

// One BEGIN:VCARD ... END:VCARD block.
struct VcardCard {
    std::string version;  // "2.1", "3.0", "4.0", or "" when absent
    int line = 0;         // of BEGIN:VCARD
    std::vector<VcardProperty> properties;  // in file order; X- and binary ones left out
    size_t extensions = 0;  // X- properties ignored
    size_t skipped = 0;     // binary, base64 or oversized properties skipped
    size_t bytes = 0;       // of the values kept

    // Returns every property called `name` (upper case).
    std::vector<const VcardProperty*> all(std::string_view name) const;
    // Returns the first property called `name`, preferring one marked PREF; nullptr when none.
    const VcardProperty* preferred(std::string_view name) const;
};

// The cards of a file, one located error per card that could not be read, and the warnings
// about values left out or cut (a line over vcard_max_line_bytes, a NUL byte).
struct VcardFile {
    std::vector<VcardCard> cards;
    std::vector<Error> errors;
    std::vector<Error> warnings;
};

// Reads every card of a file (or a single vdir entry); never throws for bad cards. A file that
// holds no BEGIN:VCARD at all is an error naming it and saying what it looked like.
VcardFile parse_vcards(std::string_view bytes, const std::string& path);
// The same, reading the file a chunk at a time and handing each card to `on_card` as it ends
// instead of keeping them all (the result holds no cards).
VcardFile parse_vcards(const ReadChunk& read, const std::string& path, const std::function<void(VcardCard&)>& on_card);

// Reads one unfolded content line ("item1.EMAIL;TYPE=WORK:a@x") into a property, X- and binary
// ones included, its value decoded as the card reader decodes it; nullopt when it has no ':'.
std::optional<VcardProperty> parse_vcard_line(const std::string& unfolded);

// Splits an escaped value on unescaped `separator` and unescapes each part (\n \, \; \\).
std::vector<std::string> vcard_split(std::string_view value, char separator);

// Unescapes a whole text value.
std::string vcard_unescape(std::string_view value);

}  // namespace kith
