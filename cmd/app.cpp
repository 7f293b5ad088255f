#include "app.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <new>
#include <stdexcept>

#include "add.hpp"
#include "archive.hpp"
#include "autocommit.hpp"
#include "check.hpp"
#include "complete.hpp"
#include "due.hpp"
#include "duplicates.hpp"
#include "edit.hpp"
#include "email.hpp"
#include "export.hpp"
#include "find.hpp"
#include "fold.hpp"
#include "follow.hpp"
#include "git.hpp"
#include "git_merge.hpp"
#include "import.hpp"
#include "init.hpp"
#include "introduce.hpp"
#include "kith/base/error.hpp"
#include "kith/base/text.hpp"
#include "kith/model/layout.hpp"
#include "list.hpp"
#include "log.hpp"
#include "merge.hpp"
#include "merge_file.hpp"
#include "messages.hpp"
#include "rename.hpp"
#include "report.hpp"
#include "review.hpp"
#include "set.hpp"
#include "show.hpp"
#include "stats.hpp"
#include "sync_calendar.hpp"
#include "sync_mail.hpp"
#include "sync_vdir.hpp"
#include "tier.hpp"
#include "unarchive.hpp"
#include "where.hpp"

namespace kith::cli {
namespace {

Day local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return date::sys_days{date::year_month_day{date::year{local.tm_year + 1900},
                                               date::month{static_cast<unsigned>(local.tm_mon + 1)},
                                               date::day{static_cast<unsigned>(local.tm_mday)}}};
}

int exit_code(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::usage: return 2;
        case ErrorKind::invalid: return 3;
        case ErrorKind::io: return 4;
    }
    return 4;
}

int exit_code(const Outcome& outcome) {
    switch (outcome.kind) {
        case Outcome::done: return 0;
        case Outcome::answered_no:
        case Outcome::conflicts_left: return 1;
        case Outcome::invalid_files: return 3;
        case Outcome::changed_meanwhile: return 4;
        case Outcome::program_exit: return outcome.program_status;
    }
    return 70;
}

const std::vector<std::string>& verbs(const CLI::App& app) {
    static std::vector<std::string> names;
    if (names.empty())
        for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

// Returns the command the line names ("" when none). Before it, refuses an option the top
// level does not know, and a first word that is no command, each with "did you mean".
std::string check_verb(const CLI::App& app, int argc, char** argv) {
    const auto globals = option_names(app, app);
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--") return "";
        if (word.starts_with("-") && word != "-") {
            std::string bare = word.substr(0, word.find('='));
            if (bare == "--version") return "";
            if (!bare.starts_with("--") && bare.size() > 2) bare = bare.substr(0, 2);  // -dFOLDER
            if (std::find(globals.begin(), globals.end(), bare) == globals.end()) {
                const std::string close = bare.starts_with("--") ? suggest_word(bare, globals) : "";
                fail_usage("unknown option '" + word + "'" + did_you_mean(close) +
                           " (see 'kith --help')");
            }
            const CLI::Option* option = app.get_option_no_throw(bare);
            if (option && option->get_type_size() != 0 && bare == word) ++i;
            continue;
        }
        const auto& names = verbs(app);
        if (std::find(names.begin(), names.end(), word) != names.end()) return word;
        const std::string best = suggest_word(word, names);
        fail_usage("'" + word + "' is not a kith command" + did_you_mean(best) +
                   " (see 'kith --help')");
    }
    return "";
}

// Throws what a test asks for, to prove how each kind of failure is reported (KITH_TEST_HOOKS=1 only).
Outcome crash(const std::string& kind) {
    if (kind == "logic") throw std::logic_error("a broken invariant");
    if (kind == "range") (void)std::string().at(1);
    if (kind == "alloc") throw std::bad_alloc();
    if (kind == "fs")
        throw std::filesystem::filesystem_error("cannot open", layout::person_path("x"),
                                                std::make_error_code(std::errc::permission_denied));
    if (kind == "ios") throw std::ios_base::failure("cannot read");
    if (kind == "other") throw 42;
    if (kind == "usage") fail_usage("asked for '" + kind + "'");
    return Outcome::done;
}

void add_test_hooks(CLI::App& app, Actions& actions) {
    auto* cmd = app.add_subcommand("__crash", "")->group("");
    auto kind = std::make_shared<std::string>();
    cmd->add_option("KIND", *kind)->required();
    actions[cmd] = [kind] { return crash(*kind); };
}

// Adds a command (or a family of them) to the app: its options, help and action.
using Register = void (*)(CLI::App& app, Context& ctx, Actions& actions);

// The one table of kith's commands, in the order 'kith --help' lists them: dispatch (the actions),
// help and the spelling suggestions (verbs) all read the subcommands it adds.
constexpr Register kCommands[] = {
    add_init, add_add, add_show, add_list, add_check, add_log, add_tier, add_due, add_review, add_follow,
    add_archive, add_set, add_introduce, add_find, add_edit, add_report, add_stats, add_merge_file,
    add_duplicates, add_merge, add_fold, add_git, add_email, add_import, add_export, add_where, add_sync_vdir,
    add_sync_mail, add_sync_calendar, add_complete,
};

// Returns the exit code once what was printed has been written: a full disk or a closed pipe
// on standard output is an I/O error (4), never a silent success.
int written(const Context& ctx, int rc) {
    errno = 0;
    if (std::cout.flush()) return rc;
    const int why = errno;
    ctx.error(std::string("cannot write to standard output") + (why ? std::string(" (") + std::strerror(why) + ")" : ""));
    return 4;
}

}  // namespace

