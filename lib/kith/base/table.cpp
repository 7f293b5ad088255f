#include "kith/base/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string_view>

#include "kith/base/text.hpp"

namespace kith {
namespace {

// A text cell on one line, with every other control character shown as an escape.
std::string one_line(const std::string& cell) {
    std::string out = cell;
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return visible(out);
}

// A list cell's items, as tsv shows them.
std::string list_line(const Column& column, const std::string& cell) {
    if (!column.list) return cell;
    std::string out;
    for (char c : cell) out += c == '\n' ? std::string(", ") : std::string(1, c);
    return out;
}

// The narrowest a shrinkable column gets: a last column, whose text wraps, keeps room for words.
int narrowest(const Table& table, size_t column) {
    return column + 1 == table.columns.size() ? 20 : 6;
}

// Narrows shrinkable columns, the widest down to the next widest, so that they give way
// together, until the row fits or none can narrow; names give way last, once no other column can.
void fit_widths(const Table& table, std::vector<int>& widths, int limit) {
    const auto total = [&] {
        int sum = 0;
        for (int w : widths) sum += w;
        return sum + 2 * static_cast<int>(widths.size() - 1);
    };
    for (const bool names : {false, true}) {
        while (total() > limit) {
            int widest = -1, next = 0;  // the widest column that can narrow; the width of the next widest
            for (size_t i = 0; i < widths.size(); ++i) {
                if (!table.columns[i].shrink || table.columns[i].name != names || widths[i] <= narrowest(table, i)) continue;
                if (widest < 0 || widths[i] > widths[static_cast<size_t>(widest)]) {
                    if (widest >= 0) next = widths[static_cast<size_t>(widest)];
                    widest = static_cast<int>(i);
                } else {
                    next = std::max(next, widths[i]);
                }
            }
            if (widest < 0) break;
            const auto at = static_cast<size_t>(widest);
            const int floor = std::max(narrowest(table, at), next);
            widths[at] -= std::max(1, std::min(total() - limit, widths[at] - floor));
        }
    }
}

// Splits text into words at blanks.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Cuts text between words to fit the width, ending with "…"; "" when the first `keep`
// words do not fit.
std::string cut_between_words(const std::string& text, int width, int keep) {
    if (display_width(text) <= width) return text;
    const std::vector<std::string> words = words_of(text);
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string next = out.empty() ? words[i] : out + " " + words[i];
        if (display_width(next) + 1 > width) break;
        out = next;
    }
    if (static_cast<int>(words_of(out).size()) < keep || out.empty()) return "";
    return out + "…";
}

}  // namespace

