#pragma once
// Flow collections written on one line ([a, b], {due: x, note: y}): where one that opens on a
// line closes, and the entries of a flow map. Quoted texts and nested collections are skipped
// whole; a quote opens a quoted scalar only where a scalar starts (elsewhere it is plain text,
// as in o'neil). The editor's list and item edits read flow values through these.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kith::yaml_lines {

// The flow map of one line: where it closes, and each entry's key and value span.
struct FlowEntry {
    std::string key;
    bool escaped = false;  // a quoted key with an escape, which reads as another text
    size_t value_start = 0;
    size_t value_end = 0;
};
struct FlowMap {
    size_t close = std::string_view::npos;
    std::vector<FlowEntry> entries;
};

// Reads the flow map opening at `open` on a line (`close` is npos when it does not close there).
FlowMap read_flow_map(std::string_view body, size_t open);

// Returns where the flow list opening at `open` closes (the offset of its ']'), or npos when it
// does not close on this line (or a comment starts first).
size_t flow_list_close(std::string_view body, size_t open);

// Returns where a flow entry that starts at `at` on a line ends (before the ',' or ']' after it,
// blanks trimmed); npos when the line ends first or a comment starts inside the list.
size_t flow_entry_end(std::string_view line, size_t at);

}  // namespace kith::yaml_lines
