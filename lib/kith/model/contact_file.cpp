#include "kith/model/contact_file.hpp"

#include <stdexcept>

#include "kith/base/error.hpp"
#include "kith/model/fields.hpp"
#include "kith/model/schema.hpp"
#include "kith/yaml/yaml_reader.hpp"

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
        in.fail(value, config.unknown_tier(contact.tier));
}

// Reads one known key, as the field table says; unknown keys are left alone (they stay in
// the file untouched).
void read_key(const SchemaReader& in, const std::string& key, const YamlValue& value, const Config& config,
              Contact& c) {
    const Field* f = find_field(key);
    if (!f) return;
    if (key == "tier") return read_tier(in, value, config, c);
    switch (f->kind) {
        case FieldKind::text: c.*f->text = in.text(value, key); break;
        case FieldKind::text_list: c.*f->list = in.text_list(value, key); break;
        case FieldKind::date: c.*f->day = in.day(value, key); break;
        case FieldKind::yearly_date: c.*f->yearly = in.month_day(value, key); break;
        case FieldKind::duration: c.*f->duration = in.duration(value, key); break;
        case FieldKind::entries:
            if (f->dates) read_dates(in, value, c);
            if (f->followups) read_followups(in, value, c);
            if (f->log) read_log(in, value, c);
            break;
    }
}

}  // namespace

const std::vector<std::string>& canonical_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& f : contact_fields()) out.emplace_back(f.key);
        return out;
    }();
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
    bool same = true;
    for (const auto& f : contact_fields()) same = same && field_equal(f, back, c);
    if (!same) throw std::logic_error("a new contact file reads back other than it was written");
}

}  // namespace

std::string render_new_contact(const Contact& c) {
    std::string out;
    for (const auto& f : contact_fields()) out += render_field(f, c);
    check_reads_back(out, c);
    return out;
}

}  // namespace kith
