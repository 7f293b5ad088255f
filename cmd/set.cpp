// kith set NAME… --FIELD VALUE [--no-FIELD]: change fields without the editor. The options come
// from the field table: one per field but the entries (log, follow-ups, dates).
#include <map>

#include "bulk.hpp"
#include "set.hpp"
#include "tag.hpp"
#include "kith/base/error.hpp"
#include "kith/model/field_change.hpp"

namespace kith::cli {
namespace {

struct SetOptions {
    std::vector<std::string> names;
    std::map<std::string, std::vector<std::string>> values;  // by key, as typed, in order
    std::map<std::string, bool> cleared;                     // by key: --no-FIELD
};

// add's help of a field, as `set` says it: a list takes +X and -X.
std::string set_help(const Field& field) {
    std::string help = *field.help ? field.help : std::string("The '") + field.key + "' field";
    for (const char* aside : {" (repeatable)", " (default: today)"})
        if (const size_t at = help.find(aside); at != std::string::npos) help.erase(at);
    if (field.kind == FieldKind::text_list) help += ": +X adds, -X removes (repeatable)";
    if (field.kind == FieldKind::date) help += ": a DATE";
    return help;
}

Outcome set(Context& ctx, SetOptions& in) {
    People people(ctx);
    const Config& config = people.config();
    std::vector<FieldChange> changes;
    std::string keys;
    for (const Field* field : settable_fields()) {
        const auto& typed = in.values[field->key];
        if (in.cleared[field->key]) changes.push_back(clear_field(*field));
        for (const auto& value : typed) changes.push_back(read_field_change(*field, value, ctx.today(), config));
        if (in.cleared[field->key] || !typed.empty()) keys += (keys.empty() ? "" : ", ") + std::string(field->key);
    }
    if (changes.empty()) fail_usage("say what to change: --FIELD VALUE, or --no-FIELD to remove one (see 'kith set --help')");
    const std::vector<Contact> found = find_people(people, in.names);
    edit_people(
        ctx, config, found,
        [&](const Contact& person, const std::string& text, std::vector<std::string>& done) {
            return apply_field_changes(text, changes, config, person.path, done);
        },
        [&](const std::vector<Contact>& changed) { return "set " + keys + " of " + who(changed); });
    return Outcome::done;
}

}  // namespace

void add_set(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("set", "Change fields of one or more people without the editor");
    auto in = std::make_shared<SetOptions>();
    cmd->add_option("NAME", in->names, "People; '-' reads one NAME a line from standard input")->required();
    for (const Field* field : settable_fields()) {
        const std::string option = set_option(*field);
        cmd->add_option(option, in->values[field->key], set_help(*field));
        if (std::string_view(field->key) != "name")  // in the footer: one line for all of them
            cmd->add_flag("--no-" + option.substr(2), in->cleared[field->key], std::string("Remove ") + field->key)->group("");
    }
    cmd->footer(
        "--no-FIELD removes a field (--no-snooze, --no-org). A list option adds a bare value too; "
        "a phone that starts with + takes a second one (--phone ++44...).\n"
        "Examples:\n"
        "  kith set ada --org \"Analytical Engines\" --title \"Lead Analyst\"\n"
        "  kith set ada --email +ada@work.example --email -ada@old.example\n"
        "  kith set ada grace --snooze \"end of month\" --no-cadence\n"
        "  kith list --tag imported --format tsv | cut -f1 | kith set - --tier loose");
    actions[cmd] = [&ctx, in] { return set(ctx, *in); };
    add_tag(app, ctx, actions);
}

}  // namespace kith::cli
