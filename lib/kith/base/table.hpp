#pragma once
// Records as tables, rendered for people (aligned text), scripts (tsv) or programs (json).
#include <ostream>
#include <string>
#include <vector>

namespace kith {

// How a row is highlighted in text output when colour is on.
// alert, late and overdue grade how late something is (yellow, red, bold red).
enum class Tone { plain, alert, soft, late, overdue };

// One column: its tsv/json key, its text heading, and how it behaves.
struct Column {
    std::string key;
    std::string heading;
    bool numeric = false;  // written as a JSON number
    bool shrink = false;   // may narrow to fit the terminal: cut with …, or (the last column) wrapped
    bool list = false;     // items separated by '\n': joined by ", " in tsv, an array in json
    int keep_words = 0;    // the last column only: wrapped at words in its column when this many
                           // words fit on its first line, else on the lines below, wrapped
    bool name = false;     // a person's name: narrowed last, when no other column can give way
};

// Rows of cells, one per column; an empty cell is "unknown" (null in JSON).
struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<Tone> tones;  // one per row, or empty

    // Appends a row with a tone.
    void add(std::vector<std::string> row, Tone tone = Tone::plain);
};

// Joins items into one cell of a `list` column.
std::string join_list(const std::vector<std::string>& items);

// Text options: the terminal width (0 for no limit) and whether to colour.
struct TextStyle {
    int width = 0;
    bool color = false;
    bool heading = true;  // print the heading line
};

// Renders a header line of keys, then one tab-separated line per row (only the header
// when there are no rows). Tabs and line breaks inside cells become spaces so that every
// record stays on one line; other control characters become U+FFFD.
std::string render_tsv(const Table& table);

// Renders one JSON array of objects keyed by column key (`[]` when there are no rows);
// every control character is escaped.
std::string render_json(const Table& table);
// Writes what render_json returns, a row at a time.
void write_json(const Table& table, std::ostream& out);

// Renders an aligned table with a heading line, fitted to the width by display width;
// nothing at all when there are no rows (so that cron mails nothing). Control characters
// in cells are shown as visible escapes (see visible()).
std::string render_text(const Table& table, const TextStyle& style);

// Splits text into lines of at most `width` display columns, between words (a word wider than
// a line is broken over lines, never cut). Returns one empty line for empty text.
std::vector<std::string> wrap_words(const std::string& text, int width);
// Returns a message as a terminal of `width` columns shows it (0: as it is): its first word
// (a "path:line:col:") at the start of the first line with the words that fit beside it, the
// rest wrapped at words on lines indented four columns; nothing is cut.
std::string wrap_hanging(const std::string& line, int width);
// Returns text wrapped in an ANSI colour for the tone, or unchanged when colour is off.
std::string paint(const std::string& text, Tone tone, bool color);

}  // namespace kith
