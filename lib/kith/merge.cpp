// The structured merge of contact files: each top-level key of BASE, OURS and THEIRS is merged
// on its own, and the changes THEIRS brings are applied to OURS by surgical edits. The text is
// read again after every edit, so that each edit works from fresh places.
#include "kith/merge.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "kith/editor.hpp"
#include "kith/error.hpp"
#include "kith/merge_text.hpp"
#include "kith/yaml_reader.hpp"

namespace kith {
namespace {

const std::set<std::string, std::less<>> list_keys = {"log",   "followups", "dates",     "email",
                                                      "phone", "aka",       "interests", "tags"};

// How a list's entries are kept in order when one is added: by this day field.
std::optional<std::string> order_field(std::string_view key) {
    if (key == "log" || key == "dates") return std::string("date");
    if (key == "followups") return std::string("due");
    return std::nullopt;
}

// The entries of a list key: a lone scalar is a list of one (as the schema reads it); a map is no list.
std::optional<std::vector<YamlValue>> as_list(const YamlValue* value) {
    if (!value || value->kind == YamlValue::Kind::null) return std::vector<YamlValue>{};
    if (value->kind == YamlValue::Kind::sequence) return value->items;
    if (value->kind == YamlValue::Kind::scalar) return std::vector<YamlValue>{*value};
    return std::nullopt;
}

// A follow-up is the same promise whether or not it is done.
std::string entry_id(std::string_view key, const YamlValue& item) {
    return identity(item, key == "followups" ? "done" : "");
}

const YamlValue* done_of(const YamlValue& item) {
    const YamlValue* done = item.kind == YamlValue::Kind::map ? item.find("done") : nullptr;
    return done && done->kind != YamlValue::Kind::null ? done : nullptr;  // "done: ~" is still open
}

// What a list becomes: which of OURS' entries stay, which of THEIRS' are added, which
// of OURS' follow-ups take THEIRS' `done`.
struct ListPlan {
    std::vector<bool> keep;                                   // per entry of OURS
    std::vector<YamlValue> added;                             // from THEIRS
    std::vector<std::pair<size_t, YamlValue>> mark_done;      // OURS' index, THEIRS' `done`
    bool changes() const {
        return !added.empty() || !mark_done.empty() || std::find(keep.begin(), keep.end(), false) != keep.end();
    }
};

ListPlan plan_list(std::string_view key, const std::vector<YamlValue>& base, const std::vector<YamlValue>& ours,
                   const std::vector<YamlValue>& theirs) {
    std::map<std::string, long> in_base, in_ours, in_theirs;
    for (const auto& item : base) ++in_base[entry_id(key, item)];
    for (const auto& item : ours) ++in_ours[entry_id(key, item)];
    for (const auto& item : theirs) ++in_theirs[entry_id(key, item)];
    const auto wanted = [&](const std::string& id) {
        const long b = in_base[id], o = in_ours[id], t = in_theirs[id];
        if (o == b) return t;
        if (t == b) return o;
        return std::max(o, t);  // changed on both sides: an entry added on both is there once
    };
    ListPlan plan;
    plan.keep.assign(ours.size(), true);
    std::map<std::string, long> seen;
    for (size_t i = 0; i < ours.size(); ++i) {
        const std::string id = entry_id(key, ours[i]);
        if (++seen[id] > wanted(id)) plan.keep[i] = false;
    }
    std::map<std::string, long> taken;
    for (const auto& item : theirs) {
        const std::string id = entry_id(key, item);
        if (seen[id] + taken[id] < wanted(id)) {
            ++taken[id];
            plan.added.push_back(item);
        }
    }
    if (key != "followups") return plan;
    // A follow-up done on their side, open on ours and in the base, is done.
    std::map<std::string, const YamlValue*> done_base, done_theirs;
    for (const auto& item : base)
        if (const YamlValue* done = done_of(item)) done_base[entry_id(key, item)] = done;
    for (const auto& item : theirs)
        if (const YamlValue* done = done_of(item)) done_theirs[entry_id(key, item)] = done;
    for (size_t i = 0; i < ours.size(); ++i) {
        const std::string id = entry_id(key, ours[i]);
        if (!plan.keep[i] || done_of(ours[i]) || !done_theirs.count(id) || done_base.count(id)) continue;
        plan.mark_done.emplace_back(i, *done_theirs[id]);
    }
    return plan;
}

YamlValue read_root(std::string_view text, const std::string& path) {
    YamlValue root = read_yaml(text, path);
    if (root.kind == YamlValue::Kind::null) root.kind = YamlValue::Kind::map;
    if (root.kind != YamlValue::Kind::map) fail_at(path, root.line, root.column, "a contact file is a map");
    return root;
}

// Applies a list plan to the text of OURS.
std::string apply_list(std::string text, std::string_view key, const ListPlan& plan, const std::string& path) {
    const YamlValue root = read_root(text, path);
    const YamlValue* value = root.find(key);
    const bool block = value && value->kind == YamlValue::Kind::sequence && !value->flow;
    const bool empty = !value || value->kind == YamlValue::Kind::null ||
                       (value->kind == YamlValue::Kind::sequence && value->items.empty());
    if (!block && !empty) {
        // A flow list or a lone scalar is written again whole, as one flow list.
        std::vector<YamlValue> items = *as_list(value);
        std::vector<YamlValue> result;
        for (size_t i = 0; i < items.size(); ++i) {
            if (!plan.keep[i]) continue;
            result.push_back(items[i]);
            for (const auto& [index, done] : plan.mark_done)
                if (index == i) result.back() = with_field(result.back(), "done", done);
        }
        result.insert(result.end(), plan.added.begin(), plan.added.end());
        if (const auto field = order_field(key)) sort_by_day(result, *field);
        return set_top_level(text, key, flow_list_text(result));
    }
    if (block) {
        for (const auto& [index, done] : plan.mark_done)
            text = set_item_field(text, key, index, "done", flow_text(done), path);
        const YamlValue fresh = *read_root(text, path).find(key);
        std::vector<std::pair<size_t, size_t>> drop;
        for (size_t i = plan.keep.size(); i-- > 0;)
            if (!plan.keep[i]) drop.push_back(item_lines(text, fresh, i));
        for (const auto& [from, to] : drop) text = erase_lines(text, from, to);
    }
    for (const auto& item : plan.added) text = insert_item(text, key, flow_text(item), order_field(key), path);
    return text;
}

// Replaces (or adds, or removes) OURS' whole key with THEIRS' lines for it.
std::string take_theirs(std::string text, std::string_view key, std::string_view theirs, const std::string& path) {
    const YamlValue their_root = read_root(theirs, path);
    const bool in_theirs = their_root.find(key) != nullptr;
    bool in_ours = read_root(text, path).find(key) != nullptr;
    if (!in_theirs && !in_ours) return text;
    if (!in_ours) text = set_top_level(text, key, "~");
    const auto [from, to] = key_lines(text, read_root(text, path), key);
    std::string replacement;
    if (in_theirs) {
        const auto [their_from, their_to] = key_lines(theirs, their_root, key);
        replacement = line_range(theirs, their_from, their_to);
        if (!replacement.ends_with('\n')) replacement += '\n';
    }
    return replace_lines(text, from, to, replacement);
}

// Marks the keys both sides changed differently, bottom up so that earlier places hold.
std::string mark_conflicts(std::string text, const std::vector<std::string>& keys, std::string_view theirs,
                           const std::string& path) {
    std::set<std::string> placeholders;  // keys only theirs has stand in ours as "key: ~" until marked
    for (const auto& key : keys)
        if (!read_root(text, path).find(key)) {
            text = set_top_level(text, key, "~");
            placeholders.insert(key);
        }
    const YamlValue root = read_root(text, path);
    const YamlValue their_root = read_root(theirs, path);
    std::vector<std::pair<std::pair<size_t, size_t>, std::string>> regions;
    for (const auto& key : keys) {
        const auto ours_at = key_lines(text, root, key);
        std::string ours_side = placeholders.count(key) ? "" : line_range(text, ours_at.first, ours_at.second);
        std::string theirs_side;
        if (their_root.find(key)) {
            const auto at = key_lines(theirs, their_root, key);
            theirs_side = line_range(theirs, at.first, at.second);
        }
        for (std::string* side : {&ours_side, &theirs_side})
            if (!side->empty() && !side->ends_with('\n')) *side += '\n';
        regions.push_back({ours_at, "<<<<<<< ours\n" + ours_side + "=======\n" + theirs_side + ">>>>>>> theirs\n"});
    }
    std::sort(regions.begin(), regions.end(), [](const auto& x, const auto& y) { return x.first.first > y.first.first; });
    for (const auto& [at, marked] : regions) text = replace_lines(text, at.first, at.second, marked);
    return text;
}

MergeResult merge_structured(std::string_view base_text, std::string_view ours_text, std::string_view theirs_text,
                             const std::string& path) {
    const YamlValue base = read_root(base_text, path), ours = read_root(ours_text, path),
                    theirs = read_root(theirs_text, path);
    std::vector<std::string> keys;
    for (const YamlValue* root : {&ours, &theirs, &base})
        for (const auto& entry : root->entries)
            if (std::find(keys.begin(), keys.end(), entry.key.text) == keys.end()) keys.push_back(entry.key.text);
    std::string text(ours_text);
    std::vector<std::string> conflicts;
    for (const auto& key : keys) {
        const YamlValue *b = base.find(key), *o = ours.find(key), *t = theirs.find(key);
        if (list_keys.count(key)) {
            const auto lb = as_list(b), lo = as_list(o), lt = as_list(t);
            if (lb && lo && lt) {
                const ListPlan plan = plan_list(key, *lb, *lo, *lt);
                if (plan.changes()) text = apply_list(text, key, plan, path);
                continue;
            }
        }
        const std::string ib = b ? identity(*b, "") : "", io = o ? identity(*o, "") : "",
                          it = t ? identity(*t, "") : "";
        if (io == it || it == ib) continue;
        if (io == ib) text = take_theirs(text, key, theirs_text, path);
        else conflicts.push_back(key);
    }
    read_root(text, path);  // the clean part must read before any marker goes in
    MergeResult result;
    if (!conflicts.empty()) text = mark_conflicts(text, conflicts, theirs_text, path);
    result.text = std::move(text);
    result.conflicts = conflicts.size();
    return result;
}

}  // namespace

MergeResult merge_contact_files(std::string_view base, std::string_view ours, std::string_view theirs,
                                const std::string& path) {
    try {
        return merge_structured(base, ours, theirs, path);
    } catch (const Error&) {
        // An input that does not read, or a shape the editor will not touch: merge the lines.
    }
    MergeResult result = merge_lines(base, ours, theirs);
    if (result.conflicts == 0) {
        try {
            read_yaml(result.text, path);
        } catch (const Error&) {
            result.parses = false;
        }
    }
    return result;
}

}  // namespace kith
