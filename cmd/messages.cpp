#include "messages.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "kith/base/text.hpp"

namespace kith::cli {
namespace {

constexpr const char* choice_prefix = "kith-choice:";

// The column where CLI11 starts an option's or a command's description (use_kith_help).
constexpr size_t description_column = 28;

std::string upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::string joined(const std::vector<std::string>& items, const std::string& between) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : between) + item;
    return out;
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, by))
        if (!part.empty()) out.push_back(part);
    return out;
}

// What kith calls the value of an option it knows by name.
const std::map<std::string, std::string>& known_values() {
    static const std::map<std::string, std::string> values = {
        {"tier", "TIER"},       {"kind", "KIND"},        {"introduced-by", "NAME"}, {"dir", "DIR"},
        {"output", "FILE"},     {"path", "PATH"},        {"date", "DATE"},          {"today", "DATE"},
        {"limit", "N"},         {"months", "N"},         {"top", "N"},              {"cadence", "DURATION"},
        {"within", "DURATION"}, {"follow-up", "WHEN"},   {"birthday", "DAY"},       {"since", "DAY"},
        {"note", "NOTE"},       {"why", "REASON"},       {"notes", "NOTES"},         {"email", "EMAIL"},
        {"phone", "PHONE"},     {"slug", "SLUG"},        {"aka", "NAME"},           {"with", "NAME"}};
    return values;
}

// The option a command line word names, among a command's and the top level's.
const CLI::Option* find_option(const CLI::App& command, const CLI::App& top, const std::string& name) {
    for (const CLI::App* app : {&command, &top})
        for (const auto* option : app->get_options())
            if (option->check_name(name)) return option;
    return nullptr;
}

class KithFormatter : public CLI::Formatter {
public:
    std::string make_option_opts(const CLI::Option* option) const override {
        if (option->get_positional()) return option->get_expected_max() > 1 ? " ..." : "";
        if (option->get_expected_max() == 0) return "";
        std::string out = " " + placeholder(option);
        if (option->get_expected_max() > 1 && out.find(' ', 1) == std::string::npos) out += " ...";
        return out;
    }
    std::string make_option_desc(const CLI::Option* option) const override {
        std::string out = option->get_description();
        if (option->get_positional() && option->get_required()) out += " (required)";
        return out;
    }
};

}  // namespace

std::vector<std::string> choices_of(const CLI::Option* option) {
    auto* editable = const_cast<CLI::Option*>(option);
    for (int i = 0;; ++i) {
        const CLI::Validator* check = nullptr;
        try {
            check = editable->get_validator(i);
        } catch (const CLI::OptionNotFound&) {
            return {};
        }
        if (!check) return {};
        const std::string name = check->get_name();
        if (name.starts_with(choice_prefix)) return split(name.substr(std::string(choice_prefix).size()), '|');
        // CLI11's own IsMember describes itself as {a,b,c}.
        const std::string description = check->get_description();
        if (description.size() > 2 && description.front() == '{' && description.back() == '}')
            return split(description.substr(1, description.size() - 2), ',');
    }
}

std::string placeholder(const CLI::Option* option) {
    if (option->get_expected_max() == 0 && !option->get_positional()) return "";
    if (!option->get_option_text().empty()) return option->get_option_text();
    if (const auto choices = choices_of(option); !choices.empty()) return joined(choices, "|");
    if (option->get_positional()) return option->get_name();
    std::string name = option->get_lnames().empty() ? option->get_snames().front() : option->get_lnames().front();
    if (option->get_expected_min() == 2 && name == "follow-up") return "WHEN WHAT";
    const auto found = known_values().find(name);
    return found != known_values().end() ? found->second : upper(name);
}

std::vector<std::string> option_names(const CLI::App& command, const CLI::App& top) {
    std::vector<std::string> names;
    for (const CLI::App* app : {&command, &top}) {
        for (const auto* option : app->get_options()) {
            if (option->get_positional()) continue;
            for (const auto& s : option->get_snames()) names.push_back("-" + s);
            for (const auto& l : option->get_lnames()) names.push_back("--" + l);
        }
        if (app == &top) break;
    }
    return names;
}

void use_kith_help(CLI::App& app) {
    auto formatter = std::make_shared<KithFormatter>();
    formatter->column_width(static_cast<int>(description_column));
    formatter->label("REQUIRED", "");
    app.formatter(formatter);
}

namespace {

// True for a line of prose at the left margin: not blank, not indented, not a heading such
// as "Examples:" or "Usage: ...".
bool is_prose(const std::string& line) {
    if (line.empty() || line.front() == ' ' || line.starts_with("Usage:")) return false;
    const bool heading = line.back() == ':' && line.find(' ') == std::string::npos;
    return !heading;
}

// Joins the lines of each paragraph of prose into one: they were broken for 80 columns,
// and are wrapped again for the terminal's width. A paragraph ends with a sentence.
std::vector<std::string> paragraphs(const std::string& help) {
    std::vector<std::string> lines;
    std::istringstream in(help);
    std::string line;
    bool open = false;
    while (std::getline(in, line)) {
        if (open && is_prose(line)) lines.back() += " " + line;
        else lines.push_back(line);
        open = is_prose(line) && !line.ends_with('.');
    }
    return lines;
}

}  // namespace

