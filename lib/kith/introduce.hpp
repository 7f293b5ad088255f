#pragma once
// Introductions with real context (compose) and who should meet whom (suggest).
#include <string>
#include <vector>

#include "kith/model.hpp"
#include "kith/table.hpp"

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

// A suggested pair with its score and reasons.
struct Suggestion {
    const Contact* a = nullptr;
    const Contact* b = nullptr;
    double score = 0;
    std::vector<std::string> reasons;
};

// What to suggest.
struct SuggestQuery {
    const Contact* only = nullptr;  // pairs with this person only
    size_t limit = 10;
    bool same_org = false;          // also pairs at the same organisation
};

// Ranks pairs worth introducing: shared interests and tags, one's `why` matching the other's
// title, organisation, role or interests, and how close both are. Pairs already introduced
// (or where one introduced the other), at the same organisation (unless asked) or archived
// are left out. Candidates come from an
// index by interest, tag and word, never from every pair. The order is deterministic.
std::vector<Suggestion> suggest_introductions(const std::vector<Contact>& contacts, const Config& config,
                                              const SuggestQuery& query);

// Returns what suggest_introductions and resolve read of a contact: names, tier, what they do
// and want, who introduced them, and of the log only the introductions (without notes). The
// suggestions from digests are those from the full contacts: a network is read a chunk of
// files at a time, and only its digests kept.
Contact suggest_digest(const Contact& contact);

// Builds the table of suggestions: a, b, score, reasons.
Table suggestion_table(const std::vector<Suggestion>& suggestions);

}  // namespace kith
