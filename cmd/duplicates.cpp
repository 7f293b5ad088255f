// kith duplicates [--format text|tsv|json]: pairs of people who share an e-mail, a phone, a web
// address or a name (ignoring case and accents), with why.
#include "duplicates.hpp"

#include "kith/query/duplicates.hpp"

namespace kith::cli {

void add_duplicates(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("duplicates", "List people who may be one: a shared email, phone, URL or name");
    auto format = std::make_shared<std::string>("text");
    add_format(*cmd, *format);
    cmd->footer(
        "Examples:\n"
        "  kith duplicates\n"
        "  kith merge ada-lovelace ada-l   # then fold the second into the first");
    actions[cmd] = [&ctx, format] {
        // The files are read a chunk at a time; of each person only the keys are kept.
        std::vector<Contact> people;
        ctx.each_contact(false, [&](std::vector<Contact>& read_now, const Config&) {
            for (const auto& contact : read_now) people.push_back(duplicate_digest(contact));
        });
        ctx.print(duplicates_table(find_duplicates(people)), *format);
        return Outcome::done;
    };
}

}  // namespace kith::cli
