#pragma once
// Introductions with real context: the messages of `kith introduce A B`.
#include <string>
#include <vector>

#include "kith/model/model.hpp"

namespace kith {

// One message, ready to send.
struct Message {
    std::vector<std::string> to;  // "Name <email>", or the name alone
    std::string subject;
    std::string body;
};

// A double-opt-in introduction: first ask each person, then introduce them once both agree.
struct Introduction {
    Message ask_a, ask_b, introduce;
    std::vector<std::string> shared_interests;
    std::vector<std::string> shared_tags;  // for the user only: tags are private labels, never sent
};

// Composes the messages from what the files say about both people. Missing fields are
// left out so that the text still reads naturally. `why` may be empty.
Introduction compose_introduction(const Contact& a, const Contact& b, const Config& config, const std::string& why);

// Renders an introduction for people, the three messages one after the other.
std::string render_introduction(const Introduction& intro);

// Renders an introduction as one JSON object.
std::string introduction_json(const Introduction& intro, const Contact& a, const Contact& b, const std::string& why);

// Returns true when either file records an introduction of the two.
bool already_introduced(const Contact& a, const Contact& b);

}  // namespace kith
