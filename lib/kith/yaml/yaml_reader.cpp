#include "kith/yaml/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <array>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "kith/base/error.hpp"
#include "kith/yaml/yaml_guard.hpp"
#include "kith/yaml/yaml_hints.hpp"

namespace kith {
namespace {

// Builds the tree from yaml-cpp's events and enforces the restrictions as they come.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view bytes, const std::string& path) : bytes_(bytes), path_(path) {}

    YamlValue take() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark& mark) override { document_line_ = mark.line + 1; }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        refuse_anchor(mark, anchor);
        YamlValue value;
        place(value, mark);
        add(std::move(value));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        fail_at(path_, mark.line + 1, mark.column + 1, "aliases ('*name') are not supported");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& text) override {
        refuse_anchor(mark, anchor);
        refuse_tag(mark, tag);
        YamlValue value;
        value.kind = YamlValue::Kind::scalar;
        value.text = text;
        value.plain = tag != "!";
        place(value, mark);
        const auto pos = static_cast<size_t>(mark.pos);
        // Quoting gives a scalar the tag "!"; so does writing "! text", which kith refuses.
        if (tag == "!" && pos < bytes_.size() && bytes_[pos] == '!')
            fail_at(path_, mark.line + 1, mark.column + 1, "tags like '!' are not supported");
        if (pos < bytes_.size() && (bytes_[pos] == '"' || bytes_[pos] == '\''))
            check_quoted_span(bytes_, pos, path_);
        add(std::move(value));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(mark, tag, anchor, style, YamlValue::Kind::sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(mark, tag, anchor, style, YamlValue::Kind::map);
    }
    void OnMapEnd() override { close(); }

private:
    void place(YamlValue& value, const YAML::Mark& mark) {
        value.line = mark.line + 1;
        value.column = mark.column + 1;
    }

    // Returns the offset of a line and column (1-based) in the file, at most its size; npos
    // past its last line.
    size_t offset_of(int line, int column) const {
        size_t at = 0;
        for (int l = 1; l < line && at != std::string_view::npos; ++l) {
            at = bytes_.find('\n', at);
            if (at != std::string_view::npos) ++at;
        }
        if (at == std::string_view::npos) return at;
        return std::min(bytes_.size(), at + static_cast<size_t>(column - 1));
    }

    // True when the rest of the file from a line and column is one line ending in ':', as
    // "log:" is when it is the last line and has no final newline (yaml-cpp puts its null there).
    bool ends_with_colon(int line, int column) const {
        const size_t at = offset_of(line, column);
        if (at == std::string_view::npos) return false;
        std::string_view rest = bytes_.substr(at);
        if (rest.find('\n') != std::string_view::npos) return false;
        // A comment is no part of it ("word #x:" is a word); a quoted key may hold " #".
        size_t from = 0;
        if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
            from = rest.size();
            for (size_t i = 1; i < rest.size(); ++i) {
                if (rest[0] == '"' && rest[i] == '\\') ++i;
                else if (rest[i] == rest[0] && rest[0] == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') ++i;
                else if (rest[i] == rest[0]) {
                    from = i + 1;
                    break;
                }
            }
        }
        for (size_t i = from; i < rest.size(); ++i) {
            // After a closing quote, yaml-cpp starts a comment at '#' even with no blank before it.
            if (rest[i] == '#' && ((i == from && from > 0) || (i > 0 && (rest[i - 1] == ' ' || rest[i - 1] == '\t')))) {
                rest = rest.substr(0, i);
                break;
            }
        }
        while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
        return rest.ends_with(':');
    }

    void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            fail_at(path_, mark.line + 1, mark.column + 1, "anchors ('&name') are not supported");
    }

    void refuse_tag(const YAML::Mark& mark, const std::string& tag) {
        if (!tag.empty() && tag != "?" && tag != "!")
            fail_at(path_, mark.line + 1, mark.column + 1, "tags like '" + tag + "' are not supported");
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
              YAML::EmitterStyle::value style, YamlValue::Kind kind) {
        refuse_anchor(mark, anchor);
        // A list or map has "!" only when the file writes one; scalars get it from quoting.
        if (tag == "!") fail_at(path_, mark.line + 1, mark.column + 1, "tags like '!' are not supported");
        refuse_tag(mark, tag);
        if (stack_.size() >= static_cast<size_t>(max_yaml_depth))
            fail_at(path_, mark.line + 1, mark.column + 1,
                    "nested deeper than " + std::to_string(max_yaml_depth) + " levels");
        YamlValue value;
        value.kind = kind;
        value.flow = style == YAML::EmitterStyle::Flow;
        place(value, mark);
        stack_.push_back(std::move(value));
        pending_key_.push_back(std::nullopt);
        key_lines_.emplace_back();
    }

    void close() {
        YamlValue done = std::move(stack_.back());
        stack_.pop_back();
        pending_key_.pop_back();
        key_lines_.pop_back();
        add(std::move(done));
    }

    // Attaches a finished value to the open collection, or makes it the document.
    void add(YamlValue value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return;
        }
        YamlValue& parent = stack_.back();
        if (parent.kind == YamlValue::Kind::sequence) {
            parent.items.push_back(std::move(value));
            return;
        }
        auto& key = pending_key_.back();
        if (!key) {
            if (value.kind != YamlValue::Kind::scalar)
                fail_at(path_, value.line, value.column, "keys must be plain text");
            const auto [first, added] = key_lines_.back().emplace(value.text, value.line);
            if (!added)
                fail_at(path_, value.line, value.column,
                        "duplicate key '" + value.text + "' (first at line " + std::to_string(first->second) + ")");
            key = std::move(value);
            return;
        }
        // yaml-cpp reads a lone word in a block map ("what:on", "log") as a key whose null
        // value sits at the key's own mark; a real "key:" puts the null after the colon.
        if (value.kind == YamlValue::Kind::null && value.line == key->line && value.column == key->column &&
            !ends_with_colon(key->line, key->column)) {
            // In a '[' or '{' that the file never closes, yaml-cpp reads the last word as a key.
            const bool in_flow = std::any_of(stack_.begin(), stack_.end(), [](const YamlValue& v) { return v.flow; });
            if (const auto open = in_flow ? open_bracket_before(bytes_, {key->line, key->column}) : std::nullopt)
                fail_at(path_, open->line, open->column,
                        unclosed_bracket_message(bytes_[offset_of(open->line, open->column)]));
            fail_at(path_, key->line, key->column,
                    "'" + key->text.substr(0, 40) + "' is not 'key: value' (a missing ': ', with its space?)");
        }
        // yaml-cpp also takes "g:\n 0", a value under its key but not indented past it, and
        // fails once a key follows: refused, as other readers do.
        if (value.kind == YamlValue::Kind::scalar && !parent.flow && value.line > key->line && value.column <= key->column)
            fail_at(path_, value.line, value.column,
                    "the value of '" + key->text.substr(0, 40) + "' must be indented more than its key");
        parent.entries.push_back(YamlEntry{std::move(*key), std::move(value)});
        key.reset();
    }

