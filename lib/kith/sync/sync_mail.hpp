#pragma once
// `kith sync mail`: which messages are contact with which people, one entry per person and day
// (issue 22, items 2 to 4). Pure: the messages come from an adapter (sync_mail_notmuch).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kith/model/model.hpp"
#include "kith/sync/sync_log.hpp"

namespace kith {

// One message of the mail index. The headers only the message's file holds are asked for
// only when they decide something, since reading them costs a file each.
class MailMessage {
public:
    virtual ~MailMessage() = default;
    // Returns the message's id.
    virtual std::string id() const = 0;
    // Returns its POSIX time (0 or less when it has no date).
    virtual std::int64_t time() const = 0;
    // Returns its From header, decoded.
    virtual std::string from() const = 0;
    // Returns its Subject, decoded.
    virtual std::string subject() const = 0;
    // Returns a header read from the message's file ("to", "cc", "list-id"); "" when absent.
    virtual std::string header(const char* name) const = 0;
};

// What decides the entries besides the messages.
struct MailRules {
    std::vector<std::string> my_addresses;       // kith.yaml's me.email and me.addresses, the index's own
    Day since{}, until{};                        // the days that count, both included
    bool subjects = false;                       // the note is the day's earliest subject
    std::function<Day(std::int64_t)> local_day;  // a POSIX time's day in the local time zone
};

// Decides the `email` entries, message by message (in any order; oldest first reads fewest files).
class MailPlanner {
public:
    // Takes the active people and the rules. Their logs, as far as they are given (the index
    // keeps one entry), spare reading the files of messages on days already logged.
    MailPlanner(const std::vector<Contact>& people, MailRules rules);
    // Considers one message.
    void add(const MailMessage& message);
    // Returns the people (indexes) whose whole log entries() must see: those an entry is planned
    // for whose log as given (the index's summary) may hold contact on or after its first day.
    std::vector<size_t> people_to_read() const;
    // Returns the entries to log, by slug then day: none on a day the person's log, as it is
    // now, has an email entry for.
    std::vector<SyncEntry> entries() const;
    // Returns how many messages had their file's headers read.
    size_t files_read() const { return files_read_; }

private:
    struct Candidate {
        std::int64_t time;
        std::string id, subject;
    };
    // The people (indexes) an address key belongs to.
    const std::vector<size_t>* people_of(const std::string& key) const;
    // Returns true when the message could still change the entry of person `who` on `day`.
    bool open(size_t who, Day day, std::int64_t time) const;
    void offer(size_t who, Day day, const MailMessage& message, std::int64_t time);

    const std::vector<Contact>& people_;
    MailRules rules_;
    std::unordered_set<std::string> mine_;
    std::unordered_map<std::string, std::vector<size_t>> by_address_;
    std::unordered_set<std::int64_t> logged_;  // person and day keys that have an email entry already
    std::map<std::pair<size_t, int>, Candidate> chosen_;
    size_t files_read_ = 0;
};

}  // namespace kith
