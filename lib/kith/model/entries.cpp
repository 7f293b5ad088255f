#include "kith/model/entries.hpp"

#include "kith/yaml/yaml_emit.hpp"

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
    std::vector<std::pair<std::string, std::string>> fields = {{"due", format_day(followup.due)},
                                                               {"what", yaml_scalar(followup.what)}};
    if (followup.done) fields.emplace_back("done", format_day(*followup.done));
    return yaml_flow_map(fields);
}

}  // namespace kith
