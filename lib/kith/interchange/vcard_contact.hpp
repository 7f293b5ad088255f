#pragma once
// The mapping between vCard properties and contact fields, both ways, in one place each
// (contact_from_card and card_from_contact), ready to be driven by a field table.
#include <string>
#include <string_view>
#include <vector>

#include "kith/interchange/interchange.hpp"
#include "kith/interchange/vcard.hpp"

namespace kith {

// Maps one card to a contact; value problems (a bad BDAY, left out) are appended to `warnings`.
// Throws an invalid Error at the card's line when it has no usable name.
Contact contact_from_card(const VcardCard& card, const std::string& path, std::vector<Error>& warnings);

// Reads every card of a .vcf file (or a vdir entry), a chunk at a time, as import records
// added to `batch` (a file that holds no card is one of its errors). Throws an invalid Error
// past the caps of ImportBatch::add or import_max_input_bytes.
void read_vcard_contacts(const ReadChunk& read, const std::string& path, ImportBatch& batch);
// The same for bytes in memory, into a batch of their own.
ImportBatch read_vcard_contacts(std::string_view bytes, const std::string& path);

// Maps a contact to vCard properties (values already escaped) for `version` 3 or 4.
std::vector<VcardProperty> card_from_contact(const Contact& contact, int version);

// Renders one contact as a vCard 4.0 (or 3.0) with CRLF line ends and 75-octet folding.
std::string render_vcard(const Contact& contact, int version = 4);

}  // namespace kith
