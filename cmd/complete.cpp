// kith __complete names|people|tiers|kinds|commands|spec: words for the shell completions,
// one per line. Hidden from --help; prints nothing (and no error) where there is no network.
// `spec` describes every command, option and positional, so that the completions learn new
// commands without an edit; `people` is "slug<TAB>name" for shells that show descriptions.
#include <iostream>

#include "complete.hpp"
#include "kith/model/entries.hpp"
#include "kith/base/text.hpp"

namespace kith::cli {
namespace {

// One field of a spec line: tabs and line breaks would split it.
std::string field(std::string text) {
    for (char& c : text)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return visible(text);
}

// What the shell should offer for a value: names, tiers, kinds, dirs, files, choice:a|b, text.
std::string value_kind(const CLI::Option* option) {
    if (const auto choices = choices_of(option); !choices.empty()) {
        std::string out = "choice:";
        for (size_t i = 0; i < choices.size(); ++i) out += (i ? "|" : "") + choices[i];
        return out;
    }
    const std::string shown = placeholder(option);
    if (shown == "NAME" || shown == "PERSON") return "names";
    if (shown == "TIER") return "tiers";
    if (shown == "KIND") return "kinds";
    if (shown == "DIR") return "dirs";
    if (shown == "FILE" || shown == "PATH" || shown.find("BASE") != std::string::npos) return "files";
    return "text";
}

void print_options(const CLI::App& command, const std::string& name, const CLI::App& top) {
    std::vector<std::string> taken;
    int position = 0;
    for (const CLI::App* app : {&command, &top}) {
        for (const auto* option : app->get_options()) {
            if (option->get_positional()) {
                if (app != &command) continue;
                std::cout << "positional\t" << name << "\t" << ++position << "\t" << value_kind(option) << "\t"
                          << (option->get_expected_max() > 1 ? 1 : 0) << "\t" << field(option->get_description())
                          << "\n";
                continue;
            }
            std::string names;
            for (const auto& s : option->get_snames())
                if (std::find(taken.begin(), taken.end(), "-" + s) == taken.end()) names += (names.empty() ? "-" : ",-") + s;
            for (const auto& l : option->get_lnames())
                if (std::find(taken.begin(), taken.end(), "--" + l) == taken.end())
                    names += (names.empty() ? "--" : ",--") + l;
            if (names.empty()) continue;
            for (const auto& s : option->get_snames()) taken.push_back("-" + s);
            for (const auto& l : option->get_lnames()) taken.push_back("--" + l);
            const bool flag = option->get_expected_max() == 0;
            std::cout << "option\t" << name << "\t" << names << "\t" << (flag ? "flag" : value_kind(option)) << "\t"
                      << (option->get_expected_max() > 1 ? 1 : 0) << "\t" << field(option->get_description()) << "\n";
        }
        if (&command == &top) break;
    }
}

void print_spec(const CLI::App& app) {
    print_options(app, "kith", app);  // the top level: options before any command
    for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
        std::cout << "command\t" << sub->get_name() << "\t" << field(sub->get_description()) << "\n";
        print_options(*sub, sub->get_name(), app);
    }
}

}  // namespace

void add_complete(CLI::App& app, Context& ctx, Actions& actions) {
    auto* cmd = app.add_subcommand("__complete", "");
    cmd->group("");  // hidden
    auto what = std::make_shared<std::string>();
    cmd->add_option("WHAT", *what)->required()->check(
        choice_check({"names", "people", "tiers", "kinds", "commands", "spec"}));
    actions[cmd] = [&ctx, &app, what] {
        if (*what == "kinds") {
            for (const auto& kind : known_kinds()) std::cout << kind << "\n";
            return Outcome::done;
        }
        if (*what == "commands") {
            for (const auto* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
                std::cout << sub->get_name() << "\n";
            return Outcome::done;
        }
        if (*what == "spec") {
            print_spec(app);
            return Outcome::done;
        }
        try {
            const Store store = ctx.store();
            // One word a line: a word with a line break or another control character could
            // not be typed anyway, and must not reach the shell as two words.
            const auto plain = [](std::string_view text) { return !text.empty() && visible(text) == text; };
            if (*what == "tiers") {
                for (const auto& tier : store.load_config().tiers)
                    if (plain(tier.name)) std::cout << tier.name << "\n";
            } else {
                std::string out;
                store.complete_names([&](std::string_view slug, std::string_view name) {
                    if (!plain(slug)) return;
                    out.append(slug);
                    if (*what == "people" && plain(name)) out.append("\t").append(name);
                    out += '\n';
                });
                std::cout << out;
            }
        } catch (const std::exception&) {
            // No network here: nothing to complete.
        }
        return Outcome::done;
    };
}

}  // namespace kith::cli
