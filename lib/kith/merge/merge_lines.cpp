// The line-based three-way merge (diff3) and the conflict markers it writes.
#include "kith/merge/merge_lines.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "kith/merge/merge_parts.hpp"
#include "kith/base/text.hpp"

namespace kith {
namespace {

// For each line of `a`, the line of `b` it matches in a longest common subsequence, or -1.
// Past a size where the table would be too large, the middle is left unmatched: the merge
// then marks it whole, which loses nothing.
std::vector<long> match_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::vector<long> match(a.size(), -1);
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        match[head] = static_cast<long>(head);
        ++head;
    }
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        match[a.size() - 1 - tail] = static_cast<long>(b.size() - 1 - tail);
        ++tail;
    }
    const size_t n = a.size() - head - tail, m = b.size() - head - tail;
    if (n == 0 || m == 0 || n * m > 4'000'000) return match;
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    const auto at = [&](size_t i, size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    for (size_t i = 0, j = 0; i < n && j < m;) {
        if (a[head + i] == b[head + j]) {
            match[head + i] = static_cast<long>(head + j);
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            ++i;
        } else {
            ++j;
        }
    }
    return match;
}

using Lines = std::vector<std::string_view>;

bool same(const Lines& x, size_t x0, size_t x1, const Lines& y, size_t y0, size_t y1) {
    return x1 - x0 == y1 - y0 && std::equal(x.begin() + static_cast<long>(x0), x.begin() + static_cast<long>(x1),
                                            y.begin() + static_cast<long>(y0));
}

void append(std::string& out, const Lines& lines, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) out += lines[i];
}

// Appends a conflict between lines [a, a_end) of ours and [b, b_end) of theirs.
void mark(MergeResult& result, const Lines& ours, size_t a, size_t a_end, const Lines& theirs, size_t b, size_t b_end) {
    std::string mine, other;
    append(mine, ours, a, a_end);
    append(other, theirs, b, b_end);
    merging::append_part(result.text, merging::conflict_region(mine, other));
    ++result.conflicts;
}

}  // namespace

MergeResult merge_lines(std::string_view base_text, std::string_view ours_text, std::string_view theirs_text) {
    const Lines base = split_lines(base_text), ours = split_lines(ours_text), theirs = split_lines(theirs_text);
    const std::vector<long> to_ours = match_lines(base, ours), to_theirs = match_lines(base, theirs);
    MergeResult result;
    result.structured = false;
    size_t i = 0, a = 0, b = 0;
    while (i < base.size() || a < ours.size() || b < theirs.size()) {
        if (i < base.size() && to_ours[i] == static_cast<long>(a) && to_theirs[i] == static_cast<long>(b)) {
            result.text += base[i];
            ++i, ++a, ++b;
            continue;
        }
        // The next base line both sides kept ends this unstable chunk.
        size_t next = i;
        while (next < base.size() && (to_ours[next] < 0 || to_theirs[next] < 0)) ++next;
        const size_t a_end = next < base.size() ? static_cast<size_t>(to_ours[next]) : ours.size();
        const size_t b_end = next < base.size() ? static_cast<size_t>(to_theirs[next]) : theirs.size();
        if (same(base, i, next, ours, a, a_end)) {
            append(result.text, theirs, b, b_end);
        } else if (same(base, i, next, theirs, b, b_end) || same(ours, a, a_end, theirs, b, b_end)) {
            append(result.text, ours, a, a_end);
        } else {
            mark(result, ours, a, a_end, theirs, b, b_end);
        }
        i = next, a = a_end, b = b_end;
    }
    return result;
}

MergeResult merge_two_way(std::string_view ours_text, std::string_view theirs_text) {
    MergeResult result;
    result.structured = false;
    result.without_base = true;
    const auto blank = [](std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; };
    if (blank(ours_text) || blank(theirs_text) || ours_text == theirs_text) {
        result.text = blank(ours_text) ? theirs_text : ours_text;
        return result;
    }
    const Lines ours = split_lines(ours_text), theirs = split_lines(theirs_text);
    const std::vector<long> to_theirs = match_lines(ours, theirs);  // increasing, as a common subsequence is
    size_t a = 0, b = 0;
    while (a < ours.size() || b < theirs.size()) {
        size_t next = a;
        while (next < ours.size() && to_theirs[next] < 0) ++next;
        const size_t b_next = next < ours.size() ? static_cast<size_t>(to_theirs[next]) : theirs.size();
        if (next > a || b_next > b) mark(result, ours, a, next, theirs, b, b_next);
        if (next == ours.size()) break;
        result.text += ours[next];
        a = next + 1;
        b = b_next + 1;
    }
    return result;
}

}  // namespace kith
