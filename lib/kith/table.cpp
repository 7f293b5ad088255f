#include "kith/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kith/text.hpp"

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

// Narrows shrinkable columns, widest first, until the row fits or none can narrow.
void fit_widths(const Table& table, std::vector<int>& widths, int limit) {
    const auto total = [&] {
        int sum = 0;
        for (int w : widths) sum += w;
        return sum + 2 * static_cast<int>(widths.size() - 1);
    };
    constexpr int narrowest = 6;
    while (total() > limit) {
        int widest = -1;
        for (size_t i = 0; i < widths.size(); ++i) {
            if (!table.columns[i].shrink || widths[i] <= narrowest) continue;
            if (widest < 0 || widths[i] > widths[static_cast<size_t>(widest)]) widest = static_cast<int>(i);
        }
        if (widest < 0) return;
        widths[static_cast<size_t>(widest)] -= std::min(total() - limit, widths[static_cast<size_t>(widest)] - narrowest);
    }
}

}  // namespace

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

std::string render_json(const Table& table) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : table.rows) {
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
        array.push_back(std::move(object));
    }
    return escape_json_controls(array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

std::string paint(const std::string& text, Tone tone, bool color) {
    if (!color || tone == Tone::plain) return text;
    const char* code = tone == Tone::alert ? "\033[31m" : "\033[2m";
    return code + text + "\033[0m";
}

std::string render_text(const Table& table, const TextStyle& style) {
    if (table.rows.empty()) return "";  // no heading alone: nothing at all, like every empty text
    std::vector<int> widths;
    for (const auto& column : table.columns) widths.push_back(display_width(column.heading));
    for (const auto& row : table.rows)
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(one_line(row[i])));
    if (style.width > 0) fit_widths(table, widths, style.width);
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (size_t i = 0; i < cells.size(); ++i) {
            const std::string cell = fit_width(one_line(cells[i]), widths[i]);
            out += i + 1 < cells.size() ? pad_right(cell, widths[i]) + "  " : cell;
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
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
