#include "kith/model/person_edits.hpp"

#include <algorithm>

#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/edit/undo.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/model/interaction.hpp"
#include "kith/model/status.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

// Removes the newest log entry of the file's text; `change.was` is the entry removed.
EntryChange without_newest_entry(const std::string& text, const std::string& path, const Config& config) {
    const Contact current = parse_contact(text, path, config);
    const size_t index = newest_log_index(current);
    EntryChange change;
    change.was = change.now = current.log[index];
    change.text = remove_item(text, "log", index, path);
    return change;
}

Placement placement_in(const std::string& text, const std::string& path, const Config& config) {
    const Contact read = parse_contact(text, path, config);
    return Placement{tier_of(read, config), cadence_of(read, config).text()};
}

}  // namespace

std::string log_interaction(const std::string& text, const LogEntry& entry, const std::optional<FollowUp>& followup,
                            const std::string& path) {
    std::string out = add_log_entry(text, entry, path);
    return followup ? add_followup(out, *followup, path) : out;
}

EntryChange undo_last_entry(const std::string& text, const std::string& path, const Config& config) {
    return without_newest_entry(text, path, config);
}

EntryChange amend_last_entry(const std::string& text, const EntryFix& fix, const std::string& path, const Config& config) {
    EntryChange change = without_newest_entry(text, path, config);
    if (fix.date) change.now.date = *fix.date;
    if (fix.kind) change.now.kind = *fix.kind;
    if (fix.note) change.now.note = *fix.note;
    change.text = add_log_entry(change.text, change.now, path);
    return change;
}

TierChange set_tier(const std::string& text, const std::string& tier, const std::optional<Duration>& cadence,
                    const std::string& path, const Config& config) {
    TierChange change;
    change.was = placement_in(text, path, config);
    change.text = set_top_level(text, "tier", yaml_scalar(tier), canonical_keys(), path);
    if (cadence) change.text = set_top_level(change.text, "cadence", cadence->text(), canonical_keys(), path);
    change.now = placement_in(change.text, path, config);
    return change;
}

TextChange snooze(const std::string& text, Day until, const std::string& path, const Config& config) {
    if (parse_contact(text, path, config).snooze == until) return {text, false};
    return {set_top_level(text, "snooze", format_day(until), canonical_keys(), path), true};
}

TextChange clear_snooze(const std::string& text, const std::string& path, const Config& config) {
    if (!parse_contact(text, path, config).snooze) return {text, false};
    return {remove_top_level(text, "snooze", path), true};
}

FollowUpChange cancel_followup(const std::string& text, const std::string& which, const std::string& path,
                               const Config& config) {
    const Contact now = parse_contact(text, path, config);
    const size_t index = pick_open_followup(now, which);
    return {remove_item(text, "followups", index, path), now.followups[index]};
}

std::string rename_person(const std::string& text, const Contact& person, const std::string& new_name,
                          const std::string& new_slug, bool keep_old_as_aka, const Config& config) {
    std::string out = set_top_level(text, "name", yaml_scalar(new_name), canonical_keys());
    const bool known = person.name == new_name ||
                       std::find(person.aka.begin(), person.aka.end(), person.name) != person.aka.end();
    if (keep_old_as_aka && !known) out = add_list_item(out, "aka", yaml_scalar(person.name), canonical_keys(), person.path);
    return new_slug == person.slug ? out : rename_references(out, person.slug, new_slug, person.path, config);
}

}  // namespace kith
