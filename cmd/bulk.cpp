#include "bulk.hpp"

#include <iostream>
#include <set>

#include "autocommit.hpp"
#include "kith/base/error.hpp"
#include "kith/store/transaction.hpp"

namespace kith::cli {

std::vector<Contact> find_people(People& people, const std::vector<std::string>& names) {
    std::vector<std::string> wanted;
    bool read_input = false;
    for (const auto& name : names) {
        if (name != "-") {
            wanted.push_back(name);
            continue;
        }
        if (read_input) fail_usage("'-' reads the names from standard input once; give it once");
        read_input = true;
        bool first = true;
        for (std::string line; std::getline(std::cin, line); first = false) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (first && line == "slug") continue;  // the header of kith's own tsv: list ... | cut -f1
            if (line.find_first_not_of(" \t") != std::string::npos) wanted.push_back(line);
        }
    }
    if (wanted.empty()) fail_usage(read_input ? "no NAME on standard input" : "give a NAME, or '-' to read them from standard input");
    std::vector<Contact> found;
    std::set<std::string> seen;
    for (const auto& name : wanted) {
        Contact person = people.find(name);
        if (seen.insert(person.path).second) found.push_back(std::move(person));
    }
    return found;
}

std::string who(const std::vector<Contact>& people) {
    return people.size() == 1 ? people.front().name : std::to_string(people.size()) + " people";
}

void edit_people(Context& ctx, const Config& config, const std::vector<Contact>& people, const PersonEdit& edit,
                 const ChangeMessage& message, const std::string& separator) {
    const Store store = ctx.store();
    std::vector<std::vector<std::string>> done(people.size());
    std::vector<std::pair<std::string, Store::Edit>> edits;
    for (size_t i = 0; i < people.size(); ++i)
        edits.emplace_back(people[i].path, [&, i](const std::string& text) {
            done[i].clear();  // what the last reading under the lock decided
            return edit(people[i], text, done[i]);
        });
    const std::vector<std::string> changed = store.edit_contacts(edits, config);
    std::vector<Contact> touched;
    for (size_t i = 0; i < people.size(); ++i) {
        if (done[i].empty()) continue;
        touched.push_back(people[i]);
        std::string line = people[i].name + separator;
        for (size_t k = 0; k < done[i].size(); ++k) line += (k ? ", " : "") + done[i][k];
        ctx.say(line);
    }
    if (touched.empty()) {
        ctx.say("nothing to change: " + who(people) + (people.size() == 1 ? " already has" : " already have") + " that");
        return;
    }
    autocommit(ctx, config, store, changed, "kith: " + message(touched));
}

}  // namespace kith::cli
