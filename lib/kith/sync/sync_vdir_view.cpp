#include "kith/sync/sync_vdir_view.hpp"

#include <algorithm>
#include <set>

#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/model/fields.hpp"
#include "kith/interchange/interchange.hpp"
#include "kith/edit/undo.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

bool holds(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A set's three-way merge: kith's order, then what the card added; what one side removed goes.
std::vector<std::string> merge_set(const std::vector<std::string>* base, const std::vector<std::string>& kith,
                                   const std::vector<std::string>& card) {
    std::vector<std::string> out;
    const auto keep = [&](const std::string& item, const std::vector<std::string>& other) {
        if (holds(out, item)) return;
        const bool was_there = base && holds(*base, item);
        if (holds(other, item) || !was_there) out.push_back(item);  // in both, or added on this side
    };
    for (const auto& item : kith) keep(item, card);
    for (const auto& item : card) keep(item, kith);
    return out;
}

// "DAY what" as a yearly date.
std::optional<YearlyDate> date_entry(const std::string& text) {
    const size_t space = text.find(' ');
    const auto day = parse_month_day(text.substr(0, space));
    if (!day) return std::nullopt;
    return YearlyDate{*day, space == std::string::npos ? "" : text.substr(space + 1)};
}

}  // namespace

const std::vector<std::string>& synced_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& field : contact_fields())
            if (*field.vcard && std::string_view(field.key) != "uid") out.emplace_back(field.key);
        out.emplace_back("assistant");  // RELATED / X-ABRELATEDNAMES: read by contact_from_card
        return out;
    }();
    return keys;
}

bool merges_as_set(std::string_view key) {
    const Field* field = find_field(key);
    return field && (field->kind == FieldKind::text_list || field->kind == FieldKind::entries);
}

SyncView sync_view(const Contact& contact) {
    SyncView view;
    for (const auto& key : synced_keys()) {
        const Field& field = *find_field(key);
        std::vector<std::string> values;
        for (auto& text : field_texts(field, contact)) {
            // A note's last line breaks are YAML's (a block scalar), never written to a card.
            std::string value = key == "notes" ? text.substr(0, text.find_last_not_of("\r\n") + 1) : trim_blanks(text);
            if (!value.empty() && !holds(values, value)) values.push_back(std::move(value));
        }
        if (!values.empty()) view[key] = std::move(values);
    }
    return view;
}

std::vector<std::string> changed_keys(const SyncView& a, const SyncView& b) {
    std::vector<std::string> out;
    for (const auto& key : synced_keys()) {
        auto x = a.count(key) ? a.at(key) : std::vector<std::string>{};
        auto y = b.count(key) ? b.at(key) : std::vector<std::string>{};
        if (merges_as_set(key)) {
            std::sort(x.begin(), x.end());
            std::sort(y.begin(), y.end());
        }
        if (x != y) out.push_back(key);
    }
    return out;
}

SyncView agreed_on(SyncView view) {
    for (const auto& key : synced_keys()) view.try_emplace(key);
    return view;
}

SyncMerge merge_sync_views(const std::optional<SyncView>& base, const SyncView& kith, const SyncView& card) {
    static const std::vector<std::string> none;
    const auto get = [](const SyncView& view, const std::string& key) -> const std::vector<std::string>& {
        const auto found = view.find(key);
        return found == view.end() ? none : found->second;
    };
    SyncMerge out;
    for (const auto& key : synced_keys()) {
        const auto& k = get(kith, key);
        const auto& c = get(card, key);
        // A key the base lacks is unknown (never agreed on): a difference there is a conflict.
        const std::vector<std::string>* b = base && base->count(key) ? &base->at(key) : nullptr;
        std::vector<std::string> to_kith = k, to_card = c, agreed;
        bool conflict = false;
        if (merges_as_set(key)) {
            to_kith = to_card = agreed = merge_set(b, k, c);
        } else if (k == c) {
            agreed = k;
        } else if (b && *b == k) {
            to_kith = agreed = c;
        } else if (b && *b == c) {
            to_card = agreed = k;
        } else {
            conflict = true;
            out.conflicts.push_back({key, k, c});
            if (b) agreed = *b;
        }
        if (!to_kith.empty()) out.to_kith[key] = std::move(to_kith);
        if (!to_card.empty()) out.to_card[key] = std::move(to_card);
        if (!conflict || b) out.base[key] = std::move(agreed);  // an empty value agreed on is kept too
    }
    return out;
}

void apply_sync_view(const SyncView& view, Contact& contact) {
    for (const auto& key : synced_keys()) {
        const Field& field = *find_field(key);
        const auto found = view.find(key);
        const std::vector<std::string> values = found == view.end() ? std::vector<std::string>{} : found->second;
        if (field.text) contact.*field.text = values.empty() ? "" : values.front();
        if (field.list) contact.*field.list = values;
        if (field.yearly) contact.*field.yearly = values.empty() ? std::nullopt : parse_month_day(values.front());
        if (field.dates) {
            (contact.*field.dates).clear();
            for (const auto& value : values)
                if (auto entry = date_entry(value)) (contact.*field.dates).push_back(*entry);
        }
    }
}

std::string edit_to_view(std::string_view text, const SyncView& have, const SyncView& want, const Contact& contact,
                         const std::string& path) {
    std::string out(text);
    for (const auto& key : changed_keys(have, want)) {
        const auto h = have.count(key) ? have.at(key) : std::vector<std::string>{};
        const auto w = want.count(key) ? want.at(key) : std::vector<std::string>{};
        const Field& field = *find_field(key);
        if (w.empty() && field.kind != FieldKind::entries) {
            out = remove_top_level(out, key, path);
        } else if (field.kind == FieldKind::text) {
            out = set_top_level(out, key, yaml_scalar(w.front()), canonical_keys(), path);
        } else if (field.kind == FieldKind::yearly_date) {
            out = set_top_level(out, key, w.front(), canonical_keys(), path);
        } else if (field.kind == FieldKind::text_list) {
            const bool only_added = std::all_of(h.begin(), h.end(), [&](const std::string& item) { return holds(w, item); });
            std::vector<std::string> added;
            for (const auto& item : w)
                if (!holds(h, item)) added.push_back(yaml_scalar(item));
            out = only_added ? add_list_items(out, key, added, canonical_keys(), path) : set_list(out, key, w, canonical_keys());
        } else {  // dates: the entries removed, from the last, then the new ones
            const auto entries = field_texts(field, contact);
            for (size_t i = entries.size(); i-- > 0;)
                if (!holds(w, entries[i])) out = remove_item(out, key, i, path);
            std::vector<std::string> added;
            for (const auto& item : w)
                if (!holds(entries, item))
                    if (auto entry = date_entry(item)) added.push_back(yearly_date_line(*entry));
            if (!added.empty()) out = insert_items(out, key, added, canonical_keys(), path);
        }
    }
    return out;
}

}  // namespace kith
