#include "kith/sync/sync_vdir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "kith/base/hash.hpp"
#include "kith/sync/sync_vdir_card.hpp"

namespace kith {
namespace {

// A card's file name: the UID itself when vdirsyncer would name it so, else one made from it.
std::string file_for(const std::string& uid, const std::function<bool(const std::string&)>& taken) {
    const bool plain = !uid.empty() && uid.size() <= 200 && std::all_of(uid.begin(), uid.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '+' || c == '-';
    });
    std::string name = plain && uid[0] != '.' ? uid + ".vcf" : fmt::format("kith-{:016x}.vcf", hash_bytes(uid));
    for (int n = 2; taken(name); ++n) name = fmt::format("kith-{:016x}-{}.vcf", hash_bytes(uid), n);
    return name;
}

// Reads every card for its UID; a bad one, and every card of a UID two files hold (a quiet one's
// unread card counted), is a problem, not synced.
template <typename ReadCard>
std::unordered_map<std::string, ReadCard> read_cards(const SyncInput& input, const SyncBase& old, const std::string& vdir,
                                                     std::vector<Error>& problems, std::set<std::string>& blocked) {
    std::unordered_map<std::string, ReadCard> cards;
    std::map<std::string, std::vector<std::string>> files_of;
    for (const auto& uid : input.quiet)
        if (!old.at(uid).gone) files_of[uid].push_back(old.at(uid).file);
    for (const auto& name : input.names) {
        try {
            const std::optional<std::string> bytes = input.read_card(name);
            if (!bytes) continue;
            const std::string uid = read_sync_card(*bytes, vdir + "/" + name).uid;
            files_of[uid].push_back(name);
            cards[uid] = {&name};
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::io) throw;
            problems.push_back(e);
        }
    }
    for (const auto& [uid, files] : files_of) {
        if (files.size() < 2) continue;
        std::string list;
        for (const auto& f : files) list += (list.empty() ? "'" : ", '") + f + "'";
        problems.emplace_back(ErrorKind::invalid,
                              fmt::format("the UID '{}' is in {} cards ({}): none of them is synced; delete or fix all "
                                          "but one", uid, files.size(), list),
                              Location{vdir + "/" + files.front(), 0, 0});
        blocked.insert(uid);
        cards.erase(uid);
    }
    return cards;
}

// The slug of a person's file ("contacts/ada.yaml" is ada).
std::string slug_of(const std::string& path) {
    const size_t slash = path.rfind('/') + 1;
    return path.substr(slash, path.size() - slash - (path.ends_with(".yaml") ? 5 : 0));
}

// The view's values of the keys given (an edit holds only what it changes).
SyncView only(const SyncView& view, const std::vector<std::string>& keys) {
    SyncView out;
    for (const auto& key : keys)
        if (const auto found = view.find(key); found != view.end()) out.insert(*found);
    return out;
}

// The agreed fields of a base entry, or nullopt when they do not read (then there is no base).
std::optional<SyncView> fields_of(const SyncBaseEntry& entry) {
    try {
        return decode_fields(entry.fields);
    } catch (const Error&) {
        return std::nullopt;
    }
}

const SyncBase& base_or_none(const std::optional<SyncBase>& base) {
    static const SyncBase none;
    return base ? *base : none;
}

constexpr size_t quiet_person = static_cast<size_t>(-1);

}  // namespace

std::optional<FileStamp> listed_card_stamp(const SyncInput& input, const std::string& name) {
    const auto at = std::lower_bound(input.names.begin(), input.names.end(), name);
    const auto i = static_cast<size_t>(at - input.names.begin());
    return at != input.names.end() && *at == name && i < input.card_stamps.size() ? input.card_stamps[i] : std::nullopt;
}

