#include "kith/sync/sync_vdir.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "kith/base/hash.hpp"
#include "kith/sync/sync_vdir_card.hpp"

namespace kith {
namespace {

// A card's file name: the UID itself when vdirsyncer would name it so, else one made from it.
std::string file_for(const std::string& uid, std::set<std::string>& names) {
    const bool plain = !uid.empty() && uid.size() <= 200 && std::all_of(uid.begin(), uid.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '+' || c == '-';
    });
    std::string name = plain && uid[0] != '.' ? uid + ".vcf" : fmt::format("kith-{:016x}.vcf", hash_bytes(uid));
    for (int n = 2; names.count(name); ++n) name = fmt::format("kith-{:016x}-{}.vcf", hash_bytes(uid), n);
    names.insert(name);
    return name;
}

// A card read: its file among SyncInput::files. Parsed again when its pair is merged, so that
// only one parsed card is held at a time.
struct ReadCard {
    std::string file;
    size_t index = 0;
};

// Reads every card for its UID; a bad one, and every card of a UID two files hold (a quiet one's
// unread card counted), is a problem, not synced.
std::unordered_map<std::string, ReadCard> read_cards(const SyncInput& input, const SyncBase& old, const std::string& vdir,
                                                     std::vector<Error>& problems, std::set<std::string>& blocked) {
    std::unordered_map<std::string, ReadCard> cards;
    std::map<std::string, std::vector<std::string>> files_of;
    for (const auto& uid : input.quiet)
        if (!old.at(uid).gone) files_of[uid].push_back(old.at(uid).file);
    for (size_t i = 0; i < input.files.size(); ++i) {
        const VdirFile& file = input.files[i];
        try {
            const std::string uid = read_sync_card(file.bytes, vdir + "/" + file.name).uid;
            files_of[uid].push_back(file.name);
            cards[uid] = {file.name, i};
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

// People by UID (those of quiet UIDs, unread, as nullptr); two people with one UID are a
// problem, and neither is synced.
std::unordered_map<std::string, const Contact*> people_by_uid(const SyncInput& input, const SyncBase& old,
                                                              std::vector<Error>& problems, std::set<std::string>& blocked) {
    std::unordered_map<std::string, const Contact*> by_uid;
    for (const auto& uid : input.quiet) by_uid.emplace(uid, nullptr);
    for (const auto& person : input.people) {
        if (person.uid.empty()) continue;
        const auto [it, added] = by_uid.try_emplace(person.uid, &person);
        if (added) continue;
        const std::string other = it->second ? it->second->slug : slug_of(old.at(person.uid).person);
        problems.emplace_back(ErrorKind::invalid,
                              fmt::format("'{}' and '{}' have the same uid '{}': neither is synced; give one of "
                                          "them another uid (or remove its uid: line)", other, person.slug, person.uid),
                              Location{person.path, 0, 0});
        blocked.insert(person.uid);
    }
    return by_uid;
}

// The stamp a base entry keeps of a file read in this run: none when it is written now, or when
// its stamp cannot vouch for it.
std::optional<FileStamp> kept_stamp(const std::map<std::string, FileStamp>& stamps, const std::string& key, bool written,
                                    std::uint64_t settled_ns) {
    const auto found = stamps.find(key);
    if (written || found == stamps.end()) return std::nullopt;
    return trusted_stamp(found->second, settled_ns);
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

}  // namespace

SyncPlan plan_sync(SyncInput& input, const std::string& vdir) {
    SyncPlan plan;
    static const SyncBase no_base;
    const SyncBase& old = input.base ? *input.base : no_base;
    const size_t synced = static_cast<size_t>(std::count_if(old.begin(), old.end(), [](const auto& e) { return !e.second.gone; }));
    if (input.names.empty() && synced > 0)
        throw Error(ErrorKind::invalid,
                    fmt::format("'{}' holds no card, but {} were synced to it: refused, so that no one's card is taken "
                                "as deleted (run 'vdirsyncer sync' to bring them back; to start over, delete the folder's "
                                "sync-vdir-*.json base in .kith/)", vdir, synced));
    std::set<std::string> blocked, names(input.names.begin(), input.names.end()), merged_into;
    auto cards = read_cards(input, old, vdir, plan.problems, blocked);
    const auto by_uid = people_by_uid(input, old, plan.problems, blocked);
    const auto card_stamp = [&](const std::string& file, bool written) {
        return kept_stamp(input.card_stamps, file, written, input.settled_ns);
    };
    const auto person_stamp = [&](const std::string& path, bool written) {
        return kept_stamp(input.person_stamps, path, written, input.settled_ns);
    };
    for (const auto& [uid, read] : cards) {
        if (blocked.count(uid)) continue;
        const SyncCard card_read = read_sync_card(input.files[read.index].bytes, vdir + "/" + read.file);
        std::string().swap(input.files[read.index].bytes);  // parsed: the bytes are not needed again
        const auto person = by_uid.find(uid);
        if (person != by_uid.end() && !person->second) {  // a card read again while its quiet person was not: cannot be
            blocked.insert(uid);
            continue;
        }
        if (person == by_uid.end()) {
            if (old.count(uid)) {  // its person was deleted, or their uid taken out: the card is left alone
                plan.base[uid] = old.at(uid);
                plan.gone.push_back(fmt::format("card '{}' (UID '{}') has no person in kith any more; left as it is", read.file, uid));
                continue;
            }
            Contact contact = card_read.contact;
            contact.since = input.today;
            plan.record_bases.push_back({uid, {read.file, false, encode_fields(agreed_on(sync_view(contact))),
                                               card_stamp(read.file, false), "", std::nullopt}});
            plan.records.push_back({std::move(contact), 0, vdir + "/" + read.file});
            continue;
        }
        const Contact& p = *person->second;
        if (p.archived) {  // an archived person's card is left alone
            if (!old.count(uid)) continue;
            SyncBaseEntry& kept = plan.base[uid] = old.at(uid);
            kept.card_stamp = card_stamp(read.file, false);
            kept.person = p.path;
            kept.person_stamp = person_stamp(p.path, false);
            continue;
        }
        const SyncView kith = sync_view(p), card = sync_view(card_read.contact);
        const std::optional<SyncView> base = old.count(uid) ? fields_of(old.at(uid)) : std::nullopt;
        SyncMerge merge = merge_sync_views(base, kith, card);
        const auto to_kith = changed_keys(kith, merge.to_kith), to_card = changed_keys(card, merge.to_card);
        if (!to_kith.empty()) plan.edits.push_back({p.path, p.slug, uid, &p, only(kith, to_kith), only(merge.to_kith, to_kith), "", to_kith});
        if (!to_card.empty()) {
            Contact want = p;
            apply_sync_view(merge.to_card, want);
            plan.cards.push_back({read.file, p.slug, uid, rewrite_card(card_read, merge.to_card, want), false, to_card});
        }
        // A conflict is said on every run until it is resolved: its pair is never quiet.
        const bool settled = merge.conflicts.empty();
        for (auto& conflict : merge.conflicts) plan.conflicts.push_back({p.slug, p.name, read.file, std::move(conflict)});
        plan.base[uid] = {read.file, false, encode_fields(merge.base), card_stamp(read.file, !to_card.empty() || !settled),
                          p.path, person_stamp(p.path, !to_kith.empty() || !settled)};
    }
    // New cards become people, as an import adds them: matched with someone not yet synced, or added.
    ImportNetwork network(plan.records);
    std::unordered_map<std::string, const Contact*> by_slug;
    for (const auto& person : input.people) {
        by_slug[person.slug] = &person;
        if (person.uid.empty()) network.add(person);
        else network.hold_slug_of(person.path);
    }
    for (const auto& uid : input.quiet) network.hold_slug_of(old.at(uid).person);
    plan.imports = plan_import(std::move(network), plan.records, "", [&](const std::vector<KnownPerson>& known) {
        std::vector<Contact> out;
        for (const auto& k : known) out.push_back(*by_slug.at(k.slug));
        return out;
    });
    for (const auto& d : plan.imports.decisions)
        if (d.action != ImportAction::add) merged_into.insert(d.slug);
    // New people in kith become cards; a card deleted from the vdir is never written again.
    for (const auto& p : input.people) {
        if (p.archived || merged_into.count(p.slug) || blocked.count(p.uid) || (!p.uid.empty() && cards.count(p.uid))) continue;
        if (!p.uid.empty() && old.count(p.uid)) {
            SyncBaseEntry entry = old.at(p.uid);
            entry.person = p.path;
            entry.person_stamp = person_stamp(p.path, false);
            if (!entry.gone && !names.count(entry.file)) {
                entry.gone = true;
                plan.gone.push_back(fmt::format("the card of {} ('{}') was deleted from the vdir: kith keeps {} and will "
                                                "not write the card again; 'kith archive {}' if they should go",
                                                p.name, entry.file, p.slug, p.slug));
            }
            plan.base[p.uid] = entry;
            continue;
        }
        const std::string uid = p.uid.empty() ? input.new_uid() : p.uid;
        if (p.uid.empty()) plan.edits.push_back({p.path, p.slug, uid, &p, {}, {}, uid, {}});
        const std::string file = file_for(uid, names);
        plan.cards.push_back({file, p.slug, uid, new_sync_card(p, uid, input.version), true, {}});
        plan.base[uid] = {file, false, encode_fields(agreed_on(sync_view(p))), std::nullopt, p.path,
                          person_stamp(p.path, p.uid.empty())};
    }
    for (const auto& [uid, entry] : old)  // kept while its card or a problem with it is still there
        if (!input.quiet.count(uid) && !plan.base.count(uid) && (blocked.count(uid) || names.count(entry.file)))
            plan.base[uid] = entry;
    for (const auto& uid : input.quiet) plan.base.insert(input.base->extract(uid));  // unchanged on both sides since
    return plan;
}

void add_imported(SyncPlan& plan) {
    for (const auto& d : plan.imports.decisions) {
        if (d.action != ImportAction::add || d.failed) continue;
        auto [uid, entry] = plan.record_bases.at(d.record);
        entry.person = d.path;
        plan.base.insert({uid, std::move(entry)});
    }
}

void hold_back(SyncPlan& plan, const std::optional<SyncBase>& old, const std::string& uid) {
    std::erase_if(plan.cards, [&](const SyncCardWrite& card) { return card.uid == uid; });
    if (old && old->count(uid)) plan.base[uid] = old->at(uid);
    else plan.base.erase(uid);
}

SyncQuiet::SyncQuiet(const SyncBase& base, const std::map<std::string, FileStamp>& card_stamps) {
    std::set<std::string> twice;  // a file two entries name is read
    for (const auto& entry : base) {
        const SyncBaseEntry& e = entry.second;
        const auto card = card_stamps.find(e.file);
        const bool card_same = e.gone ? card == card_stamps.end() : card != card_stamps.end() && e.card_stamp == card->second;
        if (!card_same || !e.person_stamp || e.person.empty()) continue;
        if (!by_person_.emplace(e.person, &entry).second) twice.insert(e.person);
    }
    for (const auto& path : twice) by_person_.erase(path);
}

bool SyncQuiet::person_quiet(const std::string& path, const std::optional<FileStamp>& stamp) {
    const auto found = by_person_.find(path);
    if (found == by_person_.end() || !stamp || found->second->second.person_stamp != stamp) return false;
    quiet_.insert(found->second->first);
    if (!found->second->second.gone) quiet_files_.insert(found->second->second.file);
    return true;
}

}  // namespace kith
