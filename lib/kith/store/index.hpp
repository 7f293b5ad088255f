#pragma once
// The index in .kith/index: per person only what the whole-network commands read (everything
// but the notes and the log, of which it keeps the latest entry that counts as contact), keyed
// by what stat says of each file. It is derived data, never the source of truth: a missing,
// stale, foreign or corrupt index is ignored and rebuilt, and deleting it is always safe.
//
// Layout: a 64-byte header, then the summaries (one encoded Contact each, in any order, some of
// them dead after an update in place), then the name table at `names_at`: per file its path,
// stamp, slug, name, aka and where its summary lies, with the summary's own checksum. A name
// lookup reads the header and the name table only; nothing is decoded into a Contact until asked.
// What a summary holds is index_summary.hpp's; when the index is trusted and written, the Index's
// (store_index.hpp); reading and writing the file, index_file.hpp's.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <algorithm>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/store/beneath.hpp"
#include "kith/store/index_summary.hpp"

namespace kith {

// The version of the index's layout and of what it keeps of a contact. The index's key also
// holds field_table_signature(), so a change to the table of fields invalidates it too.
inline constexpr std::uint64_t index_version = 6;

// The size of the header at the start of the file.
inline constexpr size_t index_header_size = 64;

// The header: a checksum of itself and the name table, the settings it holds for, where the
// name table lies, and how many bytes of summaries are dead (replaced by an update in place).
struct IndexHeader {
    std::uint64_t checksum = 0, settings_key = 0, count = 0, names_at = 0, names_size = 0, dead_bytes = 0;
    bool operator==(const IndexHeader&) const = default;
};

// One file in the name table. The views point into the bytes it was read from (or into the
// caller's strings, for a record about to be written).
struct IndexRecord {
    std::string_view path;
    FileStamp stamp;
    std::optional<Day> newest_entry;  // the summary stands for the file on any day from then on
    std::string_view slug, name;
    std::string_view aka;  // encoded as a list of strings; see aka_of()
    std::uint64_t summary_at = 0, summary_size = 0, summary_checksum = 0;
};

// A summary about to be written: the contact reduced to it (held by the caller, or here when
// the caller keeps the full contact), and the stamp and newest entry of its file.
struct NewSummary {
    const Contact* summary = nullptr;
    std::unique_ptr<Contact> held;
    FileStamp stamp;
    std::optional<Day> newest_entry;
};

// Returns the record of a new summary whose bytes lie at `at`; its views point into the summary
// and into `aka_bytes` (encode_aka's), which the caller keeps.
IndexRecord record_of(const NewSummary& summary, std::string_view aka_bytes, std::uint64_t at, std::string_view bytes);

// Decodes one summary from its bytes, checked against its record; nullopt when they differ.
std::optional<Contact> read_summary(const IndexRecord& record, std::string_view bytes);

// What was read of .kith/index: its header and its name table (records viewing `names`), and,
// when asked for, a way to read the bytes of its summaries (pread, a stretch at a time).
struct IndexFile {
    IndexHeader header;
    std::unique_ptr<char[]> names_bytes;  // read, not zeroed first
    std::string_view names;
    std::vector<IndexRecord> records;
    // Reads `size` bytes at `at` into `out`; false on a short read.
    std::function<bool(std::uint64_t at, std::uint64_t size, std::string& out)> read_bytes;

    // Returns the record of a path, or nullptr (the records are sorted by path).
    const IndexRecord* find(std::string_view path) const {
        const auto at = std::lower_bound(records.begin(), records.end(), path,
                                         [](const IndexRecord& r, std::string_view p) { return r.path < p; });
        return at != records.end() && at->path == path ? &*at : nullptr;
    }
};

// Returns a key of the parsed settings with index_version: equal settings give equal keys,
// however kith.yaml is written (comments, order of keys, quoting).
std::uint64_t settings_key(const Config& config);

// Reads the first index_header_size bytes of the file; nullopt unless they are an index's.
std::optional<IndexHeader> read_index_header(std::string_view bytes);

// Reads the name table, checked against the header's checksum and sorted by path; nullopt for anything else.
std::optional<std::vector<IndexRecord>> read_name_table(const IndexHeader& header, std::string_view names);

// Returns the aka list of a record.
std::vector<std::string> aka_of(const IndexRecord& record);

// Returns the name table of these records, sorted by path, and the header that goes with it
// (names_at and dead_bytes as given; checksum and count computed).
std::pair<IndexHeader, std::string> write_name_table(const std::vector<IndexRecord>& records, std::uint64_t settings_key,
                                                     std::uint64_t names_at, std::uint64_t dead_bytes);

// Returns the header's bytes.
std::string write_index_header(const IndexHeader& header);

}  // namespace kith
