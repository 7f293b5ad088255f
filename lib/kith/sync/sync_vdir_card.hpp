#pragma once
// One vdir entry as `kith sync vdir` keeps it: the card's own lines, byte for byte, so that a
// change kith writes touches only the properties it changes (PHOTO, ADR, X- properties, itemN
// groups and unknown parameters stay as the phone wrote them).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/sync/sync_vdir_view.hpp"
#include "kith/interchange/vcard.hpp"

namespace kith {

// One content line with its continuation lines, as written (line ends included).
struct CardLine {
    std::string raw;
    std::optional<VcardProperty> property;  // nullopt for a line kith cannot read (kept as is)
};

// A card file: its lines from BEGIN:VCARD to END:VCARD, and the line end it uses.
struct SyncCard {
    std::vector<CardLine> lines;
    std::string eol = "\r\n";
    std::string uid;   // unescaped
    int version = 3;   // 3 or 4, as its VERSION says
    Contact contact;   // what contact_from_card reads in it (X- properties included)
};

// Reads a vdir entry that must hold exactly one card with a UID and a name, in UTF-8. Throws an
// invalid Error located in `path` saying what is wrong.
SyncCard read_sync_card(std::string_view bytes, const std::string& path);

// Returns the card rewritten so that it holds `want` where its view differs: the lines of each
// changed key are replaced (a list keeps the lines of the items that stay), every other line
// kept byte for byte. `contact` holds `want`'s values, for rendering.
std::string rewrite_card(const SyncCard& card, const SyncView& want, const Contact& contact);

// Renders a new card of a person (UID `uid`) in vCard 3.0 or 4.0, dialect fields included.
std::string new_sync_card(const Contact& contact, const std::string& uid, int version);

}  // namespace kith
