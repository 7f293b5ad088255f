#pragma once
// The merge's view of one version of a contact file: its lines cut into parts that carry every
// byte (the lines before the first key, each top-level key with the comment and blank lines
// above it, the lines after the last key), and a list key cut into a header, entries and a tail.
// Internal to the merge (merge*.cpp).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kith/edit/editor_lines.hpp"
#include "kith/model/model.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::merging {

// A top-level key of one version: lines [from, key) are the comment and blank lines above it,
// [key, to) the key and its value, comments indented under it included.
struct KeySpan {
    std::string name;
    size_t from = 0, key = 0, to = 0;
    const YamlValue* value = nullptr;
};

// One version of a file, read and cut into parts.
struct Side {
    YamlValue root;
    editing::Lines file;
    size_t preamble_end = 0;  // lines [0, preamble_end) stand before the first key
    size_t tail_from = 0;     // lines [tail_from, end) stand after the last key's value
    std::vector<KeySpan> keys;
    std::unordered_map<std::string, size_t> by_name;

    Side(std::string_view text, const std::string& path);
    Side(const Side&) = delete;  // its keys point into its own tree
    Side& operator=(const Side&) = delete;
    // Returns the key's span, or nullptr.
    const KeySpan* find(const std::string& name) const;
    // Returns lines [from, to) as one text.
    std::string text(size_t from, size_t to) const;
    // Returns the key's lines, the comment and blank lines above it included.
    std::string text(const KeySpan& key) const { return text(key.from, key.to); }
};

// An entry of a list as written in one version: its bytes (a block entry with the comment and
// blank lines above it; a flow entry's text), what it is, and its day when the list is ordered.
struct ListEntry {
    std::string id;        // its content, a follow-up's `done` aside: what pairs it across versions
    std::string content;   // its whole content, for the check of the result
    std::string day;       // the order field's text, or ""
    std::string bytes;
    size_t indent = 0;     // a block entry's dash column
    std::optional<LogEntry> log;  // a log entry's date, kind and note (log lists only)
    bool plain = false;    // a log entry of date, kind and note alone, on one line: another that
                           // records the same contact stands for it whole
};

// How a list is written: a block list, a one-line flow list (a lone text is one), or no entries.
enum class ListStyle { empty, block, flow };

// A list key as written in one version. The key's line is cut around its value: `before` (the
// key and ':'), the value, `after` (the blanks and comment after it, the line ending included).
struct ListView {
    ListStyle style = ListStyle::empty;
    std::string leading;   // comment and blank lines above the key
    std::string before, after;
    std::vector<ListEntry> entries;
    std::string tail;      // lines after the last block entry that belong to the key

    // Returns what the key line says apart from its entries, with the lines above it.
    std::string header() const;
};

// Cuts a list key of one version into a ListView; nullopt when it is written in a way the merge
// does not take apart (a flow list over several lines, a map, entries it cannot place).
// `order_field` names the day field that orders the list ("" when none).
std::optional<ListView> list_view(const Side& side, const KeySpan& key, std::string_view key_name,
                                  std::string_view order_field);

// A part of the result: its text, how many conflicts it marks, and what it must read as.
struct Merged {
    std::string bytes;
    size_t conflicts = 0;
    bool present = true;                // false when the key is gone from the result
    std::optional<std::string> expect;  // the identity its value must read as, when known
};

// Returns the text with each line's indentation changed by `delta` spaces; nullopt when a line
// that is not blank or a comment has fewer spaces than a negative delta takes away.
std::optional<std::string> reindent(std::string_view text, long delta);

// Appends `part` to `out`, first ending out's last line when it has no line ending.
void append_part(std::string& out, std::string_view part);

// Returns text marking a conflict between two versions of a part.
std::string conflict_region(std::string_view ours, std::string_view theirs);

}  // namespace kith::merging
