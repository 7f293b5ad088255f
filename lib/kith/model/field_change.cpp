#include "kith/model/field_change.hpp"

#include <algorithm>

#include "kith/base/error.hpp"
#include "kith/base/text.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/edit/undo.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

using K = FieldKind;

// The item of `list` that is `item` ignoring case and accents, or nullptr.
const std::string* same_item(const std::vector<std::string>& list, const std::string& item) {
    const std::string wanted = fold(item);
    for (const auto& other : list)
        if (fold(other) == wanted) return &other;
    return nullptr;
}

// Returns what the change does to `text`, with its words, or nothing when it changes nothing.
std::string apply_one(const std::string& text, const FieldChange& change, const Config& config, const std::string& path,
                      std::vector<std::string>& done) {
    const Field& field = *change.field;
    const std::string key = field.key;
    const Contact now = parse_contact(text, path, config);
    switch (change.op) {
        case FieldChange::Op::clear:
            if (!field_is_set(field, now)) return text;
            done.push_back("no " + key);
            return remove_top_level(text, key, path);
        case FieldChange::Op::set: {
            std::string out = set_top_level(text, key, change.value, canonical_keys(), path);
            const Contact after = parse_contact(out, path, config);
            if (field_is_set(field, now) && field_equal(field, now, after)) return text;
            const auto texts = field_texts(field, after);
            done.push_back(key + " '" + (texts.empty() ? "" : texts.front()) + "'");
            return out;
        }
        case FieldChange::Op::add:
            if (same_item(now.*field.list, change.value)) return text;
            done.push_back(key + " +" + change.value);
            return add_list_item(text, key, yaml_scalar(change.value), canonical_keys(), path);
        case FieldChange::Op::remove: {
            const std::string* held = same_item(now.*field.list, change.value);
            if (!held) return text;
            done.push_back(key + " -" + *held);
            return remove_list_items(text, key, {*held}, canonical_keys(), path);
        }
    }
    return text;
}

}  // namespace

std::vector<const Field*> settable_fields() {
    std::vector<const Field*> out;
    for (const auto& field : contact_fields())
        if (field.kind != K::entries) out.push_back(&field);
    return out;
}

std::string set_option(const Field& field) {
    if (*field.option) return field.option;
    std::string out = std::string("--") + field.key;
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

FieldChange clear_field(const Field& field) {
    if (std::string_view(field.key) == "name") fail_usage("--no-name: every person needs a name; give --name NEW instead");
    return FieldChange{&field, FieldChange::Op::clear, ""};
}

FieldChange read_field_change(const Field& field, std::string_view typed, Day today, const Config& config) {
    const std::string option = set_option(field);
    const std::string value(typed);
    const auto refuse = [&](const std::string& what) -> FieldChange {
        fail_usage(option + ": '" + value + "' is not " + what);
    };
    switch (field.kind) {
        case K::text:
            if (value.empty()) fail_usage(option + ": give a text, or --no-" + option.substr(2) + " to remove it");
            if (std::string_view(field.key) == "tier") config.require_tier(value);
            return {&field, FieldChange::Op::set, yaml_scalar(value)};
        case K::text_list: {
            FieldChange::Op op = FieldChange::Op::add;
            std::string item = value;
            if (item.starts_with('+') || item.starts_with('-')) {
                op = item.front() == '-' ? FieldChange::Op::remove : FieldChange::Op::add;
                item.erase(0, 1);
            }
            if (item.empty()) refuse("an item: write +ITEM to add it, -ITEM to remove it");
            return {&field, op, item};
        }
        case K::date: {
            // A bare duration or weekday: ago for `since` (as add --since reads it), ahead for the others.
            const Direction way = std::string_view(field.key) == "since" ? Direction::past : Direction::future;
            return {&field, FieldChange::Op::set, format_day(parse_cli_day(value, today, way))};
        }
        case K::yearly_date:
            if (const auto day = parse_month_day(value)) return {&field, FieldChange::Op::set, format_month_day(*day)};
            return refuse("a day: YYYY-MM-DD, or --MM-DD / MM-DD without the year");
        case K::duration:
            if (const auto duration = parse_duration(value)) {
                add_cli_duration(today, *duration, option);
                return {&field, FieldChange::Op::set, duration->text()};
            }
            return refuse("a duration such as 30d, 2w, 3m or 1y (at most 9999y)");
        case K::entries: break;
    }
    fail_usage(option + ": '" + field.key + "' has its own command");
}

std::string apply_field_changes(std::string_view text, const std::vector<FieldChange>& changes, const Config& config,
                                const std::string& path, std::vector<std::string>& done) {
    std::string out(text);
    for (const auto& change : changes) out = apply_one(out, change, config, path, done);
    return out;
}

}  // namespace kith
