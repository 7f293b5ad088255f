// kith review [--tier T] [--tag T] [--limit N]: the weekly review, one person at a time and one
// key per action, each a normal write (one Transaction, autocommit when on).
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string_view>

#include "autocommit.hpp"
#include "edit_session.hpp"
#include "lookup.hpp"
#include "review.hpp"
#include "kith/base/dates.hpp"
#include "kith/base/error.hpp"
#include "kith/base/plural.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/interaction.hpp"
#include "kith/model/person_edits.hpp"
#include "kith/store/transaction.hpp"
#include "kith/views/review_view.hpp"
#include "kith/model/layout.hpp"

namespace kith::cli {
namespace {

struct ReviewOptions {
    std::vector<std::string> tiers, tags;
    size_t limit = 0;
};

// Reads one key from the terminal, without waiting for Enter and without echo.
char read_key() {
    termios before{};
    tcgetattr(STDIN_FILENO, &before);
    termios raw = before;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    char key = 'q';
    if (::read(STDIN_FILENO, &key, 1) != 1) key = 'q';  // the terminal went away: stop
    tcsetattr(STDIN_FILENO, TCSANOW, &before);
    return key;
}

// Asks for a line of text after `question`; "" when the terminal went away.
std::string ask(const std::string& question) {
    std::cout << "  " << question << ": " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return "";
    return answer;
}

// What the last action changed, so that 'u' can take it back: a file's text before and after,
// or a move to archive/.
struct LastChange {
    std::string path, before, after;  // an edit: the file and its texts
    std::string moved_to;             // an archive: where the file went
    std::string name, what;
};

class Review {
public:
    Review(Context& ctx, const Config& config) : ctx_(ctx), config_(config), store_(ctx.store()) {}

    // Runs the action of one key (l, f, s, t, a, e; any other: undo) on the person.
    bool act(char key, const Contact& person);

    std::string summary(size_t seen, size_t total) const {
        std::string out = "reviewed " + std::to_string(seen) + " of " + count_of(total, "person", "people");
        for (const auto& [what, n] : done_)
            if (n > 0) out += ", " + std::to_string(n) + " " + what;
        return out;
    }

private:
    void write(const Contact& person, const std::string& what, const Store::Edit& edit);
    void count(const std::string& what, int by = 1) {
        for (auto& [name, n] : done_)
            if (name == what) n += by;
    }
    void undo();

