#include "kith/model/interaction.hpp"

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/edit/editor_lines.hpp"
#include "kith/edit/editor_text.hpp"
#include "kith/model/entries.hpp"
#include "kith/base/error.hpp"
#include "kith/base/text.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {

std::string add_log_entry(const std::string& text, const LogEntry& entry, const std::string& path) {
    return insert_item(text, "log", log_entry_line(entry), std::string("date"), canonical_keys(), path);
}

std::string add_log_entries(const std::string& text, const std::vector<LogEntry>& entries, const std::string& path) {
    std::vector<std::string> lines;
    std::vector<std::optional<Day>> days;  // each line's date, as it reads
    lines.reserve(entries.size());
    for (const LogEntry& entry : entries) {
        lines.push_back(log_entry_line(entry));
        days.emplace_back(entry.date);
    }
    return insert_items_on_days(text, "log", lines, days, std::string("date"), canonical_keys(), path);
}

bool logs_same_contact(const LogEntry& had, const LogEntry& entry) {
    if (had.date != entry.date || had.kind != entry.kind) return false;
    if (entry.kind == "email") return true;
    if (entry.kind == "meeting" && (had.note.empty() || entry.note.empty())) return true;
    return had.note == entry.note;
}

std::string add_followup(const std::string& text, const FollowUp& followup, const std::string& path) {
    return insert_item(text, "followups", followup_line(followup), std::string("due"), canonical_keys(), path);
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

size_t newest_log_index(const Contact& contact) {
    if (contact.log.empty()) fail_usage(contact.name + " has no log entry");
    size_t newest = 0;
    for (size_t i = 1; i < contact.log.size(); ++i)
        if (contact.log[i].date >= contact.log[newest].date) newest = i;
    return newest;
}

namespace {

using editing::is_item_line;
using editing::Lines;

// Replaces the value of `field: old` by `field: new` on one line, as a whole word.
bool replace_on_line(std::string& line, std::string_view field, const std::string& old_value, const std::string& new_value) {
    const std::string written = std::string(field) + ":";
    for (size_t at = line.find(written); at != std::string::npos; at = line.find(written, at + 1)) {
        if (at > 0 && line[at - 1] != ' ' && line[at - 1] != '{' && line[at - 1] != ',' && line[at - 1] != '\t') continue;
        size_t start = at + written.size();
        while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
        for (const std::string quote : {"", "\"", "'"}) {
            const std::string want = quote + old_value + quote;
            if (line.compare(start, want.size(), want) != 0) continue;
            const size_t after = start + want.size();
            if (after < line.size() && std::string_view(" \t,}#\r\n").find(line[after]) == std::string_view::npos) continue;
            line.replace(start, want.size(), yaml_scalar(new_value));
            return true;
        }
    }
    return false;
}

}  // namespace

std::string rename_references(const std::string& text, const std::string& old_slug, const std::string& new_slug,
                              const std::string& path, const Config& config) {
    const Contact before = parse_contact(text, path, config);
    std::string out = text;
    if (before.introduced_by == old_slug) out = set_top_level(out, "introduced_by", yaml_scalar(new_slug), canonical_keys());
    Lines file(out);
    bool changed = false;
    for (const LogEntry& entry : before.log) {
        if (entry.with != old_slug) continue;
        const size_t line = static_cast<size_t>(entry.line > 0 ? entry.line - 1 : 0);
        bool done = false;
        for (size_t i = line; i < file.lines.size() && !done && (i == line || file.scalar[i] || !is_item_line(file.lines[i])); ++i)
            done = !file.scalar[i] && replace_on_line(file.lines[i], "with", old_slug, new_slug);
        if (!done)
            throw Error(ErrorKind::invalid, "cannot rewrite 'with: " + old_slug + "' here; change it by hand",
                        Location{path, entry.line, 0});
        changed = true;
    }
    if (changed) out = file.join();
    // Every reference must now be the new slug, and nothing else may have changed.
    const Contact after = parse_contact(out, path, config);
    bool exact = after.log.size() == before.log.size() &&
                 (before.introduced_by == old_slug ? after.introduced_by == new_slug : after.introduced_by == before.introduced_by);
    for (size_t i = 0; exact && i < before.log.size(); ++i)
        exact = after.log[i].note == before.log[i].note && after.log[i].kind == before.log[i].kind &&
                after.log[i].with == (before.log[i].with == old_slug ? new_slug : before.log[i].with);
    if (!exact)
        throw Error(ErrorKind::invalid, "cannot rewrite the references to '" + old_slug + "' safely; change them by hand",
                    Location{path, 0, 0});
    return out;
}

}  // namespace kith