SyncPlanner::SyncPlanner(SyncInput& input, std::string vdir, ScratchFile* texts)
    : input_(input), old_(base_or_none(input.base)), vdir_(std::move(vdir)), texts_(texts) {
    const size_t synced = static_cast<size_t>(std::count_if(old_.begin(), old_.end(), [](const auto& e) { return !e.second.gone; }));
    if (input.names.empty() && synced > 0)
        throw Error(ErrorKind::invalid,
                    fmt::format("'{}' holds no card, but {} were synced to it: refused, so that no one's card is taken "
                                "as deleted (run 'vdirsyncer sync' to bring them back; to start over, delete the folder's "
                                "sync-vdir-*.json base in .kith/)", vdir_, synced));
    wanted_.assign(input.people.size(), false);
    cards_ = read_cards<ReadCard>(input, old_, vdir_, plan_.problems, blocked_);
    // People by UID (those of quiet UIDs, unread, marked so); two people with one UID are a
    // problem, and neither is synced.
    for (const auto& uid : input.quiet) people_by_uid_.emplace(uid, quiet_person);
    for (size_t i = 0; i < input.people.size(); ++i) {
        const SyncPerson& person = input.people[i];
        by_path_.emplace(person.path, i);
        if (person.uid.empty()) continue;
        const auto [it, added] = people_by_uid_.try_emplace(person.uid, i);
        if (added) continue;
        const std::string other = it->second != quiet_person ? input.people[it->second].slug : slug_of(old_.at(person.uid).person);
        plan_.problems.emplace_back(ErrorKind::invalid,
                                    fmt::format("'{}' and '{}' have the same uid '{}': neither is synced; give one of "
                                                "them another uid (or remove its uid: line)", other, person.slug, person.uid),
                                    Location{person.path, 0, 0});
        blocked_.insert(person.uid);
    }
    for (const auto& [uid, read] : cards_) {
        if (blocked_.count(uid)) continue;
        const auto person = people_by_uid_.find(uid);
        if (person != people_by_uid_.end() && person->second == quiet_person) {  // a card read again while its quiet person was not: cannot be
            blocked_.insert(uid);
            continue;
        }
        if (person == people_by_uid_.end()) {
            if (old_.count(uid)) {  // its person was deleted, or their uid taken out: the card is left alone
                plan_.base[uid] = old_.at(uid);
                plan_.gone.push_back(fmt::format("card '{}' (UID '{}') has no person in kith any more; left as it is", read.file(), uid));
            } else if (std::optional<SyncCard> card = card_again(read.file(), uid)) {
                Contact contact = std::move(card->contact);
                contact.since = input.today;
                plan_.record_bases.push_back({uid, {read.file(), false, encode_fields(agreed_on(sync_view(contact))),
                                                    card_stamp(read.file(), false), "", std::nullopt}});
                plan_.records.push_back({std::move(contact), 0, vdir_ + "/" + read.file()});
            }
            continue;
        }
        const SyncPerson& p = input.people[person->second];
        if (p.archived) {  // an archived person's card is left alone
            if (!old_.count(uid)) continue;
            SyncBaseEntry& kept = plan_.base[uid] = old_.at(uid);
            kept.card_stamp = card_stamp(read.file(), false);
            kept.person = p.path;
            kept.person_stamp = person_stamp(p, false);
            continue;
        }
        wanted_[person->second] = true;  // merged once the person is read in full
    }
}

bool SyncPlanner::unsynced(const std::string& path) const {
    const auto found = by_path_.find(path);
    return found != by_path_.end() && input_.people[found->second].uid.empty();
}

void SyncPlanner::hold_slugs(ImportNetwork& network) const {
    for (const auto& person : input_.people)
        if (!person.uid.empty()) network.hold_slug_of(person.path);
    for (const auto& uid : input_.quiet) network.hold_slug_of(old_.at(uid).person);
}

void SyncPlanner::imported() {
    // New people in kith become cards, but those new cards merge into; a card deleted from the
    // vdir is never written again.
    std::set<std::string> merged_into;
    for (const auto& d : plan_.imports.decisions)
        if (d.action != ImportAction::add) merged_into.insert(d.slug);
    for (size_t i = 0; i < input_.people.size(); ++i) {
        const SyncPerson& p = input_.people[i];
        if (p.archived || merged_into.count(p.slug) || blocked_.count(p.uid) || (!p.uid.empty() && cards_.count(p.uid))) continue;
        if (!p.uid.empty() && old_.count(p.uid)) {
            SyncBaseEntry entry = old_.at(p.uid);
            entry.person = p.path;
            entry.person_stamp = person_stamp(p, false);
            if (!entry.gone && !in_vdir(entry.file)) {
                entry.gone = true;
                plan_.gone.push_back(fmt::format("the card of {} ('{}') was deleted from the vdir: kith keeps {} and will "
                                                 "not write the card again; 'kith archive {}' if they should go",
                                                 p.name, entry.file, p.slug, p.slug));
            }
            plan_.base[p.uid] = entry;
            continue;
        }
        wanted_[i] = true;  // gets a card (and a uid, when they have none)
    }
}

void SyncPlanner::plan_person(const Contact& person) {
    const auto at = by_path_.find(person.path);
    if (at == by_path_.end() || !wanted_[at->second]) return;
    const SyncPerson& first = input_.people[at->second];
    // A file changed since it was first read (another uid, or archived since): left to the next run.
    if (person.uid != first.uid || person.archived != first.archived) return;
    const auto card = person.uid.empty() ? cards_.end() : cards_.find(person.uid);
    if (card != cards_.end()) merge_pair(person, first, person.uid, card->second);
    else new_card(person, first, person.uid.empty() ? input_.new_uid() : person.uid);
}