    Context& ctx_;
    const Config& config_;
    Store store_;
    std::optional<LastChange> last_;
    std::vector<std::pair<std::string, int>> done_ = {{"logged", 0},   {"followed up", 0}, {"snoozed", 0}, {"tiered", 0},
                                                      {"archived", 0}, {"edited", 0},      {"undone", 0}};
};

void Review::write(const Contact& person, const std::string& what, const Store::Edit& edit) {
    LastChange change{person.path, "", "", "", person.name, what};
    Transaction transaction(store_, config_);
    transaction.edit(person.path, [&](const std::string& text) {
        change.before = text;
        change.after = edit(text);
        return change.after;
    });
    const std::vector<std::string> changed = transaction.commit();
    ctx_.say("  " + person.name + ": " + what);
    autocommit(ctx_, config_, store_, changed, "kith: review: " + person.name + ": " + what);
    last_ = change;
}

void Review::undo() {
    if (!last_) {
        ctx_.say("  nothing to undo");
        return;
    }
    Transaction transaction(store_, config_);
    if (!last_->moved_to.empty()) {
        transaction.move(last_->moved_to, last_->path);
    } else {
        transaction.edit(last_->path, [&](const std::string& text) {
            if (text != last_->after) throw Error(ErrorKind::io, last_->path + " changed since; not undone");
            return last_->before;
        });
    }
    const std::vector<std::string> changed = transaction.commit();
    ctx_.say("  undone: " + last_->name + ": " + last_->what);
    autocommit(ctx_, config_, store_, changed, "kith: review: undo " + last_->name + ": " + last_->what);
    count("undone");
    last_.reset();
}

bool Review::act(char key, const Contact& person) {
    const Day today = ctx_.today();
    switch (key) {
        case 'l': {
            const std::string kind = ask("kind (" + std::string("call, coffee, lunch, message, ...; Enter: none") + ")");
            const LogEntry entry{today, kind, ask("note"), "", 0};
            write(person, "logged " + (kind.empty() ? std::string("contact") : kind) + " on " + format_day(today),
                  [&](const std::string& text) { return log_interaction(text, entry, std::nullopt, person.path); });
            count("logged");
            return true;
        }
        case 'f': {
            const Day due = parse_cli_day(ask("when (e.g. friday, 2w, 2026-12-24)"), today, Direction::future);
            const FollowUp followup{due, ask("what"), std::nullopt, 0};
            write(person, "follow up on " + format_day(due) + ": " + followup.what,
                  [&](const std::string& text) { return add_followup(text, followup, person.path); });
            count("followed up");
            return true;
        }
        case 's': {
            const Day until = parse_cli_day(ask("snooze until (e.g. 2w, 3m, 2027-01-10)"), today, Direction::future);
            write(person, "snoozed until " + format_day(until), [&](const std::string& text) {
                return kith::snooze(text, until, person.path, config_).text;
            });
            count("snoozed");
            return true;
        }
        case 't': {
            const std::string tier = ask("tier (" + config_.tier_names() + ")");
            check_tiers(config_, {tier});
            write(person, "tier " + tier, [&](const std::string& text) {
                return kith::set_tier(text, tier, std::nullopt, person.path, config_).text;
            });
            count("tiered");
            return true;
        }
        case 'a': {
            const std::string target = layout::person_path(person.slug, true);
            Transaction transaction(store_, config_);
            transaction.move(person.path, target);
            const std::vector<std::string> changed = transaction.commit();
            ctx_.say("  archived " + person.name + " (" + target + ")");
            autocommit(ctx_, config_, store_, changed, "kith: review: archive " + person.name);
            last_ = LastChange{person.path, "", "", target, person.name, "archived"};
            count("archived");
            return true;
        }
        case 'e': {
            const EditResult result = edit_contact_file(ctx_, store_, person.path, config_);
            if (!result.changed.empty()) {
                autocommit(ctx_, config_, store_, result.changed, "kith: review: edit " + person.name);
                count("edited");
            }
            last_.reset();  // an edit is taken back in the editor, or with git
            return true;
        }
        default: undo(); return true;
    }
}

Outcome review(Context& ctx, const ReviewOptions& in) {
    if (!ctx.stdout_is_terminal || !ctx.stdin_is_terminal)
        fail_usage("review asks one key per person and needs a terminal; for a script use 'kith due --format tsv'");
    const Network network = load_index(ctx);
    check_tiers(network.config, in.tiers);
    const std::vector<DueItem> items =
        due_items(network.contacts, network.config, DueQuery{ctx.today(), std::nullopt, in.tiers, in.tags, 0});
    const std::vector<ReviewStop> stops = review_stops(items, in.limit);
    if (stops.empty()) {
        ctx.say("nothing is due: nobody to review");
        return Outcome::done;
    }
    Review session(ctx, network.config);
    size_t seen = 0;
    for (size_t i = 0; i < stops.size(); ++i) {
        People people(ctx);
        const Contact person = people.find(stops[i].contact->slug);  // in full, from the file
        std::cout << "\n" << render_review_card(stops[i], network.config, i + 1, stops.size(), ctx.terminal_width);
        ++seen;
        for (;;) {
            std::cout << "  [l]og [f]ollow-up [s]nooze [t]ier [a]rchive [e]dit [n]ext [u]ndo [q]uit " << std::flush;
            const char key = read_key();
            std::cout << "\n";
            if (key == 'q') {
                ctx.say(session.summary(seen, stops.size()));
                return Outcome::done;
            }
            if (key == 'n' || key == ' ') break;
            if (std::string_view("lfstaeu").find(key) == std::string_view::npos) continue;
            try {
                session.act(key, person);
            } catch (const Error& e) {
                ctx.error(e.located());  // the review goes on: nothing was written
                continue;
            }
            if (key != 'u') break;
        }
    }
    ctx.say(session.summary(seen, stops.size()));
    return Outcome::done;
}

}  // namespace

void add_review(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("review", "Go through who is due, one person at a time, one key per action");
    auto in = std::make_shared<ReviewOptions>();
    cmd->add_option("--tier", in->tiers, "Only these tiers");
    cmd->add_option("--tag", in->tags, "Only people with one of these tags");
    cmd->add_option("--limit", in->limit, "At most N people, most overdue first")->check(count_check(1, 0));
    cmd->footer(
        "Most overdue first. Keys: l log (asks kind and note), f follow-up, s snooze, t tier,\n"
        "a archive, e edit, space or n next, u undo the last action, q quit. Each action is\n"
        "written and committed at once. It runs on a terminal only.\n"
        "Example:\n  kith review --tier core --limit 10");
    actions[cmd] = [&ctx, in] { return review(ctx, *in); };
}

}  // namespace kith::cli
