#include "kith/interaction.hpp"

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

void check_not_future(Day day, Day today) {
    if (day > today)
        fail_usage("cannot log " + format_day(day) + ", a day after today (" + format_day(today) +
                   "); a plan is a follow-up: 'kith follow NAME WHEN WHAT'");
}

}  // namespace kith
