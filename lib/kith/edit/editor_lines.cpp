// The editor's Lines: a file split into lines, which of them are the text of a value begun
// above (a block scalar's, a quoted value's that runs on), and the edits of whole lines.
#include "kith/edit/editor_lines.hpp"

#include <algorithm>
#include <utility>

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_lines.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith::editing {

namespace {

// True when two texts read as the same values (nothing that does not read is the same).
bool reads_the_same(std::string_view a, std::string_view b, const std::string& path) {
    try {
        return same_value(read_yaml(a, path), read_yaml(b, path));
    } catch (const Error&) {
        return false;
    }
}

// Ends the file with `ending` after the block scalar whose header is line `head`, keeping its
// text; returns false, changing nothing, when no header keeps it.
bool end_block_scalar(Lines& file, size_t head, const BlockHeader& header, const std::string& ending) {
    // The text had no final line break: with the newline, its header strips the one that adds
    // ("|" -> "|-", "|+2" -> "|2-", ">" -> ">-"); or, for a text that ends in blank lines its
    // header drops anyway, the header stays. Either is taken only when the file reads the same.
    const std::string before = file.join();
    const std::string_view body = content(file.lines[head]);
    std::string stripped = std::string(body.substr(0, header.indicator + 1));
    if (header.explicit_indent) stripped += static_cast<char>('0' + header.explicit_indent);
    stripped += "-" + std::string(body.substr(header.indicator_end)) + line_ending(file.lines[head]);
    for (const std::string& header_line : {stripped, file.lines[head]}) {
        Lines candidate = file;
        candidate.lines[head] = header_line;
        candidate.lines.back() += ending;
        if (!reads_the_same(before, candidate.join(), file.path)) continue;
        file = std::move(candidate);
        return true;
    }
    return false;
}

}  // namespace

Lines::Lines(std::string_view text, std::string file_path, const YamlValue* root) : path(std::move(file_path)) {
    auto lexed = yaml_lines::lex_lines(text);
    // Only a quote can start a quoted value; a file without one need not be read. (Pairing quotes
    // on a line is the reader's job: in plain text, say"hi or it's opens nothing.)
    std::optional<YamlValue> read;
    if (!root && text.find_first_of("\"'") != std::string_view::npos) {
        try {
            read = read_yaml(text, path);
        } catch (const Error&) {
            // a file that does not parse is not edited; its lines are taken as they look
        }
    }
    yaml_lines::mark_values(lexed, text, root ? root : read ? &*read : nullptr);
    lines.reserve(lexed.size());
    scalar.reserve(lexed.size());
    for (const auto& line : lexed) {
        lines.emplace_back(line.whole_in(text));
        scalar.push_back(line.in_value);
    }
    if (!lines.empty() && lines[0].ends_with("\r\n")) eol = "\r\n";
}

void Lines::insert(size_t at, const std::vector<std::string>& added) {
    std::string ending = eol;
    if (at > 0 && !line_ending(lines[at - 1]).empty()) ending = line_ending(lines[at - 1]);
    else if (at < lines.size() && !line_ending(lines[at]).empty()) ending = line_ending(lines[at]);
    else if (at > 1) ending = line_ending(lines[at - 2]);
    if (!lines.empty() && line_ending(lines.back()).empty()) {
        // yaml-cpp reads a block scalar that runs, with any blank lines after it, to the end of a
        // file without a final newline otherwise than one with a line after it: nothing goes there.
        size_t blanks = lines.size();
        while (blanks > 0 && !scalar[blanks - 1] && is_blank(lines[blanks - 1])) --blanks;
        size_t head = blanks > 0 ? blanks - 1 : 0;  // the line that starts the last value (a quoted one is no matter)
        while (head > 0 && scalar[head]) --head;
        const auto header = at >= blanks && blanks > 0 ? block_header(lines[head]) : std::nullopt;
        if (header && header->chomp != '-' && !end_block_scalar(*this, head, *header, ending))  // a stripped text reads the same
            throw Error(ErrorKind::invalid,
                        "the file ends inside a block scalar (| or >) without a final newline; adding one would "
                        "change that text, so kith adds nothing after it (end the file with a newline)",
                        Location{path, static_cast<int>(head) + 1, static_cast<int>(indent_of(lines[head])) + 1});
        if (at == lines.size() && line_ending(lines.back()).empty()) lines.back() += ending;
    }
    std::vector<std::string> whole;
    for (const auto& line : added) whole.push_back(line + ending);
    lines.insert(lines.begin() + static_cast<long>(at), whole.begin(), whole.end());
    scalar.insert(scalar.begin() + static_cast<long>(at), added.size(), false);
}

void Lines::erase(size_t from, size_t to) {
    lines.erase(lines.begin() + static_cast<long>(from), lines.begin() + static_cast<long>(to));
    scalar.erase(scalar.begin() + static_cast<long>(from), scalar.begin() + static_cast<long>(to));
}

void Lines::erase_value(size_t from, size_t to) {
    erase(from, to);
    size_t header = from;  // one past the line that starts the value just above
    while (header > 0 && scalar[header - 1]) --header;
    if (header == 0) return;
    const auto above = block_header(lines[header - 1]);
    if (!above || above->chomp != '+') return;
    size_t blanks = from;
    while (blanks < lines.size() && !scalar[blanks] && is_blank(lines[blanks])) ++blanks;
    erase(from, blanks);
}

std::string Lines::join() const {
    std::string out;
    for (const auto& line : lines) out += line;
    return out;
}

Block block_at(const Lines& file, size_t key_line) {
    size_t end = key_line + 1;
    for (size_t i = key_line + 1; i < file.lines.size(); ++i) {
        const std::string_view line = file.lines[i];
        if (file.scalar[i]) {
            end = i + 1;
            continue;
        }
        if (is_blank_or_comment(line)) continue;  // a comment, however indented, is no part of the value
        if (line[0] == ' ' || line[0] == '\t' || is_item_line(line)) {
            end = i + 1;
            continue;
        }
        break;
    }
    return {key_line, end};
}

std::optional<size_t> find_key(const Lines& file, std::string_view key) {
    for (size_t i = 0; i < file.lines.size(); ++i) {
        if (file.scalar[i]) continue;
        const auto found = key_at(file.lines[i]);
        if (found && found->key == key) return i;
    }
    return std::nullopt;
}

std::vector<size_t> item_starts(const Lines& file, size_t from, size_t to) {
    std::vector<size_t> starts;
    std::optional<size_t> indent;
    for (size_t i = from; i < to; ++i) {
        if (file.skippable(i) || file.scalar[i] || !is_item_line(file.lines[i])) continue;
        if (!indent) indent = indent_of(file.lines[i]);
        if (indent_of(file.lines[i]) == *indent) starts.push_back(i);
    }
    return starts;
}

size_t comments_under(const Lines& file, size_t end, size_t column) {
    while (end < file.lines.size() && file.skippable(end) && !is_blank(file.lines[end]) &&
           content(file.lines[end]).find_first_not_of(" \t") > column)
        ++end;
    return end;
}

size_t content_end(const Lines& file, size_t from, size_t to) {
    size_t end = from;
    for (size_t i = from; i < to; ++i) {
        if (!file.skippable(i)) end = i + 1;
    }
    return end;
}

}  // namespace kith::editing