std::string wrap_help(const std::string& help, int width) {
    if (width < 40) width = 40;
    const auto limit = static_cast<size_t>(width);
    std::string out;
    for (std::string line : paragraphs(help)) {
        if (display_width(line) <= width) {
            out += line + "\n";
            continue;
        }
        // An example command stays one that can be pasted: its comment goes on a line of its
        // own above it, and the command continues with a backslash.
        if (line.starts_with("  kith ")) {
            if (const size_t comment = line.find("   # "); comment != std::string::npos) {
                out += "  " + line.substr(comment + 3) + "\n";
                line.erase(comment);
            }
            while (line.size() > limit) {
                const size_t cut = line.rfind(' ', limit - 2);
                if (cut == std::string::npos || cut <= 6) break;
                out += line.substr(0, cut) + " \\\n";
                line = "      " + line.substr(cut + 1);
            }
            out += line + "\n";
            continue;
        }
        // Continuation lines start under the text: the description column of an option,
        // else the line's own indentation.
        size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos) indent = 0;
        const size_t gap = line.find("  ", indent);
        if (indent > 0 && gap != std::string::npos && gap < 40) indent = line.find_first_not_of(' ', gap);
        // An option whose name fills its column ("--color auto|always|never Colour: ...").
        else if (indent == 2 && line.size() > description_column && line[description_column - 1] == ' ')
            indent = description_column;
        if (indent == std::string::npos || indent > limit / 2) indent = 2;
        std::string current;
        size_t at = 0;
        while (at < line.size()) {
            size_t end = line.find(' ', at + 1);
            if (end == std::string::npos) end = line.size();
            const std::string word = line.substr(at, end - at);
            if (!current.empty() && static_cast<size_t>(display_width(current + word)) > limit &&
                current.find_first_not_of(' ') != std::string::npos) {
                out += current + "\n";
                current = std::string(indent, ' ') + word.substr(word.find_first_not_of(' ') == std::string::npos
                                                                      ? word.size()
                                                                      : word.find_first_not_of(' '));
            } else {
                current += word;
            }
            at = end;
        }
        out += current + "\n";
    }
    return out;
}

std::string explain(const CLI::ParseError& error, const CLI::App& top, const std::string& verb) {
    const CLI::App* command = &top;
    for (const auto* sub : top.get_subcommands([](const CLI::App*) { return true; }))
        if (sub->get_name() == verb) command = sub;
    const std::string see = " (see 'kith " + (verb.empty() ? "" : verb + " ") + "--help')";
    std::string what = error.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        auto extras = split(what.substr(what.find(": ") + 2), ' ');
        std::reverse(extras.begin(), extras.end());
        for (const auto& extra : extras) {
            if (!extra.starts_with("-") || extra == "-") continue;
            const std::string bare = extra.substr(0, extra.find('='));
            if (find_option(*command, top, bare) && bare != extra) continue;
            const std::string close =
                bare.starts_with("--") ? suggest_word(bare, option_names(*command, top)) : "";
            return "unknown option '" + extra + "'" + did_you_mean(close) + see;
        }
        return std::string(extras.size() == 1 ? "one word too many: '" : "words too many: '") + joined(extras, "', '") +
               "'" + see;
    }
    const std::string subject = what.substr(0, what.find(':'));
    const CLI::Option* option = find_option(*command, top, subject);
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        if (what.ends_with(" is required")) return "missing " + what.substr(0, what.size() - 12) + see;
        return "missing a command" + see;
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && option) {
        if (what.find("At Most") != std::string::npos) return subject + " takes one " + placeholder(option) + see;
        return subject + " needs " + placeholder(option) + see;
    }
    if ((dynamic_cast<const CLI::ValidationError*>(&error) || dynamic_cast<const CLI::ConversionError*>(&error)) &&
        option) {
        std::string reason = what.substr(what.find(':') + 1);
        if (!reason.empty() && reason.front() == ' ') reason.erase(0, 1);
        if (const auto choices = choices_of(option); !choices.empty() && !reason.starts_with("'"))
            reason = "choose " + joined(choices, ", ");
        else if (!reason.starts_with("'"))
            reason = "not a valid " + placeholder(option);
        return subject + ": " + reason + see;
    }
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return what + see;
}

CLI::Validator count_check(long long least, long long most) {
    return CLI::Validator(
        [least, most](std::string& value) -> std::string {
            const std::string range = most > 0 ? "from " + std::to_string(least) + " to " + std::to_string(most)
                                               : std::to_string(least) + " or more";
            bool digits = !value.empty() && value.size() <= 18 &&
                          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            const long long number = digits ? std::stoll(value) : -1;
            if (!digits || number < least || (most > 0 && number > most))
                return "'" + value + "' is not a whole number " + range;
            return "";
        },
        "", "kith-count");
}

CLI::Validator choice_check(std::vector<std::string> choices) {
    const std::string name = choice_prefix + joined(choices, "|");
    return CLI::Validator(
        [choices](std::string& value) -> std::string {
            if (std::find(choices.begin(), choices.end(), value) != choices.end()) return "";
            const std::string close = suggest_word(value, choices);
            return "'" + value + "' is not one of " + joined(choices, ", ") + did_you_mean(close);
        },
        "", name);
}

}  // namespace kith::cli
