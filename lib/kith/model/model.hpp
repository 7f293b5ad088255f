#pragma once
// Plain structs for the settings and the contacts (SPEC 2 and 3).
#include <optional>
#include <string>
#include <vector>

#include "kith/base/dates.hpp"

namespace kith {

// A layer of the network with its keep-in-touch cadence.
struct Tier {
    std::string name;
    Duration cadence;
    std::optional<Duration> notice;  // how early birthdays and dates show; on the day only when absent
};

// The settings of a network folder (kith.yaml).
struct Config {
    std::vector<Tier> tiers;
    std::string default_tier;
    std::string me_name;
    std::string me_email;
    std::vector<std::string> me_addresses;  // more addresses that are yours (kith sync mail)
    bool autocommit = false;

    // Returns the tier called `name`, or nullptr.
    const Tier* find_tier(const std::string& name) const;
    // Returns the rank of a tier (0 for the closest); tiers.size() when unknown.
    size_t rank(const std::string& name) const;
    // Returns the tier names joined by ", ".
    std::string tier_names() const;
    // Returns the one wording for a tier that is not configured: "unknown tier 'NAME' (tiers: …)".
    std::string unknown_tier(const std::string& name) const;
    // Throws a usage error (exit 2) with unknown_tier() when `name` is not a configured tier.
    void require_tier(const std::string& name) const;
};

// Returns the settings used when kith.yaml says nothing.
Config default_config();

// One interaction, as a line of the log.
struct LogEntry {
    Day date;
    std::string kind;
    std::string note;
    std::string with;  // slug of another contact, for introductions
    int line = 0;
};

// A promise or check to come back to.
struct FollowUp {
    Day due;
    std::string what;
    std::optional<Day> done;
    int line = 0;
};

// A day to remember every year.
struct YearlyDate {
    MonthDay date;
    std::string what;
};

// One person, as read from contacts/<slug>.yaml.
struct Contact {
    std::string slug;
    std::string path;  // relative to the network folder, e.g. contacts/ada.yaml
    bool archived = false;
    int conflict_line = 0;  // the first line of git's conflict markers; then the rest is what could be read

    std::string name;
    std::vector<std::string> aka;
    std::string tier;  // as written; empty means the default tier
    std::optional<Duration> cadence;
    std::string title, org, role;
    std::vector<std::string> email, phone;
    std::string address, prefer, assistant;
    std::vector<std::string> url;  // web pages: a profile, a homepage
    std::vector<std::string> interests, tags;
    std::string met, introduced_by, why, notes;
    std::optional<MonthDay> birthday;
    std::optional<Day> since, snooze;
    std::optional<Day> first_due;  // an imported person's first due day, while never in touch
    std::string uid;  // the vCard UID it was imported with, kept for round trips
    std::vector<YearlyDate> dates;
    std::vector<FollowUp> followups;
    std::vector<LogEntry> log;
};

// Returns true when a log kind counts as contact (every kind but "note").
bool counts_as_contact(const std::string& kind);

// Returns the tier a contact is in: its own, else the configured default.
const std::string& tier_of(const Contact& contact, const Config& config);

}  // namespace kith
