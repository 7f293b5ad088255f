// kith email QUERY: addresses for mutt's, neomutt's and aerc's query_command.
#include <iostream>

#include "email.hpp"
#include "lookup.hpp"
#include "kith/query/email_lookup.hpp"

namespace kith::cli {

void add_email(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("email", "Look up email addresses for a mail client; exit 1 when nothing matches");
    auto query = std::make_shared<std::string>();
    cmd->add_option("QUERY", *query, "Part of a name, aka, email or organisation")->required();
    cmd->footer("Prints a line of text, then ADDRESS<TAB>NAME<TAB>ORG per address.\n"
                "Examples:\n"
                "  kith email ada\n"
                "  .muttrc:   set query_command = \"kith --dir ~/network email %s\"\n"
                "  aerc.conf: address-book-cmd = kith --dir ~/network email \"%s\"");
    actions[cmd] = [&ctx, query] {
        const Network network = load_index(ctx);
        const auto matches = find_emails(network.contacts, *query);
        if (matches.empty()) return Outcome::answered_no;
        // A mail client reads the tab-separated lines; a person at a terminal gets them aligned.
        std::cout << render_email_query(matches, *query, ctx.stdout_is_terminal ? ctx.terminal_width : 0);
        return Outcome::done;
    };
}

}  // namespace kith::cli
