#pragma once
// Google Contacts CSV, the current export and the legacy one, columns found by header name.
#include <string>
#include <string_view>

#include "kith/csv.hpp"
#include "kith/interchange.hpp"

namespace kith {

// Maps one row of a Google CSV to a contact; a bad birthday is appended to `errors`.
// Throws an invalid Error at the row's line when it has no name, organisation or email.
Contact contact_from_google_row(const CsvColumns& columns, const CsvRow& row, const std::string& path,
                                std::vector<Error>& errors);

// Reads a Google Contacts CSV export (either format) as import records.
ImportBatch read_google_csv(std::string_view bytes, const std::string& path);

}  // namespace kith
