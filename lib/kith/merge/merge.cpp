// The structured merge of contact files. Each version is cut into parts that carry every byte
// (merge_parts.hpp): the lines before the first key, each top-level key with the comment and
// blank lines above it, the lines after the last key. A part one version changed takes that
// version's bytes; a list key both changed merges entry by entry (merge_lists.cpp); any other
// part both changed merges line by line, and is marked whole when that leaves a conflict. So a
// change either side made, a comment or a quote included, reaches the result or is marked.
// The result is then read again: a key that does not read as planned is marked instead.
#include "kith/merge/merge.hpp"

#include <set>
#include <unordered_map>

#include "kith/yaml/conflict_markers.hpp"
#include "kith/base/error.hpp"
#include "kith/merge/merge_lines.hpp"
#include "kith/merge/merge_lists.hpp"
#include "kith/merge/merge_parts.hpp"
#include "kith/merge/merge_text.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith {
namespace {

using merging::KeySpan;
using merging::Merged;
using merging::Side;
using Text = std::optional<std::string>;

const std::set<std::string, std::less<>> list_keys = {"log",   "followups", "dates",     "email",
                                                      "phone", "aka",       "interests", "tags"};

// The day field that keeps a list in order, or "".
std::string_view order_field(std::string_view key) {
    if (key == "log" || key == "dates") return "date";
    if (key == "followups") return "due";
    return "";
}

Text text_of(const Side& side, const KeySpan* key) { return key ? Text(side.text(*key)) : std::nullopt; }

// A part the three-way rule on bytes decides, or nullopt when both versions changed it differently.
std::optional<Merged> decided(const Text& base, const Text& ours, const Text& theirs, const KeySpan* ours_key,
                              const KeySpan* theirs_key) {
    const auto pick = [](const Text& text, const KeySpan* key) {
        Merged out;
        out.bytes = text.value_or("");
        out.present = key != nullptr;
        if (key) out.expect = identity(*key->value, "");
        return out;
    };
    if (ours == theirs || theirs == base) return pick(ours, ours_key);
    if (ours == base) return pick(theirs, theirs_key);
    return std::nullopt;
}

// A key both versions changed differently, marked whole; the lines above it stay outside the
// markers when both versions have the same.
Merged marked(const Side& ours, const KeySpan* ours_key, const Side& theirs, const KeySpan* theirs_key) {
    Merged out;
    out.conflicts = 1;
    const std::string lead_ours = ours_key ? ours.text(ours_key->from, ours_key->key) : "";
    const std::string lead_theirs = theirs_key ? theirs.text(theirs_key->from, theirs_key->key) : "";
    if (ours_key && theirs_key && lead_ours == lead_theirs) {
        out.bytes = lead_ours;
        merging::append_part(out.bytes, merging::conflict_region(ours.text(ours_key->key, ours_key->to),
                                                                 theirs.text(theirs_key->key, theirs_key->to)));
    } else {
        out.bytes = merging::conflict_region(text_of(ours, ours_key).value_or(""), text_of(theirs, theirs_key).value_or(""));
    }
    return out;
}

// Merges a list key entry by entry; nullopt when a version writes it in a way that is not taken apart.
std::optional<Merged> merge_list_key(const std::string& name, const Side& base, const Side& ours, const Side& theirs) {
    std::optional<merging::ListView> views[3];
    const Side* sides[3] = {&base, &ours, &theirs};
    for (int i = 0; i < 3; ++i) {
        const KeySpan* key = sides[i]->find(name);
        if (!key) continue;
        views[i] = merging::list_view(*sides[i], *key, name, order_field(name));
        if (!views[i]) return std::nullopt;
    }
    const auto view = [&](int i) { return views[i] ? &*views[i] : nullptr; };
    return merging::merge_list(order_field(name), view(0), view(1), view(2));
}

// A key both versions have, its comment and blank lines above it and its own lines merged
// apart (one side may have changed the lines above, the other the value); nullopt when both
// changed the same one and its lines do not merge.
std::optional<Merged> merge_apart(const Side& base, const KeySpan* b, const Side& ours, const KeySpan& o,
                                  const Side& theirs, const KeySpan& t) {
    const auto part = [](const Side& side, const KeySpan* key, bool above) -> Text {
        if (!key) return std::nullopt;
        return above ? side.text(key->from, key->key) : side.text(key->key, key->to);
    };
    Merged out;
    for (const bool above : {true, false}) {
        const Text pb = part(base, b, above), po = part(ours, &o, above), pt = part(theirs, &t, above);
        const KeySpan* from = po == pt || pt == pb ? &o : po == pb ? &t : nullptr;
        if (from) {
            merging::append_part(out.bytes, *(from == &o ? po : pt));
            if (!above) out.expect = identity(*from->value, "");
            continue;
        }
        const MergeResult lines = merge_lines(pb.value_or(""), *po, *pt);
        if (lines.conflicts) return std::nullopt;
        merging::append_part(out.bytes, lines.text);
    }
    return out;
}

// What one key becomes. `whole` marks it whole when both versions changed it.
Merged merge_key(const std::string& name, const Side& base, const Side& ours, const Side& theirs, bool whole, bool& pieced) {
    const KeySpan *b = base.find(name), *o = ours.find(name), *t = theirs.find(name);
    const Text bb = text_of(base, b), ob = text_of(ours, o), tb = text_of(theirs, t);
    if (auto plain = decided(bb, ob, tb, o, t)) return *plain;
    pieced = false;
    if (!whole) {
        if (list_keys.count(name))
            if (auto merged = merge_list_key(name, base, ours, theirs)) {
                pieced = merged->conflicts == 0;
                return *merged;
            }
        if (o && t && !list_keys.count(name))
            if (auto apart = merge_apart(base, b, ours, *o, theirs, *t)) {
                pieced = true;
                return *apart;
            }
        const MergeResult lines = merge_lines(bb.value_or(""), ob.value_or(""), tb.value_or(""));
        if (lines.conflicts == 0) {
            pieced = true;
            return Merged{lines.text, 0, true, std::nullopt};
        }
    }
    return marked(ours, o, theirs, t);
}

// Lines before the first key or after the last: by the three-way rule, else merged line by line.
Merged merge_around(const std::string& base, const std::string& ours, const std::string& theirs) {
    if (ours == theirs || theirs == base) return Merged{ours, 0, true, std::nullopt};
    if (ours == base) return Merged{theirs, 0, true, std::nullopt};
    const MergeResult lines = merge_lines(base, ours, theirs);
    return Merged{lines.text, lines.conflicts, true, std::nullopt};
}

// The merged text, and what each key of it must read as.
struct Assembly {
    std::string text;
    size_t conflicts = 0;
    std::vector<std::pair<std::string, Merged>> keys;
    std::vector<std::string> pieced;  // keys merged from pieces of both versions, without conflicts
};

// The keys of the result in order: ours', and each key only theirs has after the key it follows there.
std::vector<std::string> key_order(const Side& ours, const Side& theirs) {
    std::vector<std::vector<std::string>> after(ours.keys.size() + 1);
    size_t follows = 0;
    for (const auto& key : theirs.keys) {
        if (const auto at = ours.by_name.find(key.name); at != ours.by_name.end()) follows = at->second + 1;
        else after[follows].push_back(key.name);
    }
    std::vector<std::string> order;
    for (size_t i = 0; i <= ours.keys.size(); ++i) {
        order.insert(order.end(), after[i].begin(), after[i].end());
        if (i < ours.keys.size()) order.push_back(ours.keys[i].name);
    }
    return order;
}

Assembly assemble(const Side& base, const Side& ours, const Side& theirs, const std::set<std::string>& whole) {
    Assembly out;
    const auto add = [&](const Merged& part) {
        merging::append_part(out.text, part.bytes);
        out.conflicts += part.conflicts;
    };
    add(merge_around(base.text(0, base.preamble_end), ours.text(0, ours.preamble_end), theirs.text(0, theirs.preamble_end)));
    for (const auto& name : key_order(ours, theirs)) {
        bool pieced = false;
        Merged part = merge_key(name, base, ours, theirs, whole.count(name) > 0, pieced);
        if (pieced) out.pieced.push_back(name);
        add(part);
        out.keys.emplace_back(name, std::move(part));
    }
    const auto tail = [](const Side& side) { return side.text(side.tail_from, side.file.lines.size()); };
    add(merge_around(tail(base), tail(ours), tail(theirs)));
    return out;
}

// Returns the keys that do not read as planned. Throws an Error when the result (each side of
// its conflicts) does not read at all.
std::set<std::string> misread(const Assembly& merged, const std::string& path) {
    const std::string text = merged.conflicts ? pick_conflict_side(merged.text, true) : merged.text;
    const YamlValue root = read_yaml(text, path);
    if (merged.conflicts) read_yaml(pick_conflict_side(merged.text, false), path);
    std::unordered_map<std::string_view, const YamlValue*> values;  // not root.find: n keys would take n^2
    for (const auto& entry : root.entries) values.emplace(entry.key.text, &entry.value);
    std::set<std::string> wrong;
    for (const auto& [name, part] : merged.keys) {
        if (part.conflicts) continue;
        const auto found = values.find(name);
        const YamlValue* value = found == values.end() ? nullptr : found->second;
        if (!part.present ? value != nullptr : part.expect && (!value || identity(*value, "") != *part.expect))
            wrong.insert(name);
    }
    return wrong;
}

MergeResult merge_structured(std::string_view base_text, std::string_view ours_text, std::string_view theirs_text,
                             const std::string& path) {
    const Side base(base_text, path), ours(ours_text, path), theirs(theirs_text, path);
    std::set<std::string> whole;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Assembly merged = assemble(base, ours, theirs, whole);
        std::set<std::string> wrong;
        try {
            wrong = misread(merged, path);
        } catch (const Error&) {
            if (merged.pieced.empty()) throw;
            wrong.insert(merged.pieced.begin(), merged.pieced.end());  // the pieced keys are marked whole
        }
        if (wrong.empty()) {
            MergeResult result;
            result.text = merged.text;
            result.conflicts = merged.conflicts;
            return result;
        }
        whole.insert(wrong.begin(), wrong.end());
    }
    fail_at(path, 0, 0, "the merge does not read as planned");
}

// True for a version that holds no key: no common version (git gives an empty one for a file
// added on both sides).
bool holds_no_key(std::string_view text, const std::string& path) {
    try {
        const YamlValue root = read_yaml(text, path);
        return root.kind == YamlValue::Kind::null || (root.kind == YamlValue::Kind::map && root.entries.empty());
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

MergeResult merge_contact_files(std::string_view base, std::string_view ours, std::string_view theirs,
                                const std::string& path) {
    MergeResult result;
    if (holds_no_key(base, path)) {
        result = merge_two_way(ours, theirs);
    } else {
        try {
            return merge_structured(base, ours, theirs, path);
        } catch (const Error&) {
            // An input that does not read, or a shape the merge does not take apart: merge the lines.
        }
        result = merge_lines(base, ours, theirs);
    }
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
