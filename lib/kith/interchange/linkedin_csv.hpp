#pragma once
// LinkedIn's Connections.csv: a "Notes:" preamble, then a header found by its content.
#include <optional>
#include <string>
#include <string_view>

#include "kith/interchange/csv.hpp"
#include "kith/interchange/interchange.hpp"

namespace kith {

// Parses "Connected On" as LinkedIn writes it: "15 Mar 2024", "07-Feb-22", older "1/8/18, 6:14 PM" (or ISO);
// nullopt otherwise.
std::optional<Day> parse_connected_on(std::string_view text);

// Maps one connection row to a contact (Connected On goes to `met`); a bad date is appended to `warnings`.
// Throws an invalid Error at the row's line when it has no name.
Contact contact_from_linkedin_row(const CsvColumns& columns, const CsvRow& row, const std::string& path,
                                  std::vector<Error>& warnings);

// Reads a LinkedIn Connections.csv, a chunk at a time, as import records added to `batch`.
// Throws an invalid Error, saying what the file looked like, for a file without the header or
// without a connection, and past the caps of ImportBatch::add.
void read_linkedin_csv(const ReadChunk& read, const std::string& path, ImportBatch& batch);
// The same for bytes in memory, into a batch of their own.
ImportBatch read_linkedin_csv(std::string_view bytes, const std::string& path);

}  // namespace kith
