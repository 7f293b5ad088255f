#pragma once
// Shapes the editor refuses before it edits: files where its model of lines and keys would
// not match what the reader reads, so that an edit could break the file. Internal to editor*.cpp.
#include <functional>
#include <string>
#include <string_view>

#include "kith/edit/editor_lines.hpp"
#include "kith/yaml/yaml_value.hpp"

namespace kith::editing {

// A file about to be edited: what the reader reads of it, and its lines.
struct EditedFile {
    YamlValue root;
    Lines file;
};

// Reads a file to edit. Throws an invalid-file Error unless the reader's top-level keys are
// exactly the lines that key_at reads as keys (outside a value's text), each at the start of its
// line, with the same text.
EditedFile open_for_edit(std::string_view text, const std::string& path);

// What an edit meant for its key: given the key's value before (nullptr when it had none) and
// after (nullptr when it has none), true when the change is the one the edit set out to make.
using AsMeant = std::function<bool(const YamlValue* before, const YamlValue* after)>;

// Reads an edit's result and refuses it, with an invalid-file Error, unless every top-level
// value but `key`'s reads as in `before`, in the same order, and `key`'s passes `as_meant`.
// The editor's own model of lines can be fooled by text it did not foresee; the reader is the
// judge, so that no edit silently changes a value it does not own. Returns `after`.
std::string checked_edit(const YamlValue& before, std::string after, std::string_view key, const std::string& path,
                         const AsMeant& as_meant);

// As meant for a list that gains one item: every old item reads as before, in order, with one more among them.
bool one_item_more(const YamlValue* before, const YamlValue* after);
// As meant for a list that gains `count` items: every old item reads as before, in order, with
// `count` more among them.
bool items_more(const YamlValue* before, const YamlValue* after, size_t count);

// True for a value that YAML reads as plain text (not quoted, not a flow list or map).
bool is_plain(std::string_view value);

// Throws an invalid-file Error when a plain value written on line `at` would run into a line
// indented with a tab: yaml-cpp reads the lines after a plain value as its continuation, up to
// the first that is not blank, and fails on a tab in their indentation.
void check_no_tab_after(const Lines& file, size_t at, const std::string& path);

}  // namespace kith::editing
