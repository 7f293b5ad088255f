#pragma once
// What the index keeps of a contact (a summary) and its bytes. The codec walks the table of
// fields by kind: a field added to the table is kept with no edit here, when its row says the
// summary keeps it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// Returns the date of a contact's newest log entry: its summary stands for its file on any day from then on.
std::optional<Day> newest_entry(const Contact& contact);

// Makes a contact what the index keeps of it: the fields the summary projection keeps (all but
// its notes), and of its log the latest entry that counts as contact (the one staleness and
// `due` show on any later day).
void reduce_to_summary(Contact& contact);

// Returns the bytes the index keeps of a summary.
std::string encode_summary(const Contact& summary);

// Decodes the bytes of one summary; nullopt when they are not a summary's.
std::optional<Contact> decode_summary(std::string_view bytes);

// Returns a contact's aka list as the name table holds it.
std::string encode_aka(const Contact& contact);

// Decodes an aka list of the name table; empty when the bytes are not one.
std::vector<std::string> decode_aka(std::string_view bytes);

}  // namespace kith
