#include "kith/sync/sync_vdir_stage.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>

#include "kith/edit/editor.hpp"
#include "kith/model/contact_file.hpp"

namespace kith {

void stage_sync_edits(Transaction& change, SyncPlan& plan, const std::string& would, std::string& lines,
                      std::vector<Error>& problems) {
    std::vector<SyncEdit> edits;
    edits.swap(plan.edits);
    for (const auto& edit : edits) {
        try {
            change.edit(edit.path, [&](const std::string& text) {
                std::string out = edit_to_view(text, edit.have, edit.want, *edit.contact, edit.path);
                // A UUID reads as text unquoted: written bare, as the user would write it.
                return edit.new_uid.empty() ? out : set_top_level(out, "uid", edit.new_uid, canonical_keys(), edit.path);
            });
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::io) throw;
            problems.emplace_back(ErrorKind::invalid, e.message() + "; " + edit.slug + " and their card not synced", e.where());
            hold_back(plan, edit.uid, edit.before);
            continue;
        }
        if (!edit.keys.empty()) fmt::format_to(std::back_inserter(lines), "{}update {} from the vdir: {}\n", would, edit.slug, fmt::join(edit.keys, ", "));
    }
}

void add_imported(SyncPlan& plan) {
    for (const auto& d : plan.imports.decisions) {
        if (d.action != ImportAction::add || d.failed) continue;
        auto [uid, entry] = plan.record_bases.at(d.record);
        entry.person = d.path;
        plan.base.insert({uid, std::move(entry)});
    }
}

void hold_back(SyncPlan& plan, const std::string& uid, const std::optional<SyncBaseEntry>& before) {
    std::erase_if(plan.cards, [&](const SyncCardWrite& card) { return card.uid == uid; });
    plan.held.insert(uid);
    if (before) plan.base[uid] = *before;
    else plan.base.erase(uid);
}

SyncQuiet::SyncQuiet(const SyncBase& base, const std::map<std::string, FileStamp>& card_stamps) {
    take(base, [&](const std::string& name) {
        const auto found = card_stamps.find(name);
        return found == card_stamps.end() ? std::nullopt : std::optional<FileStamp>(found->second);
    });
}

SyncQuiet::SyncQuiet(const SyncBase& base, const SyncInput& input) {
    take(base, [&](const std::string& name) { return listed_card_stamp(input, name); });
}

void SyncQuiet::take(const SyncBase& base, const std::function<std::optional<FileStamp>(const std::string&)>& card_stamp) {
    std::set<std::string> twice;  // a file two entries name is read
    for (const auto& entry : base) {
        const SyncBaseEntry& e = entry.second;
        const std::optional<FileStamp> card = card_stamp(e.file);
        const bool card_same = e.gone ? !card : card && e.card_stamp == card;
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
