// kith introduce A B [-m WHY] [--dry-run] [--format text|json] [--follow-up WHEN] [--again]
// kith introduce --suggest [NAME] [--limit N] [--same-org] [--format text|tsv|json]
#include <iostream>

#include "autocommit.hpp"
#include "introduce.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/base/error.hpp"
#include "kith/model/interaction.hpp"
#include "kith/query/introduce.hpp"
#include "kith/query/resolve.hpp"
#include "kith/query/suggest.hpp"
#include "lookup.hpp"

namespace kith::cli {
namespace {

struct IntroduceOptions {
    std::vector<std::string> names;
    std::string why, format = "text", follow_up;
    bool dry_run = false, again = false, suggest = false, same_org = false;
    size_t limit = 10;
};

int suggest(Context& ctx, const IntroduceOptions& in) {
    if (in.names.size() > 1) fail_usage("--suggest takes at most one NAME");
    if (in.format == "ics") fail_usage("--format ics is for 'kith due'");
    // The files are read a chunk at a time; of each person only what suggestions read is kept.
    std::vector<Contact> people;
    const Network network = ctx.each_contact(false, [&](std::vector<Contact>& read_now, const Config&) {
        for (const auto& contact : read_now) people.push_back(suggest_digest(contact));
    });
    SuggestQuery query;
    query.limit = in.limit;
    query.same_org = in.same_org;
    if (!in.names.empty()) query.only = &resolve(people, in.names[0]);
    ctx.print(suggestion_table(suggest_introductions(people, network.config, query)), in.format);
    return 0;
}

// Records the introduction on both people in one locked step: both files or neither.
void record(Context& ctx, const Config& config, const Contact& a, const Contact& b, const IntroduceOptions& in) {
    const Day today = ctx.today();
    std::optional<FollowUp> followup;
    if (!in.follow_up.empty()) followup = FollowUp{parse_cli_day(in.follow_up, today, Direction::future), "", std::nullopt, 0};
    const auto edit_for = [&](const Contact& self, const Contact& other) {
        return [&, followup](const std::string& text) mutable {
            // Decided again under the lock, from the file as it is now: an introduction
            // recorded since the first read is not recorded twice.
            Contact now = parse_contact(text, self.path, config);
            now.slug = self.slug;
            if (!in.again && already_introduced(now, other))
                fail_usage(a.name + " and " + b.name + " were introduced already (see 'kith show'); add --again to do it again");
            std::string out = add_log_entry(text, LogEntry{today, "intro", in.why, other.slug, 0}, self.path);
            if (!followup) return out;
            followup->what = "ask how the introduction to " + other.name + " went";
            return add_followup(out, *followup, self.path);
        };
    };
    const Store store = ctx.store();
    const std::vector<std::string> paths = store.edit_contacts({{a.path, edit_for(a, b)}, {b.path, edit_for(b, a)}}, config);
    ctx.say("recorded the introduction of " + a.name + " and " + b.name + " on both" +
            (followup ? "; follow up on " + format_day(followup->due) : ""));
    autocommit(ctx, config, store.root(), paths, "kith: introduce " + a.name + " and " + b.name);
}

int introduce(Context& ctx, const IntroduceOptions& in) {
    if (in.suggest) return suggest(ctx, in);
    if (in.names.size() != 2) fail_usage("introduce takes two people: 'kith introduce A B' (or --suggest)");
    if (in.format == "tsv" || in.format == "ics") fail_usage("--format tsv is for --suggest; an introduction is text or json (see 'kith introduce --help')");
    // Each NAME a slug (that file alone) or found in the index's names; then only the two
    // files are read in full.
    People people(ctx);
    const Contact a = people.find(in.names[0]);
    const Contact b = people.find(in.names[1]);
    const Config& config = people.config();
    if (a.path == b.path) fail_usage("'" + in.names[0] + "' and '" + in.names[1] + "' are both " + a.name + "; introduce two people");
    if (already_introduced(a, b) && !in.again && !in.dry_run)
        fail_usage(a.name + " and " + b.name + " were introduced already (see 'kith show'); add --again to do it again");
    if (config.me_name.empty())
        ctx.warn("kith.yaml has no 'me: {name: ...}', so the messages are not signed");
    const Introduction intro = compose_introduction(a, b, config, in.why);
    if (!intro.shared_tags.empty() && in.format == "text") {
        std::string tags;
        for (const auto& t : intro.shared_tags) tags += (tags.empty() ? "" : ", ") + t;
        ctx.say("for you, not in the messages: both are tagged " + tags);
    }
    std::cout << (in.format == "json" ? introduction_json(intro, a, b, in.why) : render_introduction(intro));
    if (!in.dry_run) record(ctx, config, a, b, in);
    return 0;
}

}  // namespace

void add_introduce(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("introduce", "Write a double-opt-in introduction with real context; suggest who should meet");
    auto in = std::make_shared<IntroduceOptions>();
    cmd->add_option("NAME", in->names, "Two people to introduce; with --suggest, at most one");
    cmd->add_option("-m,--why", in->why, "Why they should talk");
    cmd->add_flag("--dry-run", in->dry_run, "Print the messages; record nothing");
    cmd->add_option("--follow-up", in->follow_up, "WHEN to ask both how it went (adds a follow-up on each)");
    cmd->add_flag("--again", in->again, "Introduce a pair that was introduced before");
    cmd->add_flag("--suggest", in->suggest, "Suggest pairs worth introducing, with the reasons");
    cmd->add_option("--limit", in->limit, "With --suggest: at most N pairs (0: all)")->check(count_check(0, 0));
    cmd->add_flag("--same-org", in->same_org, "With --suggest: also pairs at the same organisation");
    add_format(*cmd, in->format, {"text", "tsv", "json"})->description("Output format (default text); tsv only with --suggest");
    cmd->footer(
        "Examples:\n"
        "  kith introduce ada omar -m \"Omar needs a data partner; Ada's team builds one\" --follow-up 3w\n"
        "  kith introduce ada omar --dry-run --format json\n"
        "  kith introduce --suggest --limit 5\n"
        "  kith introduce --suggest lena");
    actions[cmd] = [&ctx, in] { return introduce(ctx, *in); };
}

}  // namespace kith::cli
