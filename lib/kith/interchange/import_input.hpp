#pragma once
// An import file read a chunk at a time, so that its size never sets kith's memory: its bytes
// as UTF-8 (a UTF-8 or UTF-16 byte order mark read), split into lines at every line end (LF,
// CRLF, CR, and iOS 5's CR CR LF), each line held up to a cap; and what the file looked like,
// for the error about an input that yields nothing.
#include <functional>
#include <string>
#include <string_view>

namespace kith {

// Hands out an input a chunk at a time: the next bytes, or an empty view at its end. A view
// stays valid until the next call.
using ReadChunk = std::function<std::string_view()>;

// Returns a ReadChunk that hands out `bytes` whole, once; they must outlive it.
ReadChunk whole_input(std::string_view bytes);

// One line of an input, without its line end.
struct InputLine {
    std::string text;   // the line, or its first `max_line` bytes when it is longer
    int number = 0;     // 1-based
    size_t length = 0;  // of the whole line: more than text.size() when it was cut
    char last = 0;      // its last byte (0 for an empty line), kept when it was cut
    std::string ending; // its line end as written: "\n", "\r\n", "\r", "\r\r\n", or "" at the end

    // Returns true when the line was longer than the cap.
    bool cut() const { return length > text.size(); }
};

// The most bytes an import reads of one input: past them it is refused (an endless stream).
inline constexpr size_t import_max_input_bytes = size_t{2} << 30;

// The lines of an input, one at a time; at most a chunk and a line are held. An input whose
// first bytes look binary (many control bytes, and no line of text first) yields no line at all.
class InputLines {
public:
    // Keeps at most `max_line` bytes of a line; the rest of a longer one is read and let go.
    // `path` names the input in the error about one larger than import_max_input_bytes.
    InputLines(ReadChunk read, size_t max_line, std::string path);
    // Sets `line` to the next line; returns false at the end of the input.
    bool next(InputLine& line);
    // Describes what the input looked like, for an error saying it yields nothing: "it is
    // empty", "it looks binary (...)" or "its first line is '...'", with the import that reads
    // such a file when that is another than `format` (vcard, google, linkedin).
    std::string describe(std::string_view format) const;

private:
    // Decodes the next chunk onto the buffer; returns false when the input has no more bytes.
    bool fill();
    // Decodes raw bytes onto the buffer: a byte order mark is read first, UTF-16 converted.
    void decode(std::string_view bytes, bool last);
    // Returns true when the buffer holds `count` bytes from pos_ (fewer only at the end).
    bool ensure(size_t count);
    // True when the first bytes read hold many control bytes and do not start with a line of text.
    bool looks_binary() const;

    enum class Encoding { unknown, utf8, utf16le, utf16be };
    ReadChunk read_;
    size_t max_line_;
    std::string path_;
    std::string buffer_;  // decoded bytes; those before pos_ are read
    size_t pos_ = 0;
    std::string raw_;     // bytes not decoded yet: a start too short to tell a BOM, half a UTF-16 unit or pair
    Encoding encoding_ = Encoding::unknown;
    bool ended_ = false;
    int number_ = 0;
    size_t total_ = 0;    // bytes read
    std::string head_;    // the first decoded bytes
    bool head_read_ = false;  // and they were looked at
};

// Converts ISO-8859-1 or Windows-1252 bytes to UTF-8.
std::string latin1_to_utf8(std::string_view bytes);

// Returns the bytes as UTF-8: valid UTF-8 kept as it is, and each byte that is not part of a
// valid sequence read as Windows-1252 (exports that are not UTF-8 were most likely written so).
std::string utf8_or_cp1252(std::string_view bytes);

}  // namespace kith
