#pragma once
// What `kith sync vdir` compares of a person and a card: the fields the field table maps to
// vCard, each as a list of texts, and their three-way merge against the last agreed version.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// The synced fields of one side, by contact file key: a text field holds 0 or 1 value, a list
// its items in order, `dates` one "DAY what" per entry. A key with no value is absent.
using SyncView = std::map<std::string, std::vector<std::string>>;

// Returns the keys the sync carries, in the canonical order (name, aka, title, ...).
const std::vector<std::string>& synced_keys();

// Returns true when the key merges as a set (aka, email, phone, url, tags, dates).
bool merges_as_set(std::string_view key);

// Returns the synced fields of a contact, normalised as a card reads them back.
SyncView sync_view(const Contact& contact);

// Returns the keys whose values differ between two views (a set key's order is no difference).
std::vector<std::string> changed_keys(const SyncView& a, const SyncView& b);

// Returns a view as a base: every key present, an empty one as agreed empty (a key a base
// lacks is one both sides never agreed on).
SyncView agreed_on(SyncView view);

// A property changed on both sides to different values since they last agreed.
struct SyncConflict {
    std::string key;
    std::vector<std::string> kith, card;
};

// The three-way merge of one person and their card: what each side should hold, what they now
// agree on (the next base), and the conflicts (each side then keeps its own value).
struct SyncMerge {
    SyncView to_kith, to_card, base;
    std::vector<SyncConflict> conflicts;
};

// Merges per key: a value changed on one side only wins; both changed differently (or differing
// with no base, or no base for the key) is a conflict, and its key stays out of the next base
// unless the old one had it; a set key keeps what either side added and drops what one side
// removed and the other left as it was.
SyncMerge merge_sync_views(const std::optional<SyncView>& base, const SyncView& kith, const SyncView& card);

// Puts the view's values into a contact's synced fields (the others are left as they are).
void apply_sync_view(const SyncView& view, Contact& contact);

// Rewrites a contact file's text so that its synced fields hold `want` instead of `have`:
// surgical edits of only the keys that differ (list items added keep the list's style).
std::string edit_to_view(std::string_view text, const SyncView& have, const SyncView& want, const Contact& contact,
                         const std::string& path);

}  // namespace kith
