#include "kith/contact_file.hpp"

#include <stdexcept>

#include "kith/error.hpp"
#include "kith/schema.hpp"
#include "kith/yaml_emit.hpp"
#include "kith/yaml_reader.hpp"

namespace kith {
namespace {

void read_dates(const SchemaReader& in, const YamlValue& list, Contact& contact) {
    in.expect_sequence(list, "dates");
    for (const auto& item : list.items) {
        in.expect_map(item, "each item of 'dates'");
        const YamlValue* date = item.find("date");
        if (!date) in.fail(item, "each item of 'dates' needs a 'date'");
        YearlyDate yearly{*in.month_day(*date, "date"), ""};
        if (const YamlValue* what = item.find("what")) yearly.what = in.text(*what, "what");
        contact.dates.push_back(std::move(yearly));
    }
}

void read_followups(const SchemaReader& in, const YamlValue& list, Contact& contact) {
    in.expect_sequence(list, "followups");
    for (const auto& item : list.items) {
        in.expect_map(item, "each item of 'followups'");
        const YamlValue* due = item.find("due");
        if (!due) in.fail(item, "each item of 'followups' needs a 'due' day");
        const auto due_day = in.day(*due, "due");
        if (!due_day) in.fail(*due, "'due' must be a day as YYYY-MM-DD");
        FollowUp followup{*due_day, "", std::nullopt, item.line};
        if (const YamlValue* what = item.find("what")) followup.what = in.text(*what, "what");
        if (const YamlValue* done = item.find("done")) followup.done = in.day(*done, "done");
        contact.followups.push_back(std::move(followup));
    }
}

void read_log(const SchemaReader& in, const YamlValue& list, Contact& contact) {
    in.expect_sequence(list, "log");
    for (const auto& item : list.items) {
        in.expect_map(item, "each item of 'log'");
        const YamlValue* date = item.find("date");
        if (!date) in.fail(item, "each item of 'log' needs a 'date'");
        const auto day = in.day(*date, "date");
        if (!day) in.fail(*date, "'date' must be a day as YYYY-MM-DD");
        LogEntry entry{*day, "", "", "", item.line};
        if (const YamlValue* kind = item.find("kind")) entry.kind = in.text(*kind, "kind");
        if (const YamlValue* note = item.find("note")) entry.note = in.text(*note, "note");
        if (const YamlValue* with = item.find("with")) entry.with = in.text(*with, "with");
        contact.log.push_back(std::move(entry));
    }
}

void read_tier(const SchemaReader& in, const YamlValue& value, const Config& config, Contact& contact) {
    contact.tier = in.text(value, "tier");
    if (!contact.tier.empty() && !config.find_tier(contact.tier))
        in.fail(value, "unknown tier '" + contact.tier + "' (tiers: " + config.tier_names() + ")");
}

// Reads one known key; unknown keys are left alone (they stay in the file untouched).
void read_key(const SchemaReader& in, const std::string& key, const YamlValue& value, const Config& config,
              Contact& c) {
    if (key == "name") c.name = in.text(value, key);
    else if (key == "aka") c.aka = in.text_list(value, key);
    else if (key == "tier") read_tier(in, value, config, c);
    else if (key == "cadence") c.cadence = in.duration(value, key);
    else if (key == "title") c.title = in.text(value, key);
    else if (key == "org") c.org = in.text(value, key);
    else if (key == "role") c.role = in.text(value, key);
    else if (key == "email") c.email = in.text_list(value, key);
    else if (key == "phone") c.phone = in.text_list(value, key);
    else if (key == "address") c.address = in.text(value, key);
    else if (key == "url") c.url = in.text_list(value, key);
    else if (key == "prefer") c.prefer = in.text(value, key);
    else if (key == "assistant") c.assistant = in.text(value, key);
    else if (key == "interests") c.interests = in.text_list(value, key);
    else if (key == "tags") c.tags = in.text_list(value, key);
    else if (key == "met") c.met = in.text(value, key);
    else if (key == "introduced_by") c.introduced_by = in.text(value, key);
    else if (key == "why") c.why = in.text(value, key);
    else if (key == "notes") c.notes = in.text(value, key);
    else if (key == "birthday") c.birthday = in.month_day(value, key);
    else if (key == "since") c.since = in.day(value, key);
    else if (key == "snooze") c.snooze = in.day(value, key);
    else if (key == "uid") c.uid = in.text(value, key);
    else if (key == "dates") read_dates(in, value, c);
    else if (key == "followups") read_followups(in, value, c);
    else if (key == "log") read_log(in, value, c);
}

}  // namespace

const std::vector<std::string>& canonical_keys() {
    static const std::vector<std::string> keys = {
        "name",  "aka",       "tier",      "cadence", "title", "org",      "role",      "email",
        "phone", "address",   "url",       "prefer",    "assistant", "interests", "tags", "met", "introduced_by",
        "why",   "notes",     "birthday",  "since",   "snooze", "uid",    "dates",   "followups", "log"};
    return keys;
}

Contact parse_contact(std::string_view bytes, const std::string& path, const Config& config) {
    const SchemaReader in(path);
    const YamlValue root = read_yaml(bytes, path);
    if (root.kind != YamlValue::Kind::map) {
        throw Error(ErrorKind::invalid, "a contact file must be a map of 'key: value' lines with at least 'name'",
                    Location{path, std::max(root.line, 1), std::max(root.column, 1)});
    }
    Contact contact;
    contact.path = path;
    for (const auto& [key, value] : root.entries) read_key(in, key.text, value, config, contact);
    if (contact.name.empty()) {
        const YamlValue* name = root.find("name");
        throw Error(ErrorKind::invalid, "'name' is required and cannot be empty",
                    Location{path, name ? name->line : 1, name ? name->column : 1});
    }
    return contact;
}

namespace {

// `add` parses what it renders, as every edit does: a text that would not read back
// identically is a bug in the quoting, never a file written.
void check_reads_back(const std::string& rendered, const Contact& c) {
    Config config = default_config();
    if (!c.tier.empty()) config.tiers.push_back(Tier{c.tier, Duration{1, 'w'}, std::nullopt});
    Contact back;
    try {
        back = parse_contact(rendered, "new contact", config);
    } catch (const Error& e) {
        throw std::logic_error("a new contact file does not read back: " + e.located());
    }
    const bool same = back.name == c.name && back.aka == c.aka && back.tier == c.tier && back.cadence == c.cadence &&
                      back.title == c.title && back.org == c.org && back.role == c.role && back.email == c.email &&
                      back.phone == c.phone && back.address == c.address && back.prefer == c.prefer &&
                      back.assistant == c.assistant && back.interests == c.interests && back.tags == c.tags &&
                      back.met == c.met && back.introduced_by == c.introduced_by && back.why == c.why &&
                      back.notes == c.notes && back.birthday == c.birthday && back.since == c.since &&
                      back.snooze == c.snooze && back.url == c.url && back.uid == c.uid;
    if (!same) throw std::logic_error("a new contact file reads back other than it was written");
}

}  // namespace

std::string render_new_contact(const Contact& c) {
    std::string out;
    const auto scalar = [&](const char* key, const std::string& value) {
        if (!value.empty()) out += std::string(key) + ": " + yaml_scalar(value) + "\n";
    };
    const auto raw = [&](const char* key, const std::string& value) { out += std::string(key) + ": " + value + "\n"; };
    const auto list = [&](const char* key, const std::vector<std::string>& values) {
        if (!values.empty()) out += std::string(key) + ": " + yaml_flow_list(values) + "\n";
    };
    scalar("name", c.name);
    list("aka", c.aka);
    scalar("tier", c.tier);
    if (c.cadence) raw("cadence", c.cadence->text());
    scalar("title", c.title);
    scalar("org", c.org);
    scalar("role", c.role);
    list("email", c.email);
    list("phone", c.phone);
    scalar("address", c.address);
    list("url", c.url);
    scalar("prefer", c.prefer);
    scalar("assistant", c.assistant);
    list("interests", c.interests);
    list("tags", c.tags);
    scalar("met", c.met);
    scalar("introduced_by", c.introduced_by);
    scalar("why", c.why);
    if (!c.notes.empty()) out += "notes: " + yaml_scalar(c.notes) + "\n";
    if (c.birthday) raw("birthday", format_month_day(*c.birthday));
    if (c.since) raw("since", format_day(*c.since));
    if (c.snooze) raw("snooze", format_day(*c.snooze));
    scalar("uid", c.uid);
    check_reads_back(out, c);
    return out;
}

}  // namespace kith
