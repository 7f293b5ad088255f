#include "kith/interaction.hpp"

#include "kith/contact_file.hpp"
#include "kith/editor.hpp"
#include "kith/error.hpp"
#include "kith/text.hpp"
#include "kith/yaml_emit.hpp"

namespace kith {

const std::vector<std::string>& known_kinds() {
    static const std::vector<std::string> kinds = {"call", "video", "coffee", "lunch", "meeting", "message", "email",
                                                   "event", "congrats", "gift", "help", "favor", "intro", "note"};
    return kinds;
}

std::string log_entry_line(const LogEntry& entry) {
    std::vector<std::pair<std::string, std::string>> fields = {{"date", format_day(entry.date)}};
    if (!entry.kind.empty()) fields.emplace_back("kind", yaml_scalar(entry.kind));
    if (!entry.with.empty()) fields.emplace_back("with", yaml_scalar(entry.with));
    if (!entry.note.empty()) fields.emplace_back("note", yaml_scalar(entry.note));
    return yaml_flow_map(fields);
}

std::string followup_line(const FollowUp& followup) {
    return yaml_flow_map({{"due", format_day(followup.due)}, {"what", yaml_scalar(followup.what)}});
}

std::string add_log_entry(const std::string& text, const LogEntry& entry, const std::string& path) {
    return insert_item(text, "log", log_entry_line(entry), std::string("date"), path);
}

std::string add_followup(const std::string& text, const FollowUp& followup, const std::string& path) {
    return insert_item(text, "followups", followup_line(followup), std::string("due"), path);
}

size_t pick_open_followup(const Contact& contact, const std::string& text) {
    std::vector<size_t> open, picked;
    for (size_t i = 0; i < contact.followups.size(); ++i) {
        if (contact.followups[i].done) continue;
        open.push_back(i);
        if (!text.empty() && contains_folded(contact.followups[i].what, text)) picked.push_back(i);
    }
    if (open.empty()) fail_usage(contact.name + " has no open follow-up");
    if (text.empty()) picked = open;
    if (picked.size() == 1) return picked[0];
    const auto describe = [&](const std::vector<size_t>& which) {
        std::string out;
        for (size_t i : which) out += (out.empty() ? "'" : ", '") + contact.followups[i].what + "'";
        return out;
    };
    if (picked.empty()) fail_usage("no open follow-up of " + contact.name + " matches '" + text + "' (open: " + describe(open) + ")");
    fail_usage(contact.name + " has " + std::to_string(picked.size()) + " open follow-ups" +
               (text.empty() ? "" : " matching '" + text + "'") + ": " + describe(picked) + "; say which with TEXT");
}

std::string close_followup(const std::string& text, const std::string& which, Day today, const std::string& path,
                           const Config& config, FollowUp& closed) {
    const Contact now = parse_contact(text, path, config);
    const size_t index = pick_open_followup(now, which);
    const std::string out = set_item_field(text, "followups", index, "done", format_day(today), path);
    // The edit must have closed that item and no other: a line the editor took for another
    // item, or a nested map that got the field, is refused here.
    const Contact after = parse_contact(out, path, config);
    bool exact = after.followups.size() == now.followups.size();
    for (size_t i = 0; exact && i < now.followups.size(); ++i) {
        const FollowUp& was = now.followups[i];
        const FollowUp& is = after.followups[i];
        exact = is.due == was.due && is.what == was.what && is.done == (i == index ? std::optional<Day>(today) : was.done);
    }
    if (!exact)
        throw Error(ErrorKind::invalid,
                    "cannot mark '" + now.followups[index].what + "' done: kith cannot tell where that item ends; "
                    "add 'done: " + format_day(today) + "' to it by hand",
                    Location{path, now.followups[index].line, 0});
    closed = now.followups[index];
    return out;
}

void check_not_future(Day day, Day today) {
    if (day > today)
        fail_usage("cannot log " + format_day(day) + ", a day after today (" + format_day(today) +
                   "); a plan is a follow-up: 'kith follow NAME WHEN WHAT'");
}

}  // namespace kith
