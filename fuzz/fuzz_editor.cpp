// libFuzzer target: every editor operation, undo's removals included, on arbitrary files. The
// first byte picks the operation and its arguments; the rest is the file. For a file that parses, an edit either
// refuses with kith::Error or yields a file that parses, in which every value the edit does
// not own reads as before and every comment line outside the edited value is still there.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/base/error.hpp"
#include "kith/edit/undo.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

// Two values read the same, wherever they stand in the file.
bool same(const kith::YamlValue& a, const kith::YamlValue& b) {
    if (a.kind != b.kind || a.text != b.text || a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!same(a.items[i], b.items[i])) return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
        if (a.entries[i].key.text != b.entries[i].key.text || !same(a.entries[i].value, b.entries[i].value)) return false;
    return true;
}

// Every top-level entry but `key` reads as before, in the same order.
void others_unchanged(const kith::YamlValue& before, const kith::YamlValue& after, const std::string& key) {
    std::vector<const kith::YamlEntry*> a, b;
    for (const auto& e : before.entries)
        if (e.key.text != key) a.push_back(&e);
    for (const auto& e : after.entries)
        if (e.key.text != key) b.push_back(&e);
    require(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) require(a[i]->key.text == b[i]->key.text && same(a[i]->value, b[i]->value));
}

// The lines of `after` include every comment line of `before` (not the text of a value that
// runs on, a block scalar's or a quoted one's), as often.
void comments_kept(const std::string& before, const std::string& after) {
    const auto comment_lines = [&](const std::string& text) {
        const kith::editing::Lines file(text);
        std::vector<std::string> out;
        for (size_t i = 0; i < file.lines.size(); ++i) {
            if (file.scalar[i]) continue;
            const std::string_view line = kith::editing::content(file.lines[i]);
            const size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos && line[first] == '#') out.emplace_back(line);
        }
        return out;
    };
    std::vector<std::string> left = comment_lines(after);
    for (const auto& line : comment_lines(before)) {
        bool found = false;
        for (auto& other : left) {
            if (other == line) {
                other.clear();
                other.push_back('\0');  // used up
                found = true;
                break;
            }
        }
        require(found);
    }
}

// The line of the first top-level key below `line`, or a line past the end of the file.
int next_key_line(const kith::YamlValue& file, int line) {
    int next = 1 << 30;
    for (const auto& e : file.entries)
        if (e.key.line > line) next = std::min(next, e.key.line);
    return next;
}

// `text` without its lines [from, to), counted from 1.
std::string without_lines(const std::string& text, int from, int to) {
    std::string out;
    int line = 1;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        if (line < from || line >= to) out.append(text, start, end - start);
        start = end;
        ++line;
    }
    return out;
}

// `text` without the keep indicators ('+') of block scalar headers ("|+", ">+", "|2+"): one that
// ends the file without a newline becomes '-' when an edit adds the newline, so that its text
// reads the same (the values are checked apart).
std::string without_keep_indicators(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool header = i > 0 && (text[i - 1] == '|' || text[i - 1] == '>' ||
                                      (i > 1 && text[i - 1] >= '1' && text[i - 1] <= '9' && (text[i - 2] == '|' || text[i - 2] == '>')));
        if (text[i] != '+' || !header) out += text[i];
    }
    return out;
}

const std::vector<std::string> keys = {"tier", "snooze", "notes", "log", "followups", "zz", "name"};
const std::vector<std::string> values = {"close", "2026-12-01", "\"a: b #c\"", "x", "[a, b]"};
const std::vector<std::string> items = {"{date: 2026-11-28, kind: call}", "{due: 2026-12-01, what: \"x?\"}",
                                        "{date: 2020-01-01}", "plain"};
