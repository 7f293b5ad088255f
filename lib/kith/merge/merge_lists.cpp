// The merge of a list key that both versions changed, entry by entry and byte for byte: every
// entry, comment and blank line either version added reaches the result, or is marked.
#include "kith/merge/merge_lists.hpp"

#include <algorithm>
#include <unordered_map>

#include "kith/model/interaction.hpp"

namespace kith::merging {
namespace {

using Text = std::optional<std::string>;

enum class Take { ours, theirs, conflict };

// The three-way rule on bytes: a version that changed a part wins over one that did not.
Take take(const Text& base, const Text& ours, const Text& theirs) {
    if (ours == theirs || theirs == base) return Take::ours;
    if (ours == base) return Take::theirs;
    return Take::conflict;
}

Text bytes_of(const ListEntry* entry) { return entry ? Text(entry->bytes) : std::nullopt; }

// An entry of the result: the version each side of it shows (the same one unless marked).
struct Slot {
    const ListEntry* ours = nullptr;
    const ListEntry* theirs = nullptr;
    bool conflict = false;
};

Slot slot_of(const ListEntry* base, const ListEntry* ours, const ListEntry* theirs) {
    switch (take(bytes_of(base), bytes_of(ours), bytes_of(theirs))) {
        case Take::ours: return {ours, ours, false};
        case Take::theirs: return {theirs, theirs, false};
        case Take::conflict: break;
    }
    return {ours, theirs, true};
}

// Each entry's id with its rank among equal ones, so that the n-th pairs with the n-th.
std::unordered_map<std::string, size_t> ranked(const ListView& view, std::vector<std::string>& keys) {
    std::unordered_map<std::string, size_t> count, at;
    for (size_t i = 0; i < view.entries.size(); ++i) {
        keys.push_back(view.entries[i].id + '\x1e' + std::to_string(count[view.entries[i].id]++));
        at[keys.back()] = i;
    }
    return at;
}

const ListEntry* entry_at(const ListView& view, const std::unordered_map<std::string, size_t>& at, const std::string& key) {
    const auto found = at.find(key);
    return found == at.end() ? nullptr : &view.entries[found->second];
}

// The log entries a version added (those the base lacks), sorted by day.
std::vector<const LogEntry*> new_log_entries(const ListView& base, const std::unordered_map<std::string, size_t>& at_base,
                                             const ListView& view, const std::vector<std::string>& keys) {
    std::vector<const LogEntry*> out;
    for (size_t i = 0; i < view.entries.size(); ++i)
        if (view.entries[i].log && !entry_at(base, at_base, keys[i])) out.push_back(&*view.entries[i].log);
    std::sort(out.begin(), out.end(), [](const LogEntry* x, const LogEntry* y) { return x->date < y->date; });
    return out;
}

// Returns true when `entry`, a plain log entry, records a contact one of `others` (sorted by day)
// records already (logs_same_contact): an `email` of a day both versions synced, say, with a
// subject on one side and none on the other.
bool recorded_already(const ListEntry& entry, const std::vector<const LogEntry*>& others) {
    if (!entry.plain) return false;
    auto at = std::lower_bound(others.begin(), others.end(), entry.log->date,
                               [](const LogEntry* e, Day day) { return e->date < day; });
    for (; at != others.end() && (*at)->date == entry.log->date; ++at)
        if (logs_same_contact(**at, *entry.log)) return true;
    return false;
}

// The entries of the result in order: ours' (those kept), and around them the ones only theirs
// has, each before the first of ours with a later day (ordered lists), else after the entry it
// follows in theirs. n log n in the entries.
std::vector<Slot> plan_entries(std::string_view order_field, const ListView& b, const ListView& o, const ListView& t) {
    std::vector<std::string> kb, ko, kt;
    const auto at_b = ranked(b, kb), at_o = ranked(o, ko), at_t = ranked(t, kt);
    std::vector<Slot> kept;
    for (size_t i = 0; i < o.entries.size(); ++i)
        kept.push_back(slot_of(entry_at(b, at_b, ko[i]), &o.entries[i], entry_at(t, at_t, ko[i])));
    std::vector<std::string> latest(o.entries.size());  // the latest day of ours' entries up to each
    for (size_t i = 0; i < o.entries.size(); ++i)
        latest[i] = i == 0 ? o.entries[i].day : std::max(latest[i - 1], o.entries[i].day);
    struct Added {
        size_t before;  // the index of ours' entry it goes before
        const ListEntry* entry;
        Slot slot;
    };
    std::vector<Added> added;
    const std::vector<const LogEntry*> ours_new = new_log_entries(b, at_b, o, ko);
    size_t follows = 0;
    for (size_t j = 0; j < t.entries.size(); ++j) {
        if (const auto in_ours = at_o.find(kt[j]); in_ours != at_o.end()) {
            follows = in_ours->second + 1;
            continue;
        }
        const ListEntry* in_base = entry_at(b, at_b, kt[j]);
        if (!in_base && recorded_already(t.entries[j], ours_new)) continue;  // two syncs' entries for one contact: ours stays
        const Slot slot = slot_of(in_base, nullptr, &t.entries[j]);
        if (!slot.ours && !slot.theirs) continue;  // removed on our side, untouched on theirs
        const std::string& day = t.entries[j].day;
        const size_t before = !order_field.empty() && !day.empty()
                                  ? static_cast<size_t>(std::upper_bound(latest.begin(), latest.end(), day) - latest.begin())
                                  : follows;
        added.push_back({before, &t.entries[j], slot});
    }
    std::stable_sort(added.begin(), added.end(), [](const Added& x, const Added& y) {
        return x.before != y.before ? x.before < y.before : x.entry->day < y.entry->day;
    });
    std::vector<Slot> slots;
    auto next = added.begin();
    for (size_t i = 0; i <= kept.size(); ++i) {
        for (; next != added.end() && next->before == i; ++next) slots.push_back(next->slot);
        if (i < kept.size() && (kept[i].ours || kept[i].theirs)) slots.push_back(kept[i]);
    }
    return slots;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

// The key's line as a block list's: "log:", then the comment the version has.
std::string block_key_line(const ListView& view) {
    if (view.style == ListStyle::block) return view.before + view.after;
    return trimmed(view.before) + (view.after.starts_with('#') ? " " : "") + view.after;
}

// The key's line as a one-line flow list of these entries.
std::string flow_key_line(const ListView& view, const std::string& entries) {
    std::string key = view.before;
    if (key.empty() || (key.back() != ' ' && key.back() != '\t')) key += ' ';
    return key + "[" + entries + "]" + (view.after.starts_with('#') ? " " : "") + view.after;
}

// Renders a block list; nullopt when an entry cannot be indented as the others.
std::optional<Merged> render_block(const std::vector<Slot>& slots, const ListView& head_o, const ListView& head_t,
                                   bool head_conflict, const std::string& tail_o, const std::string& tail_t, size_t indent) {
    Merged out;
    const auto header = [](const ListView& view) { return view.leading + block_key_line(view); };
    if (head_conflict) {
        out.bytes = conflict_region(header(head_o), header(head_t));
        ++out.conflicts;
    } else {
        out.bytes = header(head_o);
    }
    std::string expect = "[";
    const auto text = [&](const ListEntry* entry) -> std::optional<std::string> {
        if (!entry) return std::string();
        return reindent(entry->bytes, static_cast<long>(indent) - static_cast<long>(entry->indent));
    };
    for (const Slot& slot : slots) {
        const auto ours = text(slot.ours), theirs = text(slot.theirs);
        if (!ours || !theirs) return std::nullopt;
        if (slot.conflict) {
            append_part(out.bytes, conflict_region(*ours, *theirs));
            ++out.conflicts;
        } else {
            append_part(out.bytes, *ours);
            expect += slot.ours->content + ",";
        }
    }
    if (tail_o != tail_t) {
        append_part(out.bytes, conflict_region(tail_o, tail_t));
        ++out.conflicts;
    } else {
        append_part(out.bytes, tail_o);
    }
    if (out.conflicts == 0 && !slots.empty()) out.expect = expect + "]";
    return out;
}

// Renders a one-line flow list; a conflict marks the whole key, each side with every entry.
Merged render_flow(const std::vector<Slot>& slots, const ListView& head_o, const ListView& head_t,
                   const std::string& tail_o, const std::string& tail_t) {
    const auto line = [&](bool ours_side) {
        std::string entries, expect = "[";
        for (const Slot& slot : slots) {
            const ListEntry* entry = ours_side ? slot.ours : slot.theirs;
            if (!entry) continue;
            entries += (entries.empty() ? "" : ", ") + entry->bytes;
            expect += entry->content + ",";
        }
        const ListView& head = ours_side ? head_o : head_t;
        return std::make_pair(head.leading + flow_key_line(head, entries) + (ours_side ? tail_o : tail_t), expect + "]");
    };
    const auto [ours, expect] = line(true);
    const auto theirs = line(false).first;
    Merged out;
    if (ours == theirs) {
        out.bytes = ours;
        if (!slots.empty()) out.expect = expect;
    } else {
        out.bytes = conflict_region(ours, theirs);
        out.conflicts = 1;
    }
    return out;
}

}  // namespace

std::optional<Merged> merge_list(std::string_view order_field, const ListView* base, const ListView* ours,
                                 const ListView* theirs) {
    // The result is written as the versions write the list; the base's style counts only when
    // neither has an entry. A version that wrote the list anew in another style (the key removed
    // on the other side, say) keeps it: the base's entries then pair with its own by content,
    // and those whose bytes changed with the style are marked, never lost.
    ListStyle style = ListStyle::empty;
    for (const ListView* view : {ours, theirs}) {
        if (!view || view->style == ListStyle::empty) continue;
        if (style != ListStyle::empty && style != view->style) return std::nullopt;
        style = view->style;
    }
    if (style == ListStyle::empty && base) style = base->style;
    if (style == ListStyle::empty) return std::nullopt;  // no entries anywhere: a plain three-way merge
    static const ListView none;
    const ListView &b = base ? *base : none, &o = ours ? *ours : none, &t = theirs ? *theirs : none;
    const std::vector<Slot> slots = plan_entries(order_field, b, o, t);

    // The key's line and the lines above it; a side that dropped the key takes the other's.
    const auto header = [](const ListView* view) { return view ? Text(view->header()) : std::nullopt; };
    // A key one side removed and the other changed the line of (a comment): the line stays,
    // the entries go as the three-way rule says.
    const auto present = [&](Take taken) { return taken != Take::conflict ? taken : !ours ? Take::theirs : !theirs ? Take::ours : taken; };
    const Take head = present(take(header(base), header(ours), header(theirs)));
    const ListView* head_o = head == Take::theirs ? theirs : ours;
    const ListView* head_t = head == Take::ours ? ours : theirs;
    if (!head_o) head_o = head_t ? head_t : ours ? ours : theirs;
    if (!head_t) head_t = head_o;
    const auto tail = [](const ListView* view) { return view ? Text(view->tail) : std::nullopt; };
    const Take tails = present(take(tail(base), tail(ours), tail(theirs)));
    const std::string tail_o = (tails == Take::theirs ? t : o).tail, tail_t = (tails == Take::ours ? o : t).tail;
    if (slots.empty() && !(head == Take::theirs ? theirs : ours) && tail_o.empty() && tail_t.empty()) {
        Merged gone;
        gone.present = false;
        return gone;
    }
    if (!head_o) return std::nullopt;
    const bool head_conflict = head == Take::conflict;
    if (style == ListStyle::flow) return render_flow(slots, *head_o, *head_t, tail_o, tail_t);
    size_t indent = 2;
    for (const ListView* view : {theirs, base, ours})
        if (view && !view->entries.empty() && view->style == ListStyle::block) indent = view->entries.front().indent;
    return render_block(slots, *head_o, *head_t, head_conflict, tail_o, tail_t, indent);
}

}  // namespace kith::merging