int report_failure(const Context& ctx) {
    try {
        throw;
    } catch (const Error& e) {
        ctx.error(e.located());
        return exit_code(e.kind());
    } catch (const std::filesystem::filesystem_error& e) {
        // The world, not a bug: a file or folder kith could not read, write or move.
        std::string what = e.what();
        if (what.starts_with("filesystem error: ")) what.erase(0, 18);
        ctx.error(what);
        return 4;
    } catch (const std::ios_base::failure& e) {
        ctx.error(std::string("input/output failed: ") + e.what());
        return 4;
    } catch (const std::exception& e) {
        ctx.internal_error(e.what());
    } catch (...) {
        ctx.internal_error("an unknown exception");
    }
    return 70;
}

Day Context::today() const {
    const Day local = local_today();
    if (today_text.empty()) return local;
    try {
        return parse_cli_day(today_text, local, Direction::past);
    } catch (const Error& e) {
        fail_usage("--today: " + e.message());
    }
}

bool Context::use_color() const {
    if (color == "always") return true;
    if (color == "never") return false;
    return stdout_is_terminal && !no_color_env;
}

std::string Context::root() const { return find_network(where); }

Store Context::store() const {
    const std::string folder = root();
    if (!network_folder || network_folder->path() != folder) network_folder.emplace(folder);
    Store opened(*network_folder, hooks, git_host(*this, folder));
    if (!report_on_open) return opened;
    opened.on_conflict_copy([this](const Error& copy) {
        if (warned_copies.insert(copy.where().path).second) warn(copy.located());
    });
    if (!unmerged_checked) {
        unmerged_checked = true;
        for (const auto& problem : unmerged_without_markers(opened)) {
            error(problem.located());
            had_unmerged = true;
        }
    }
    return opened;
}

Network Context::load(bool include_archived) {
    Network network = store().load(include_archived);
    for (const auto& problem : network.problems) {
        error(problem.located());
        had_invalid_files = true;
    }
    return network;
}

Network Context::each_contact(bool include_archived,
                              const std::function<void(std::vector<Contact>&, const Config&)>& use,
                              const Store::WantFile& want) {
    const Store opened = store();
    const Config config = opened.load_config();
    return opened.each_contact(
        include_archived, [&](std::vector<Contact>& read_now) { use(read_now, config); },
        [&](const Error& problem) {
            error(problem.located());
            had_invalid_files = true;
        },
        want);
}

void Context::print(const Table& table, const std::string& format) const {
    if (format == "tsv") std::cout << render_tsv(table);
    else if (format == "json") write_json(table, std::cout);
    else std::cout << render_text(table, TextStyle{terminal_width, use_color()});
}

// Messages quote values from files and the command line: no control character in them
// reaches the terminal (SPEC 6).
// On a terminal, a message longer than a line is wrapped at words, never cut (wrap_hanging).
void Context::say(const std::string& message) const { std::cerr << wrap_hanging(visible(message), stderr_width) << "\n"; }

void Context::warn(const std::string& message) const { say("kith: warning: " + message); }

void Context::error(const std::string& message) const { say("kith: error: " + message); }

void Context::internal_error(const std::string& what) const {
    std::cerr << "kith: internal error: " << visible(what)
              << "; this is a bug in kith " KITH_VERSION ", not a problem with your files; please report it\n";
}

CLI::Option* add_format(CLI::App& command, std::string& format, std::vector<std::string> choices) {
    return command.add_option("--format", format, "Output format (default text)")
        ->check(choice_check(choices))
        ->default_val("text");
}

void check_tiers(const Config& config, const std::vector<std::string>& tiers) {
    for (const auto& tier : tiers)
        config.require_tier(tier);
}

int run(int argc, char** argv, Context ctx) {
    CLI::App app{"kith keeps your network warm from plain text: one YAML file per person.", "kith"};
    use_kith_help(app);
    app.set_version_flag("--version", "kith " KITH_VERSION);
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.footer("Run 'kith COMMAND --help' for a command's options and examples.");
    std::string dir, today;
    app.add_option("-d,--dir", dir, "The network folder (else $KITH_DIR, else the nearest kith.yaml above)");
    app.add_option("--today", today, "Treat this DATE as today (else $KITH_TODAY)");
    app.add_option("--color", ctx.color, "Colour: auto (on a terminal without NO_COLOR), always or never")
        ->check(choice_check({"auto", "always", "never"}));

    Actions actions;
    for (const Register add : kCommands) add(app, ctx, actions);
    if (ctx.test_hooks) add_test_hooks(app, actions);

    int rc = 0;
    std::string verb;
    const int width = ctx.terminal_width > 0 ? ctx.terminal_width : 80;
    try {
        verb = check_verb(app, argc, argv);
        // Completion prints nothing on stderr; merge-file is the driver, and what redoes a merge.
        if (verb == "__complete" || verb == "merge-file") ctx.report_on_open = false;
        app.parse(split_git_arguments(argc, argv), argv);
        if (!dir.empty()) ctx.where.dir_option = dir;
        if (!today.empty()) ctx.today_text = today;
        const auto chosen = app.get_subcommands();
        if (chosen.empty()) {
            std::cout << wrap_help(app.help(), width);
            return written(ctx, 0);
        }
        rc = exit_code(actions.at(chosen.front())());
    } catch (const CLI::CallForHelp&) {
        std::cout << wrap_help(app.help(), width);
        return written(ctx, 0);
    } catch (const CLI::CallForAllHelp&) {
        std::cout << wrap_help(app.help("", CLI::AppFormatMode::All), width);
        return written(ctx, 0);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        ctx.error(explain(e, app, verb));
        return 2;
    } catch (...) {
        rc = report_failure(ctx);
    }
    if ((ctx.had_invalid_files || ctx.had_unmerged) && rc < 2) rc = 3;
    return written(ctx, rc);
}

}  // namespace kith::cli