std::vector<std::string> wrap_words(const std::string& text, int width) {
    std::vector<std::string> lines;
    std::string line;
    for (const std::string& word : words_of(text)) {
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        if (!line.empty()) {
            line += " " + word;
            continue;
        }
        std::string_view rest = word;  // a word wider than a line is broken over lines, never cut
        while (display_width(rest) > width) {
            const size_t piece = bytes_within(rest, std::max(width, 2));  // a wide character even in one column
            lines.emplace_back(rest.substr(0, piece));
            rest.remove_prefix(piece);
        }
        line = rest;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

std::string wrap_hanging(const std::string& line, int width) {
    if (width <= 0 || display_width(line) <= width) return line;
    size_t end = line.find(' ');  // the first line ends before the word that does not fit
    while (end != std::string::npos) {
        const size_t next = line.find(' ', end + 1);
        if (display_width(line.substr(0, next)) > width) break;
        end = next;
    }
    std::string out;
    for (const auto& part : wrap_words(line.substr(0, end), width)) out += (out.empty() ? "" : "\n") + part;
    if (end == std::string::npos) return out;
    for (const auto& part : wrap_words(line.substr(end + 1), std::max(width - 4, 20))) out += "\n    " + part;
    return out;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
    return out;
}

void Table::add(std::vector<std::string> row, Tone tone) {
    rows.push_back(std::move(row));
    tones.push_back(tone);
}

std::string render_tsv(const Table& table) {
    std::string out;
    for (size_t i = 0; i < table.columns.size(); ++i) out += (i ? "\t" : "") + table.columns[i].key;
    out += '\n';
    for (const auto& row : table.rows) {
        for (size_t i = 0; i < row.size(); ++i) out += (i ? "	" : "") + tsv_cell(list_line(table.columns[i], row[i]));
        out += '\n';
    }
    return out;
}

void write_json(const Table& table, std::ostream& out) {
    if (table.rows.empty()) {
        out << "[]\n";
        return;
    }
    // One row at a time: each object is dumped as the whole array's dump would put it (one level
    // in), so that no document of every row is ever held.
    out << "[\n";
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (size_t i = 0; i < row.size(); ++i) {
            const Column& column = table.columns[i];
            if (column.list) {
                object[column.key] = nlohmann::ordered_json::array();
                for (size_t start = 0; start < row[i].size();) {
                    const size_t end = std::min(row[i].find('\n', start), row[i].size());
                    object[column.key].push_back(row[i].substr(start, end - start));
                    start = end + 1;
                }
            } else if (row[i].empty()) object[column.key] = nullptr;
            else if (column.numeric && row[i].find('.') == std::string::npos) object[column.key] = std::stoll(row[i]);
            else if (column.numeric) object[column.key] = std::stod(row[i]);
            else object[column.key] = row[i];
        }
        const std::string text =
            escape_json_controls(object.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
        out << "  ";
        for (size_t start = 0; start < text.size();) {  // the dump's own line breaks, indented one level
            const size_t end = std::min(text.find('\n', start), text.size());
            out.write(text.data() + start, static_cast<std::streamsize>(end - start));
            if (end < text.size()) out << "\n  ";
            start = end + 1;
        }
        out << (r + 1 < table.rows.size() ? ",\n" : "\n");
    }
    out << "]\n";
}

std::string render_json(const Table& table) {
    std::ostringstream out;
    write_json(table, out);
    return out.str();
}

std::string paint(const std::string& text, Tone tone, bool color) {
    if (!color || tone == Tone::plain) return text;
    const char* code = tone == Tone::overdue ? "\033[1;31m"
                       : tone == Tone::alert ? "\033[31m"
                       : tone == Tone::late  ? "\033[33m"
                                             : "\033[2m";
    return code + text + "\033[0m";
}

namespace {

// A last column narrower than this wraps its text on the lines below instead: a column of a
// word or two a line reads as a list of words.
constexpr int min_wrapped_column = 20;

// True when `cell` can be wrapped at words in a column `width` wide: its first `keep` words fit
// on the first line, every word fits a line (none is cut), and the column is not too narrow.
bool wraps_in_column(const std::string& cell, int width, int keep) {
    if (width < min_wrapped_column || cut_between_words(cell, width, keep).empty()) return false;
    for (const std::string& word : words_of(cell))  // the words wrap_words places
        if (display_width(word) > width) return false;
    return true;
}

}  // namespace

std::string render_text(const Table& table, const TextStyle& style) {
    if (table.rows.empty()) return "";  // no heading alone: nothing at all, like every empty text
    std::vector<int> widths;
    for (const auto& column : table.columns) widths.push_back(display_width(column.heading));
    for (const auto& row : table.rows)
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(one_line(row[i])));
    // A last column that keeps words gets what the others leave; they narrow first.
    const size_t last = table.columns.size() - 1;
    const int keep = table.columns[last].keep_words;
    if (style.width > 0 && keep > 0) {
        std::vector<int> others(widths.begin(), widths.end() - 1);
        Table head = table;
        head.columns.pop_back();
        fit_widths(head, others, style.width - 2 - 1);
        // Still too wide: a name gives way, and only then.
        int used = 2 * static_cast<int>(last) + 1;
        for (int w : others) used += w;
        for (size_t i = 0; i < others.size() && used > style.width; ++i) {
            if (!table.columns[i].name && i > 0) continue;
            const int less = std::min(used - style.width, std::max(0, others[i] - 6));
            others[i] -= less, used -= less;
        }
        std::copy(others.begin(), others.end(), widths.begin());
        widths[last] = style.width - 2 * static_cast<int>(last);
        for (size_t i = 0; i < last; ++i) widths[last] -= widths[i];
    } else if (style.width > 0) {
        fit_widths(table, widths, style.width);
    }
    int last_start = 2 * static_cast<int>(last);  // where the last column starts, for its wrapped lines
    for (size_t i = 0; i < last; ++i) last_start += widths[i];
    const int indent = 4;
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out, below;
        for (size_t i = 0; i < cells.size(); ++i) {
            std::string cell = one_line(cells[i]);
            const bool wraps = i == last && style.width > 0 && (keep > 0 || table.columns[i].shrink);
            if (wraps && display_width(cell) > widths[i]) {
                if (keep > 0 && !wraps_in_column(cell, widths[i], keep)) {
                    // Too narrow beside the others: on the lines below, wrapped.
                    for (const auto& wrapped : wrap_words(cell, std::max(style.width - indent, 10)))
                        below += "\n" + std::string(indent, ' ') + wrapped;
                    cell.clear();
                } else {
                    // Wrapped at words in its own column, never cut.
                    const std::vector<std::string> lines = wrap_words(cell, widths[i]);
                    cell = lines.front();
                    for (size_t l = 1; l < lines.size(); ++l)
                        below += "\n" + std::string(static_cast<size_t>(last_start), ' ') + lines[l];
                }
            } else if (!wraps) {
                cell = fit_width(cell, widths[i]);
            }
            out += i + 1 < cells.size() ? pad_right(cell, widths[i]) + "  " : cell;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + below;
    };
    std::vector<std::string> headings;
    for (const auto& column : table.columns) headings.push_back(column.heading);
    std::string out = style.heading ? paint(line(headings), Tone::soft, style.color) + "\n" : "";
    for (size_t r = 0; r < table.rows.size(); ++r) {
        const Tone tone = r < table.tones.size() ? table.tones[r] : Tone::plain;
        out += paint(line(table.rows[r]), tone, style.color) + "\n";
    }
    return out;
}

}  // namespace kith
