#include "kith/query/introduce.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "kith/base/text.hpp"
#include "kith/edit/editor_items.hpp"
#include "kith/model/contact_file.hpp"

namespace kith {
namespace {

// Items of `a` whose folded form is also in `b`, in a's order, as a wrote them.
std::vector<std::string> shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& item : a) {
        for (const auto& other : b) {
            if (fold(item) == fold(other)) {
                out.push_back(item);
                break;
            }
        }
    }
    return out;
}

// "a", "a and b", "a, b and c".
std::string natural_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

// How to greet someone: the first word of the name, or the whole name in scripts that
// write the family name first or without spaces.
std::string greeting_name(const std::string& name) {
    if (has_wide_characters(name)) return name;
    const size_t space = name.find(' ');
    return space == std::string::npos ? name : name.substr(0, space);
}

std::string sentence(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (text.empty()) return text;
    if (text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
    return text;
}

// Lower-cases the first letter of a phrase set in a sentence, unless it starts an acronym.
std::string phrase(const std::string& text) {
    if (text.size() >= 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
        return static_cast<char>(text[0] - 'A' + 'a') + text.substr(1);
    return text;
}

// "Grace Hopper, Rear Admiral at US Navy (compiler programme)"; the name alone when nothing is known.
std::string who(const Contact& c) {
    std::string out = c.name;
    std::string position;
    if (!c.title.empty() && !c.org.empty()) position = c.title + " at " + c.org;
    else if (!c.title.empty()) position = c.title;
    else if (!c.org.empty()) position = "at " + c.org;
    if (!position.empty()) out += ", " + position;
    if (!c.role.empty()) out += " (" + phrase(c.role) + ")";
    return out;
}

std::string how_i_know(const Contact& c) {
    if (c.met.empty()) return "";
    return "How I know " + greeting_name(c.name) + ": " + sentence(c.met);
}

std::string address(const Contact& c) { return c.email.empty() ? c.name : c.name + " <" + c.email.front() + ">"; }

Mailbox mailbox_of(const Contact& c) { return {c.name, c.email.empty() ? "" : c.email.front()}; }

std::string context_lines(const Contact& other, const std::vector<std::string>& interests, const std::string& why,
                          bool both) {
    std::string out;
    if (const std::string known = how_i_know(other); !known.empty()) out += known + "\n";
    if (!interests.empty()) out += std::string(both ? "You share" : "You both have") + " an interest in " + natural_list(interests) + ".\n";
    if (!why.empty()) out += "Why I think you should talk: " + sentence(why) + "\n";
    return out;
}

std::string signature(const Config& config) { return config.me_name.empty() ? "" : "\n" + config.me_name + "\n"; }

Message ask(const Contact& to, const Contact& other, const Introduction& intro, const Config& config, const std::string& why) {
    Message m;
    m.to = {address(to)};
    m.recipients = {mailbox_of(to)};
    m.subject = "Would you like to meet " + other.name + "?";
    m.body = "Hi " + greeting_name(to.name) + ",\n\nI'd like to introduce you to " + sentence(who(other)) + "\n" +
             context_lines(other, intro.shared_interests, why, false) +
             "\nWould you like me to introduce you? No pressure either way.\n" + signature(config);
    return m;
}

nlohmann::ordered_json message_json(const Message& m) {
    return {{"to", m.to}, {"subject", m.subject}, {"body", m.body}};
}

}  // namespace

bool already_introduced(const Contact& a, const Contact& b) {
    for (const auto& entry : a.log)
        if (entry.kind == "intro" && entry.with == b.slug) return true;
    for (const auto& entry : b.log)
        if (entry.kind == "intro" && entry.with == a.slug) return true;
    return false;
}

Introduction compose_introduction(const Contact& a, const Contact& b, const Config& config, const std::string& why) {
    Introduction intro;
    intro.shared_interests = shared(a.interests, b.interests);
    intro.shared_tags = shared(a.tags, b.tags);
    intro.ask_a = ask(a, b, intro, config, why);
    intro.ask_b = ask(b, a, intro, config, why);
    Message& m = intro.introduce;
    m.to = {address(a), address(b)};
    m.recipients = {mailbox_of(a), mailbox_of(b)};
    m.subject = "Introduction: " + a.name + " and " + b.name;
    const std::string ga = greeting_name(a.name), gb = greeting_name(b.name);
    m.body = ga + ", " + gb + ",\n\nThank you both for saying yes to this introduction.\n\n" + ga + ", meet " +
             sentence(who(b)) + "\n" + (how_i_know(b).empty() ? "" : how_i_know(b) + "\n") + "\n" + gb + ", meet " +
             sentence(who(a)) + "\n" + (how_i_know(a).empty() ? "" : how_i_know(a) + "\n");
    if (!intro.shared_interests.empty())
        m.body += "\nYou share an interest in " + natural_list(intro.shared_interests) + ".\n";
    if (!why.empty()) m.body += "\nWhy I think you should talk: " + sentence(why) + "\n";
    m.body += "\nI'll leave it to you from here.\n" + signature(config);
    return intro;
}

std::string render_introduction(const Introduction& intro, IntroStep step) {
    const auto block = [](const char* title, const Message& m) {
        std::string to;
        for (const auto& person : m.to) to += (to.empty() ? "" : ", ") + person;
        return std::string("=== ") + title + "\nTo: " + to + "\nSubject: " + m.subject + "\n\n" + m.body;
    };
    // The messages keep their lines; nothing from a file reaches the terminal as a control.
    if (step == IntroStep::introduce) return visible(block("Introduce them", intro.introduce), true);
    return visible(block("1. Ask the first person", intro.ask_a) + "\n" + block("2. Ask the second person", intro.ask_b), true);
}

std::string ask_followup_text(const Contact& other) { return "waiting for yes: meet " + other.name; }

std::vector<size_t> open_asks(const Contact& self, const Contact& other) {
    std::vector<std::string> wanted = {fold(ask_followup_text(other))};
    for (const auto& aka : other.aka) wanted.push_back(fold("waiting for yes: meet " + aka));
    std::vector<size_t> out;
    for (size_t i = 0; i < self.followups.size(); ++i) {
        const FollowUp& f = self.followups[i];
        if (!f.done && std::find(wanted.begin(), wanted.end(), fold(f.what)) != wanted.end()) out.push_back(i);
    }
    return out;
}

std::string close_asks(const std::string& text, const Contact& other, Day today, const std::string& path,
                       const Config& config) {
    std::string out = text;
    for (const size_t index : open_asks(parse_contact(text, path, config), other))
        out = set_item_field(out, "followups", index, "done", format_day(today), path);
    return out;
}

std::string introduction_json(const Introduction& intro, const Contact& a, const Contact& b, const std::string& why) {
    nlohmann::ordered_json out = {
        {"a", a.slug},
        {"b", b.slug},
        {"why", why.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(why)},
        {"shared_interests", intro.shared_interests},
        {"shared_tags", intro.shared_tags},
        {"ask_a", message_json(intro.ask_a)},
        {"ask_b", message_json(intro.ask_b)},
        {"introduce", message_json(intro.introduce)},
    };
    return escape_json_controls(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

}  // namespace kith