const std::vector<std::string> list_items = {"x", "\"a, b] #c\"", "'q'", "\"\""};
const std::vector<std::string> list_texts = {"x", "a, b] #c", "q", ""};
const std::vector<std::string> whole_list = {"a: b", "#c", "x", "[y]"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    if (size < 1) return 0;
    const unsigned pick = data[0];
    // 3, 4: the list operations; 5, 6: the removals of undo
    const unsigned op = size > 1 && (data[1] & 1) ? 3 + pick % 4 : pick % 3;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    kith::YamlValue before;
    try {
        before = kith::read_yaml(text, "fuzz.yaml");
    } catch (const kith::Error&) {
        return 0;
    }
    if (before.kind != kith::YamlValue::Kind::map) return 0;
    const std::string& key = keys[(pick >> 2) % keys.size()];
    const kith::YamlValue* old = before.find(key);
    std::string after;
    try {
        switch (op) {
            case 3: after = kith::add_list_item(text, key, list_items[(pick >> 5) % list_items.size()], kith::canonical_keys(), "fuzz.yaml"); break;
            case 4: after = kith::set_list(text, key, whole_list, kith::canonical_keys()); break;
            case 5: after = kith::remove_item(text, key, (pick >> 5) % 3, "fuzz.yaml"); break;
            case 6: after = kith::remove_top_level(text, key, "fuzz.yaml"); break;
            case 0: after = kith::set_top_level(text, key, values[(pick >> 5) % values.size()], kith::canonical_keys()); break;
            case 1: after = kith::insert_item(text, key, items[(pick >> 5) % items.size()], std::string((pick & 0x80) ? "due" : "date"), kith::canonical_keys(), "fuzz.yaml"); break;
            default: after = kith::set_item_field(text, key, (pick >> 5) % 3, "done", "2026-11-28", "fuzz.yaml"); break;
        }
    } catch (const kith::Error&) {
        return 0;  // a refusal is fine
    }
    kith::YamlValue parsed;
    try {
        parsed = kith::read_yaml(after, "fuzz.yaml");
    } catch (const kith::Error&) {
        std::abort();  // an edit that broke a file is a bug
    }
    require(parsed.kind == kith::YamlValue::Kind::map || (op == 6 && parsed.kind == kith::YamlValue::Kind::null));
    others_unchanged(before, parsed, key);
    const kith::YamlValue* now = parsed.find(key);
    if (op == 6) {
        require(now == nullptr);
        return 0;
    }
    if (op == 5) {
        // One item fewer; the others read as before, in order.
        const size_t index = (pick >> 5) % 3;
        require(old && now && now->kind == kith::YamlValue::Kind::sequence && now->items.size() + 1 == old->items.size());
        for (size_t i = 0; i < now->items.size(); ++i) require(same(now->items[i], old->items[i < index ? i : i + 1]));
        return 0;
    }
    require(now != nullptr);
    if (op == 4) {
        require(now->kind == kith::YamlValue::Kind::sequence && now->items.size() == whole_list.size());
        for (size_t i = 0; i < whole_list.size(); ++i) require(now->items[i].text == whole_list[i]);
    }
    if (op == 0 || op == 4) {
        require(now->kind == kith::YamlValue::Kind::scalar || now->kind == kith::YamlValue::Kind::sequence);
        comments_kept(text, after);
        return 0;
    }
    comments_kept(text, after);
    // Adding takes nothing away but an empty value ("[ ]", "~", "null") and blanks: the rest of
    // the old text is still there, in order. A text that becomes the list's first item may be
    // quoted anew (U+0087 is written as "\x87"), and an empty one ('') goes, so its own lines
    // are left out of that check.
    const bool old_is_text = op == 3 && old && old->kind == kith::YamlValue::Kind::scalar;
    const std::string kept =
        without_keep_indicators(old_is_text ? without_lines(text, old->line, next_key_line(before, old->line)) : text);
    const std::string_view removable = " \t\r\n[]~nulNUL";
    size_t j = 0;
    for (const char c : kept) {
        if (removable.find(c) != std::string_view::npos) {
            if (j < after.size() && after[j] == c) ++j;
            continue;
        }
        j = after.find(c, j);
        require(j != std::string::npos);
        ++j;
    }
    require(now->kind == kith::YamlValue::Kind::sequence);
    const size_t old_count = old && old->kind == kith::YamlValue::Kind::sequence ? old->items.size() : 0;
    if (op == 3) {
        // One item more, at the end: an old list keeps its items, an old text becomes the first.
        const bool was_text = old && old->kind == kith::YamlValue::Kind::scalar && !old->text.empty();
        require(now->items.size() == old_count + (was_text ? 2 : 1));
        for (size_t i = 0; i < old_count; ++i) require(same(now->items[i], old->items[i]));
        if (was_text) require(now->items[0].text == old->text);
        require(now->items.back().text == list_texts[(pick >> 5) % list_items.size()]);
        return 0;
    }
    if (op == 1) {
        // One item more; the others read as before, in order.
        require(now->items.size() == old_count + 1);
        size_t skipped = 0;
        for (size_t i = 0, j = 0; i < now->items.size(); ++i) {
            if (j < old_count && same(now->items[i], old->items[j])) ++j;
            else ++skipped;
        }
        require(skipped == 1);
        return 0;
    }
    // One field set on one item: every other item as before, that item gains `done` only.
    require(old && now->items.size() == old->items.size());
    const size_t index = (pick >> 5) % 3;
    for (size_t i = 0; i < old->items.size(); ++i) {
        if (i != index) {
            require(same(old->items[i], now->items[i]));
            continue;
        }
        const kith::YamlValue& was = old->items[i];
        const kith::YamlValue& is = now->items[i];
        require(is.kind == kith::YamlValue::Kind::map);
        const kith::YamlValue* done = is.find("done");
        require(done && done->text == "2026-11-28");
        size_t other = 0;
        for (const auto& e : is.entries) {
            if (e.key.text == "done") continue;
            const kith::YamlValue* prior = was.find(e.key.text);
            require(prior && same(*prior, e.value));
            ++other;
        }
        require(other + (was.find("done") ? 1 : 0) == was.entries.size());
    }
    return 0;
}
