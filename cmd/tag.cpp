// kith tag NAME… +TAG -TAG: add and remove tags of one or more people, in one change.
#include "bulk.hpp"
#include "tag.hpp"
#include "kith/base/error.hpp"
#include "kith/model/field_change.hpp"

namespace kith::cli {
namespace {

Outcome tag(Context& ctx, const std::vector<std::string>& words) {
    People people(ctx);
    const Config& config = people.config();
    const Field& tags = *find_field("tags");
    std::vector<std::string> names;
    std::vector<FieldChange> changes;
    std::string ops;
    for (const auto& word : words) {
        if (word.starts_with("--"))
            fail_usage("'" + word + "' after the tags: give options before 'tag' (kith --dir DIR tag NAME +TAG)");
        if (word.size() > 1 && (word.front() == '+' || word.front() == '-')) {
            changes.push_back(read_field_change(tags, word, ctx.today(), config));
            ops += " " + word;
        } else
            names.push_back(word);
    }
    if (changes.empty()) fail_usage("say which tags: +TAG adds one, -TAG removes one (kith tag ada +mentor -london)");
    const std::vector<Contact> found = find_people(people, names);
    edit_people(
        ctx, config, found,
        [&](const Contact& person, const std::string& text, std::vector<std::string>& done) {
            return apply_field_changes(text, changes, config, person.path, done);
        },
        [&](const std::vector<Contact>& changed) { return "tag " + who(changed) + ops; });
    return Outcome::done;
}

}  // namespace

void add_tag(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("tag", "Add (+TAG) and remove (-TAG) tags of one or more people");
    auto words = std::make_shared<std::vector<std::string>>();
    cmd->add_option("NAME", *words, "People ('-': one NAME a line from standard input), then +TAG or -TAG")->required();
    cmd->positionals_at_end();  // after the first NAME, "-london" is a tag to remove, not an option
    cmd->footer(
        "Examples:\n"
        "  kith tag ada grace +mentor -london\n"
        "  kith list --tag imported --format tsv | cut -f1 | kith tag - -imported +met-2026");
    actions[cmd] = [&ctx, words] { return tag(ctx, *words); };
}

}  // namespace kith::cli