public:
    int document_line_ = 0;

private:
    std::string_view bytes_;
    const std::string& path_;
    YamlValue root_;
    std::vector<YamlValue> stack_;
    std::vector<std::optional<YamlValue>> pending_key_;
    std::vector<std::unordered_map<std::string, int>> key_lines_;  // each open map's keys: a lookup, not a scan of them all
};

YamlValue read_yaml_afresh(std::string_view bytes, const std::string& path) {
    check_text_bytes(bytes, path);
    std::istringstream input{std::string(bytes)};
    TreeBuilder builder(bytes, path);
    try {
        YAML::Parser parser(input);
        if (!parser.HandleNextDocument(builder)) return {};
        // A second call is safe: yaml-cpp returns at once. LoadAll's loop is what never ends.
        TreeBuilder extra(bytes, path);
        if (parser.HandleNextDocument(extra))
            fail_at(path, extra.document_line_, 1, "more than one YAML document ('---'); a file holds one");
    } catch (const YAML::Exception& e) {
        TextPlace place{e.mark.line + 1, e.mark.column + 1};
        const std::string message = yaml_error_hint(e.msg, bytes, place);
        fail_at(path, place.line, place.column, message);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        fail_at(path, 0, 0, std::string("cannot read YAML: ") + e.what());
    }
    YamlValue root = builder.take();
    check_top_level_lines(bytes, root, path);
    return root;
}

// The texts read last on this thread, with what they read as. An edit reads one text several
// times (the store's check that it parses, the editor's own reading, the check of the result),
// and a copy of the tree costs a fraction of a reading. Only texts that read are kept, and what
// a text reads as depends on its bytes alone (the path only names it in errors). A large text
// is not kept: its copy would cost the reading of every other one.
struct RecentRead {
    std::string bytes;
    YamlValue root;
};
constexpr size_t recent_reads = 2;
constexpr size_t most_recent_bytes = 64 * 1024;
thread_local std::array<RecentRead, recent_reads> recent;
thread_local size_t next_recent = 0;

}  // namespace

YamlValue read_yaml(std::string_view bytes, const std::string& path) {
    for (const RecentRead& read : recent)
        if (!read.bytes.empty() && read.bytes == bytes) return read.root;
    YamlValue root = read_yaml_afresh(bytes, path);
    if (bytes.size() <= most_recent_bytes) {
        recent[next_recent] = {std::string(bytes), root};
        next_recent = (next_recent + 1) % recent_reads;
    }
    return root;
}

}  // namespace kith