void SyncPlanner::merge_pair(const Contact& p, const SyncPerson& first, const std::string& uid, const ReadCard& read) {
    const std::optional<SyncCard> again = card_again(read.file(), uid);
    if (!again) return;  // changed since it was first read: left to the next run
    const SyncCard& card_read = *again;
    // The last entry leaves the input's base (its memory goes as the next base grows); an edit or
    // a card that is held back brings it back.
    std::optional<SyncBaseEntry> before;
    if (auto last = input_.base ? input_.base->extract(uid) : SyncBase::node_type{}) before = std::move(last.mapped());
    const SyncView kith = sync_view(p), card = sync_view(card_read.contact);
    const std::optional<SyncView> base = before ? fields_of(*before) : std::nullopt;
    SyncMerge merge = merge_sync_views(base, kith, card);
    const auto to_kith = changed_keys(kith, merge.to_kith), to_card = changed_keys(card, merge.to_card);
    if (!to_kith.empty())
        plan_.edits.push_back({p.path, p.slug, uid, &p, only(kith, to_kith), only(merge.to_kith, to_kith), "", to_kith, before});
    if (!to_card.empty()) {
        Contact want = p;
        apply_sync_view(merge.to_card, want);
        keep_card({read.file(), p.slug, uid, rewrite_card(card_read, merge.to_card, want), false, to_card, before}, std::nullopt);
    }
    // A conflict is said on every run until it is resolved: its pair is never quiet.
    const bool settled = merge.conflicts.empty();
    for (auto& conflict : merge.conflicts) plan_.conflicts.push_back({p.slug, p.name, read.file(), std::move(conflict)});
    plan_.base[uid] = {read.file(), false, encode_fields(merge.base), card_stamp(read.file(), !to_card.empty() || !settled),
                       p.path, person_stamp(first, !to_kith.empty() || !settled)};
}

void SyncPlanner::new_card(const Contact& p, const SyncPerson& first, const std::string& uid) {
    if (p.uid.empty()) plan_.edits.push_back({p.path, p.slug, uid, &p, {}, {}, uid, {}, std::nullopt});
    const std::string file = file_for(uid, [&](const std::string& name) { return in_vdir(name); });
    names_.insert(file);
    keep_card({file, p.slug, uid, new_sync_card(p, uid, input_.version), true, {}, std::nullopt},
              SyncBaseEntry{file, false, encode_fields(agreed_on(sync_view(p))), std::nullopt, p.path,
                            person_stamp(first, p.uid.empty())});
}

void SyncPlanner::keep_card(SyncCardWrite card, std::optional<SyncBaseEntry> entry) {
    if (texts_) {  // on disk until the card is written
        plan_.kept_cards.push_back(keep_card_write(*texts_, card, entry));
        return;
    }
    if (entry) plan_.base[card.uid] = std::move(*entry);
    plan_.cards.push_back(std::move(card));
}

ScratchFile::Span keep_card_write(ScratchFile& texts, const SyncCardWrite& card, const std::optional<SyncBaseEntry>& entry) {
    const nlohmann::json kept = {{"file", card.file}, {"slug", card.slug}, {"uid", card.uid}, {"text", card.text},
                                 {"created", card.created}, {"keys", card.keys},
                                 {"entry", entry ? write_sync_base({{card.uid, *entry}}) : ""},
                                 {"before", card.before ? write_sync_base({{card.uid, *card.before}}) : ""}};
    return texts.append(kept.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

SyncCardWrite read_card_write(const ScratchFile& texts, ScratchFile::Span span, SyncBase& entry) {
    const auto kept = nlohmann::json::parse(texts.read(span));
    const auto& base = kept.at("entry").get_ref<const std::string&>();
    if (!base.empty()) entry = read_sync_base(base, "a scratch file");
    SyncCardWrite card{kept.at("file"), kept.at("slug"), kept.at("uid"), kept.at("text"), kept.at("created"), kept.at("keys"), std::nullopt};
    if (const auto& before = kept.at("before").get_ref<const std::string&>(); !before.empty())
        card.before = read_sync_base(before, "a scratch file").at(card.uid);
    return card;
}

void SyncPlanner::finish() {
    for (const auto& [uid, entry] : old_)  // kept while its card or a problem with it is still there
        if (!input_.quiet.count(uid) && !plan_.base.count(uid) && (blocked_.count(uid) || in_vdir(entry.file)))
            plan_.base[uid] = entry;
    for (const auto& uid : input_.quiet) plan_.base.insert(input_.base->extract(uid));  // unchanged on both sides since
    // What the plan needed of the cards and the people read is in it now.
    cards_.clear();
    names_.clear();
    people_by_uid_.clear();
    by_path_.clear();
    std::vector<bool>().swap(wanted_);
    std::vector<SyncPerson>().swap(input_.people);
}

bool SyncPlanner::in_vdir(const std::string& name) const {
    return std::binary_search(input_.names.begin(), input_.names.end(), name) || names_.count(name);
}

std::optional<SyncCard> SyncPlanner::card_again(const std::string& file, const std::string& uid) {
    const std::optional<std::string> bytes = input_.read_card(file);
    if (!bytes) return std::nullopt;
    try {
        SyncCard card = read_sync_card(*bytes, vdir_ + "/" + file);
        if (card.uid == uid) return card;
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::io) throw;
        plan_.problems.push_back(e);
    }
    return std::nullopt;  // another card since it was first read
}

std::optional<FileStamp> SyncPlanner::card_stamp(const std::string& file, bool written) const {
    return written ? std::nullopt : trusted_stamp(listed_card_stamp(input_, file), input_.settled_ns);
}

std::optional<FileStamp> SyncPlanner::person_stamp(const SyncPerson& p, bool written) const {
    return written ? std::nullopt : trusted_stamp(p.stamp, input_.settled_ns);
}

}  // namespace kith
