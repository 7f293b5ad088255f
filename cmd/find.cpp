// kith find TEXT: full-text search over names, aka, org, title, interests, tags, notes and log notes.
#include <algorithm>

#include "find.hpp"
#include "kith/query/excerpt.hpp"
#include "kith/query/find.hpp"

namespace kith::cli {

void add_find(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("find", "Search people, ignoring case and accents; exit 1 when nothing matches");
    auto text = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    cmd->add_option("TEXT", *text, "What to look for")->required();
    add_format(*cmd, *format);
    cmd->footer("Examples:\n  kith find robotics\n  kith find \"nunez\"        # finds José Núñez");
    actions[cmd] = [&ctx, text, format] {
        // The files are read a chunk at a time: only the matches are kept (slug, name, field, text).
        std::vector<FindMatch> matches;
        ctx.each_contact(false, [&](std::vector<Contact>& read_now, const Config&) {
            for (FindMatch& match : find_people(read_now, *text)) matches.push_back(std::move(match));
        });
        std::stable_sort(matches.begin(), matches.end(), [](const FindMatch& a, const FindMatch& b) { return a.slug < b.slug; });
        Table table = find_table(matches);
        if (*format == "text") {  // people see the matching words in their context; scripts the whole value
            for (auto& row : table.rows) row.back() = match_excerpt(row.back(), *text);
            table.columns.back().keep_words = 64;  // never cut: on the line below when it does not fit
        }
        ctx.print(table, *format);  // no match: nothing in text, the header in tsv, [] in json
        return matches.empty() ? Outcome::answered_no : Outcome::done;
    };
}

}  // namespace kith::cli
