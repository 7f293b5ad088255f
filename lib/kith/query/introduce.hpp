#pragma once
// Introductions with real context: the messages of `kith introduce A B`.
#include <string>
#include <vector>

#include "kith/interchange/eml.hpp"
#include "kith/model/model.hpp"

namespace kith {

// One message, ready to send.
struct Message {
    std::vector<std::string> to;  // "Name <email>", or the name alone
    std::vector<Mailbox> recipients;  // the same, as name and address (empty when the file has none)
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

// The two steps of a double-opt-in introduction: ask both, then introduce them.
enum class IntroStep { ask, introduce };

// Renders the messages of one step for people: the two asks, or the introduction.
std::string render_introduction(const Introduction& intro, IntroStep step);

// Returns the follow-up `introduce --ask` records on a person asked to meet `other`:
// "waiting for yes: meet NAME".
std::string ask_followup_text(const Contact& other);

// Returns the indices (in file order) of the open follow-ups of `self` that wait for a yes to
// meet `other` (by their name or an aka, so a rename keeps them found).
std::vector<size_t> open_asks(const Contact& self, const Contact& other);

// Marks done on `today` every open ask of the person in `text` to meet `other`, through the
// editor; returns the text unchanged when there is none.
std::string close_asks(const std::string& text, const Contact& other, Day today, const std::string& path,
                       const Config& config);

// Renders an introduction as one JSON object.
std::string introduction_json(const Introduction& intro, const Contact& a, const Contact& b, const std::string& why);

// Returns true when either file records an introduction of the two.
bool already_introduced(const Contact& a, const Contact& b);

}  // namespace kith
