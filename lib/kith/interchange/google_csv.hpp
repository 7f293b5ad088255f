#pragma once
// Google Contacts CSV, the current export and the legacy one, columns found by header name.
#include <string>
#include <string_view>

#include "kith/interchange/csv.hpp"
#include "kith/interchange/interchange.hpp"

namespace kith {

// Returns true for a label of Google's own ("myContacts", "starred", "My Contacts", "Starred"; any case).
bool is_google_system_group(const std::string& label);

// Maps one row of a Google CSV to a contact; a value left out is appended to the errors of
// `notes` (a bad birthday or event) or to its warnings (a second address, cells past the header).
// Throws an invalid Error at the row's line when it has no name, organisation or email.
Contact contact_from_google_row(const CsvColumns& columns, const CsvRow& row, const std::string& path,
                                ImportBatch& notes);

// Reads a Google Contacts CSV export (either format), a chunk at a time, as import records
// added to `batch`. Throws an invalid Error, saying what the file looked like, for a file that is
// not such an export or holds no contact, and past the caps of ImportBatch::add.
void read_google_csv(const ReadChunk& read, const std::string& path, ImportBatch& batch);
// The same for bytes in memory, into a batch of their own.
ImportBatch read_google_csv(std::string_view bytes, const std::string& path);

}  // namespace kith
