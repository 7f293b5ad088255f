#include "kith/sync/sync_mail.hpp"

#include <algorithm>
#include <climits>

#include "kith/sync/sync_mail_address.hpp"

namespace kith {
namespace {

int day_number(Day day) { return day.time_since_epoch().count(); }

std::int64_t slot(size_t who, Day day) { return static_cast<std::int64_t>(who) * 4000000 + day_number(day); }

}  // namespace

MailPlanner::MailPlanner(const std::vector<Contact>& people, MailRules rules)
    : people_(people), rules_(std::move(rules)), by_address_(people_by_address(people)) {
    for (const std::string& address : rules_.my_addresses)
        if (std::string key = address_key(address); !key.empty()) mine_.insert(std::move(key));
    for (size_t who = 0; who < people_.size(); ++who)
        for (const LogEntry& entry : people_[who].log)
            if (entry.kind == "email") logged_.insert(slot(who, entry.date));
}

const std::vector<size_t>* MailPlanner::people_of(const std::string& key) const {
    const auto found = by_address_.find(key);
    return found == by_address_.end() ? nullptr : &found->second;
}

bool MailPlanner::open(size_t who, Day day, std::int64_t time) const {
    if (logged_.count(slot(who, day))) return false;
    const auto found = chosen_.find({who, day_number(day)});
    return found == chosen_.end() || time <= found->second.time;
}

void MailPlanner::offer(size_t who, Day day, const MailMessage& message, std::int64_t time) {
    if (logged_.count(slot(who, day))) return;
    Candidate candidate{time, message.id(), rules_.subjects ? one_line_note(message.subject()) : ""};
    const auto [at, fresh] = chosen_.try_emplace({who, day_number(day)}, candidate);
    // The earliest message of the day gives the note; at the same second, the lowest id.
    if (!fresh && std::tie(candidate.time, candidate.id) < std::tie(at->second.time, at->second.id))
        at->second = std::move(candidate);
}

void MailPlanner::add(const MailMessage& message) {
    const std::int64_t time = message.time();
    if (time <= 0) return;  // no date: no day
    const Day day = rules_.local_day(time);
    if (day < rules_.since || day > rules_.until) return;
    const std::vector<std::string> senders = address_keys(message.from());
    bool from_me = false, worth_reading = false;
    for (const std::string& sender : senders) {
        if (mine_.count(sender)) {
            from_me = worth_reading = true;
        } else if (const auto* people = people_of(sender)) {
            for (size_t who : *people) worth_reading = worth_reading || open(who, day, time);
        }
    }
    if (!worth_reading) return;
    ++files_read_;
    if (!message.header("list-id").empty()) return;  // list mail is nobody's contact
    std::vector<std::string> recipients = address_keys(message.header("to"));
    const std::vector<std::string> cc = address_keys(message.header("cc"));
    recipients.insert(recipients.end(), cc.begin(), cc.end());
    const bool to_me = std::any_of(recipients.begin(), recipients.end(), [&](const std::string& key) { return mine_.count(key) > 0; });
    if (from_me)
        for (const std::string& recipient : recipients)
            if (const auto* people = people_of(recipient))
                for (size_t who : *people) offer(who, day, message, time);
    if (to_me)
        for (const std::string& sender : senders)
            if (const auto* people = people_of(sender); people && !mine_.count(sender))
                for (size_t who : *people) offer(who, day, message, time);
}

std::vector<size_t> MailPlanner::people_to_read() const {
    std::vector<size_t> who;
    for (auto at = chosen_.begin(); at != chosen_.end(); at = chosen_.upper_bound({at->first.first, INT_MAX}))  // each person's first day
        if (may_hold_contact_from(people_[at->first.first].log, Day{date::days{at->first.second}})) who.push_back(at->first.first);
    return who;
}

std::vector<SyncEntry> MailPlanner::entries() const {
    std::vector<SyncEntry> out;
    for (const auto& [key, candidate] : chosen_) {
        const Contact& person = people_[key.first];
        LogEntry entry{Day{date::days{key.second}}, "email", candidate.subject, "", 0};
        if (already_logged(person.log, entry)) continue;
        out.push_back({person.slug, person.path, person.name, entry, entry});
    }
    std::sort(out.begin(), out.end(), [](const SyncEntry& a, const SyncEntry& b) {
        return std::tie(a.slug, a.entry.date) < std::tie(b.slug, b.entry.date);
    });
    return out;
}

}  // namespace kith
