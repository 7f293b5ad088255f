// kith introduce A B --ask [-m WHY] [--dry-run] [--follow-up WHEN] [--drafts DIR]
// kith introduce A B [-m WHY] [--dry-run] [--format text|json] [--follow-up WHEN] [--again] [--drafts DIR]
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
#include "kith/store/outside_file.hpp"
#include "lookup.hpp"

namespace kith::cli {
namespace {

struct IntroduceOptions {
    std::vector<std::string> names;
    std::string why, format = "text", follow_up, drafts;
    bool dry_run = false, again = false, suggest = false, same_org = false, ask = false;
    size_t limit = 10;
};

Outcome suggest(Context& ctx, const IntroduceOptions& in) {
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
    return Outcome::done;
}

std::string introduced_already(const Contact& a, const Contact& b) {
    return a.name + " and " + b.name + " were introduced already (see 'kith show'); add --again to do it again";
}

std::string asked_already(const Contact& a, const Contact& b) {
    return a.name + " and " + b.name + " were asked already (a follow-up 'waiting for yes' is open); once both said yes, "
           "run 'kith introduce " + a.slug + " " + b.slug + "'";
}

// Records one step on both people in one locked step, both files or neither: the asks as a
// follow-up on each, or the introduction in each log, closing the asks.
void record(Context& ctx, const Config& config, const Contact& a, const Contact& b, const IntroduceOptions& in) {
    const Day today = ctx.today();
    std::optional<FollowUp> followup;
    if (!in.follow_up.empty()) followup = FollowUp{parse_cli_day(in.follow_up, today, Direction::future), "", std::nullopt, 0};
    if (in.ask && !followup) followup = FollowUp{add_duration(today, Duration{1, 'w'}), "", std::nullopt, 0};
    const auto edit_for = [&](const Contact& self, const Contact& other) {
        return [&, followup](const std::string& text) mutable {
            // Decided again under the lock, from the file as it is now: a step recorded since
            // the first read is not recorded twice.
            Contact now = parse_contact(text, self.path, config);
            now.slug = self.slug;
            if (in.ask) {
                if (!open_asks(now, other).empty()) fail_usage(asked_already(a, b));
                followup->what = ask_followup_text(other);
                return add_followup(text, *followup, self.path);
            }
            if (!in.again && already_introduced(now, other)) fail_usage(introduced_already(a, b));
            std::string out = add_log_entry(text, LogEntry{today, "intro", in.why, other.slug, 0}, self.path);
            out = close_asks(out, other, today, self.path, config);
            if (!followup) return out;
            followup->what = "ask how the introduction to " + other.name + " went";
            return add_followup(out, *followup, self.path);
        };
    };
    const Store store = ctx.store();
    const std::vector<std::string> paths = store.edit_contacts({{a.path, edit_for(a, b)}, {b.path, edit_for(b, a)}}, config);
    if (in.ask)
        ctx.say("recorded the asks on both: a follow-up 'waiting for yes' due " + format_day(followup->due) +
                "; once both said yes, run 'kith introduce " + a.slug + " " + b.slug + "'");
    else
        ctx.say("recorded the introduction of " + a.name + " and " + b.name + " on both" +
                (followup ? "; follow up on " + format_day(followup->due) : ""));
    autocommit(ctx, config, store, paths,
               (in.ask ? "kith: ask " : "kith: introduce ") + a.name + " and " + b.name);
}

// The drafts of one step, as file names and messages: the two asks, or the introduction.
std::vector<std::pair<std::string, const Message*>> drafts_of(const Introduction& intro, const Contact& a,
                                                              const Contact& b, bool ask) {
    if (!ask) return {{"introduce-" + a.slug + "-and-" + b.slug + ".eml", &intro.introduce}};
    return {{"ask-" + a.slug + "-to-meet-" + b.slug + ".eml", &intro.ask_a},
            {"ask-" + b.slug + "-to-meet-" + a.slug + ".eml", &intro.ask_b}};
}

// Writes each message as an RFC 5322 draft in DIR, through the outside-file writer; a draft
// there already is never replaced (the user may have edited it).
void write_drafts(Context& ctx, const OutsideFolder& folder, const Config& config,
                  const std::vector<std::pair<std::string, const Message*>>& drafts) {
    std::string written;
    for (const auto& [name, message] : drafts) {
        const Draft draft = render_draft({config.me_name, config.me_email}, message->recipients, message->subject, message->body);
        for (const auto& who : draft.left_out) ctx.warn("no email address for " + who + ": " + name + " has no To for them");
        folder.write(name, draft.text);
        written += (written.empty() ? "" : ", ") + folder.path_of(name);
    }
    ctx.say("wrote " + written + " (open one with 'mutt -H FILE')");
}

Outcome introduce(Context& ctx, const IntroduceOptions& in) {
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
    if (already_introduced(a, b) && !in.again && !in.dry_run) fail_usage(introduced_already(a, b));
    const bool asked = !open_asks(a, b).empty() || !open_asks(b, a).empty();
    if (in.ask && asked && !in.dry_run) fail_usage(asked_already(a, b));
    const Introduction intro = compose_introduction(a, b, config, in.why);
    const auto drafts = drafts_of(intro, a, b, in.ask);
    std::optional<OutsideFolder> folder;
    if (!in.drafts.empty() && !in.dry_run) {
        refuse_network_place(in.drafts, ctx.root());
        folder.emplace(in.drafts, true);
        for (const auto& [name, message] : drafts)
            if (folder->head(name, 1)) fail_usage("'" + folder->path_of(name) + "' exists already; send or move it first");
    }
    if (config.me_name.empty())
        ctx.warn("kith.yaml has no 'me: {name: ...}', so the messages are not signed");
    if (!intro.shared_tags.empty() && in.format == "text") {
        std::string tags;
        for (const auto& t : intro.shared_tags) tags += (tags.empty() ? "" : ", ") + t;
        ctx.say("for you, not in the messages: both are tagged " + tags);
    }
    if (!in.ask && !asked && in.format == "text")
        ctx.say("nobody was asked with --ask, so this is the introduction itself; to ask both first: 'kith introduce " +
                a.slug + " " + b.slug + " --ask'");
    std::cout << (in.format == "json" ? introduction_json(intro, a, b, in.why)
                                      : render_introduction(intro, in.ask ? IntroStep::ask : IntroStep::introduce));
    if (in.dry_run) return Outcome::done;
    record(ctx, config, a, b, in);
    if (folder) write_drafts(ctx, *folder, config, drafts);
    return Outcome::done;
}

}  // namespace

void add_introduce(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("introduce", "Ask two people, then introduce them (double opt-in); suggest who should meet");
    auto in = std::make_shared<IntroduceOptions>();
    cmd->add_option("NAME", in->names, "Two people to introduce; with --suggest, at most one");
    cmd->add_flag("--ask", in->ask, "Step 1: draft the two asks; record 'waiting for yes' on both");
    cmd->add_option("-m,--why", in->why, "Why they should talk");
    cmd->add_flag("--dry-run", in->dry_run, "Print the messages; record and write nothing");
    cmd->add_option("--drafts", in->drafts, "Also write each message as an .eml draft in DIR (mutt -H FILE)")->option_text("DIR");
    cmd->add_option("--follow-up", in->follow_up,
                    "WHEN to ask both how it went (with --ask: when the yes is due; default 1w)");
    cmd->add_flag("--again", in->again, "Introduce a pair that was introduced before");
    cmd->add_flag("--suggest", in->suggest, "Suggest pairs worth introducing, with the reasons");
    cmd->add_option("--limit", in->limit, "With --suggest: at most N pairs (0: all)")->check(count_check(0, 0));
    cmd->add_flag("--same-org", in->same_org, "With --suggest: also pairs at the same organisation");
    add_format(*cmd, in->format, {"text", "tsv", "json"})->description("Output format (default text); tsv only with --suggest");
    cmd->footer(
        "Examples:\n"
        "  kith introduce ada omar --ask -m \"Omar needs a data partner; Ada's team builds one\"\n"
        "  kith introduce ada omar --follow-up 3w   # once both said yes: the introduction\n"
        "  kith introduce ada omar --ask --drafts ~/mail/drafts\n"
        "  kith introduce --suggest --limit 5");
    actions[cmd] = [&ctx, in] { return introduce(ctx, *in); };
}

}  // namespace kith::cli
