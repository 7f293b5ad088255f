#pragma once
// The command layer's shared context: global options, output streams, loading the network.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "kith/base/dates.hpp"
#include "kith/store/store.hpp"
#include "kith/base/table.hpp"
#include "messages.hpp"

namespace kith::cli {

// What every command may use: global options and the facts the library is not allowed to read.
struct Context {
    Whereabouts where;
    std::string today_text;      // --today, else $KITH_TODAY, else empty for the local date
    std::string color = "auto";  // --color
    std::string editor;          // $VISUAL, else $EDITOR
    std::string home;            // $HOME
    std::function<std::string(const char*)> env;  // reads the environment, for lookups another program defines (notmuch's)
    bool stdout_is_terminal = false;
    bool stdin_is_terminal = false;
    bool no_color_env = false;
    int terminal_width = 0;      // 0 when stdout is not a terminal
    int stderr_width = 0;        // 0 when stderr is not a terminal: messages are wrapped to it
    std::string self;            // this binary's path (else how it was invoked), for git's merge driver
    bool had_invalid_files = false;
    bool report_on_open = true;          // when the store is opened, warn of conflict copies, report unmerged files
    mutable bool unmerged_checked = false;
    mutable bool had_unmerged = false;   // some contact file is unmerged without markers (exit 3)
    mutable std::set<std::string> warned_copies;  // conflict copies already warned about
    mutable std::optional<Folder> network_folder;  // opened once per run: every store() shares it
    TestHooks hooks;             // test builds only: $KITH_TEST_PAUSE_AT and friends
    bool test_hooks = false;     // $KITH_TEST_HOOKS=1: the hidden commands the tests use
    // How long before a run a file must have last changed for its stamp to vouch for it (sync
    // vdir); test builds: $KITH_TEST_SETTLE_NS.
    std::uint64_t settle_ns = 2'000'000'000;

    // Returns the day commands treat as today.
    Day today() const;
    // Returns true when output should be coloured.
    bool use_color() const;
    // Returns the network folder; throws when there is none.
    std::string root() const;
    // What each commit of this run changed, as the store says (see git_host).
    std::shared_ptr<std::vector<FileChange>> committed = std::make_shared<std::vector<FileChange>>();

    // Opens the store of the network folder, with git's view of it (see git_host). Unless
    // report_on_open is off, the store warns of each conflict copy it finds (once), and the first
    // time the contact files git holds unmerged without conflict markers are reported.
    Store store() const;
    // Reads the network and reports every unreadable file on stderr.
    Network load(bool include_archived = false);
    // Reads every contact a chunk at a time (Store::each_contact), handing each chunk to `use` with
    // the settings; each unreadable file is reported on stderr before its chunk is handed over.
    // `want` chooses the files to read, as for Store::each_contact.
    Network each_contact(bool include_archived, const std::function<void(std::vector<Contact>&, const Config&)>& use,
                         const Store::WantFile& want = {});
    // Writes a table to stdout in the chosen format.
    void print(const Table& table, const std::string& format) const;
    // Prints a message on stderr, wrapped at words to the terminal it is (wrap_hanging).
    void say(const std::string& message) const;
    // Prints a warning on stderr, as "kith: warning: ...".
    void warn(const std::string& message) const;
    // Prints an error on stderr, as "kith: error: ...", control characters shown as escapes.
    void error(const std::string& message) const;
    // Prints "kith: internal error: ...", which says that this is a bug to report.
    void internal_error(const std::string& what) const;
};

// Reports the exception being handled and returns its exit code: kith::Error by its kind
// (2, 3, 4), a file-system failure as I/O (4), anything else as an internal error (70).
// Call it only inside a catch block.
int report_failure(const Context& ctx);

// What a command came to when it throws no error; app.cpp alone says it as an exit code (SPEC 6).
struct Outcome {
    enum Kind {
        done,               // all done (0)
        answered_no,        // a question answered no: due --check with something due, find or email with no match (1)
        conflicts_left,     // a merge left conflicts or a result that does not read: merge-file, fold (1)
        invalid_files,      // some file is invalid: check's problems, an edited copy that does not read (3)
        changed_meanwhile,  // the file changed while the editor had it open: nothing was saved (4)
        program_exit,       // kith ran a program for the user (kith git), whose exit code is kith's
    };
    Kind kind;
    int program_status = 0;  // program_exit only: the program's exit code

    // Makes the outcome of the given kind.
    Outcome(Kind of) : kind(of) {}
    // Returns the outcome of a program run for the user, which exited with `status`.
    static Outcome of_program(int status) {
        Outcome ran(program_exit);
        ran.program_status = status;
        return ran;
    }
};

// A command to run once the command line is parsed; returns what it came to.
using Action = std::function<Outcome()>;
// Actions keyed by the subcommand they belong to.
using Actions = std::map<const CLI::App*, Action>;

// Adds the --format option with the given choices.
CLI::Option* add_format(CLI::App& command, std::string& format, std::vector<std::string> choices = {"text", "tsv", "json"});

// Refuses tier names the settings do not know (exit 2), listing the ones they do.
void check_tiers(const Config& config, const std::vector<std::string>& tiers);

// Runs kith with the given arguments and environment-derived context; returns the exit code.
int run(int argc, char** argv, Context context);

}  // namespace kith::cli
