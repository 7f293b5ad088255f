#include "kith/interchange/import_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "kith/model/fields.hpp"
#include "kith/model/person_keys.hpp"
#include "kith/base/slug.hpp"
#include "kith/base/text.hpp"
#include "kith/model/layout.hpp"

namespace kith {
namespace {

// --- contact -> facts: the one place that says which fields an import may fill -------
// A person that records are merged into: their contact, with what its lists and dates hold
// folded (gathered once, on first use), so that each value of a record is looked up, never
// compared with every value held: thousands of values merge in linear time.
class MergeTarget {
public:
    explicit MergeTarget(Contact& have) : have_(have) {}

    void merge(const Contact& in, ImportDecision& d) {
        const auto scalar = [&](const char* key, std::string& mine, const std::string& theirs) {
            if (theirs.empty() || fold(mine) == fold(theirs)) return;
            if (mine.empty()) {
                mine = theirs;
                d.facts.push_back({key, theirs, false});
            } else {
                d.disagreements.push_back(
                    fmt::format("{}: kept '{}', the import says '{}'", key, fit_width(mine, 60), fit_width(theirs, 60)));
            }
        };
        const auto list = [&](const char* key, std::vector<std::string>& mine, const std::vector<std::string>& theirs) {
            auto& held = folded(key, mine);
            for (const auto& value : theirs) {
                if (!held.insert(fold(value)).second) continue;
                mine.push_back(value);
                d.facts.push_back({key, value, true});
            }
        };
        if (in.name == have_.name || fold(in.name) == fold(have_.name)) {
            list("aka", have_.aka, in.aka);
        } else {  // matched by email or URL under another name
            list("aka", have_.aka, {in.name});
            list("aka", have_.aka, in.aka);
        }
        // Every other field of the table but the user's own settings (tier, cadence, snooze, first_due)
        // and the history (followups, log): texts and days set when empty, list items added.
        for (const auto& f : contact_fields()) {
            const std::string key = f.key;
            if (key == "name" || key == "aka" || key == "tier" || key == "snooze" || key == "first_due") continue;
            if (f.kind == FieldKind::text) scalar(f.key, have_.*f.text, in.*f.text);
            else if (f.kind == FieldKind::text_list) list(f.key, have_.*f.list, in.*f.list);
            else if (f.kind == FieldKind::date || f.kind == FieldKind::yearly_date) {
                const auto theirs = field_texts(f, in);
                if (theirs.empty()) continue;
                const auto texts = field_texts(f, have_);
                std::string mine = texts.empty() ? "" : texts.front();
                scalar(f.key, mine, theirs.front());
                if (texts.empty() && f.day) have_.*f.day = in.*f.day;
                if (texts.empty() && f.yearly) have_.*f.yearly = in.*f.yearly;
            }
        }
        if (dates_.empty())
            for (const auto& date : have_.dates) dates_.insert(date_key(date));
        for (const auto& date : in.dates) {
            if (!dates_.insert(date_key(date)).second) continue;
            have_.dates.push_back(date);
            d.facts.push_back({"dates", format_month_day(date.date) + " " + date.what, true});
        }
    }

private:
    static std::string date_key(const YearlyDate& date) { return format_month_day(date.date) + " " + fold(date.what); }

    std::unordered_set<std::string>& folded(const std::string& key, const std::vector<std::string>& mine) {
        auto [it, added] = lists_.try_emplace(key);
        if (added)
            for (const auto& value : mine) it->second.insert(fold(value));
        return it->second;
    }

    Contact& have_;
    std::unordered_map<std::string, std::unordered_set<std::string>> lists_;  // a list's key -> its values folded
    std::unordered_set<std::string> dates_;                                   // "DAY what" folded
};

}  // namespace

const char* to_string(ImportAction action) {
    switch (action) {
        case ImportAction::add: return "add";
        case ImportAction::merge: return "merge";
        case ImportAction::skip: return "skip";
    }
    return "skip";
}

ImportNetwork::ImportNetwork(const ImportRecords& records) {
    for (const auto& r : records) {  // the keys a record is looked up by; held by nobody yet
        for (const auto& e : r.contact.email) by_email_.emplace(fold(e), nobody);
        for (const auto& u : r.contact.url) by_url_.emplace(url_key(u), nobody);
        // A name of dots and commas alone has no key: such names are not one person.
        if (std::string key = name_key(r.contact.name); !key.empty()) by_name_.emplace(std::move(key), nobody);
    }
}

namespace {

// Marks `who` as the holder of each of the contact's keys that a record is looked up by and
// nobody holds yet; returns true when it holds one.
bool hold_keys(const Contact& c, size_t who, std::unordered_map<std::string, size_t>& by_email,
               std::unordered_map<std::string, size_t>& by_url, std::unordered_map<std::string, size_t>& by_name) {
    bool holds = false;
    const auto hold = [&](std::unordered_map<std::string, size_t>& keys, const std::string& key) {
        const auto it = keys.find(key);
        if (it == keys.end()) return;
        holds = true;
        if (it->second == static_cast<size_t>(-1)) it->second = who;
    };
    for (const auto& e : c.email) hold(by_email, fold(e));
    for (const auto& u : c.url) hold(by_url, url_key(u));
    hold(by_name, name_key(c.name));
    for (const auto& a : c.aka) hold(by_name, name_key(a));
    return holds;
}

// Returns who holds a record's first key (its emails, then URLs, then name) and by what.
std::optional<std::pair<size_t, const char*>> holder(const Contact& c, const std::unordered_map<std::string, size_t>& by_email,
                                                     const std::unordered_map<std::string, size_t>& by_url,
                                                     const std::unordered_map<std::string, size_t>& by_name) {
    const auto held = [](const std::unordered_map<std::string, size_t>& keys, const std::string& key) {
        const auto it = keys.find(key);
        return it != keys.end() && it->second != static_cast<size_t>(-1) ? std::optional<size_t>(it->second) : std::nullopt;
    };
    for (const auto& e : c.email)
        if (auto who = held(by_email, fold(e))) return std::pair{*who, "email"};
    for (const auto& u : c.url)
        if (auto who = held(by_url, url_key(u))) return std::pair{*who, "url"};
    if (auto who = held(by_name, name_key(c.name))) return std::pair{*who, "name"};
    return std::nullopt;
}

// Returns a slug made from the name that no one has, and takes it. `next` remembers, for each
// base, the number to try first: names that make one slug are numbered in linear time.
std::string take_free_slug(const std::string& name, std::unordered_set<std::string>& slugs,
                           std::unordered_map<std::string, int>& next) {
    std::string base = make_slug(name);
    if (base.empty()) base = "contact";
    std::string slug = base;
    int& n = next.try_emplace(base, 2).first->second;
    for (; slugs.count(slug); ++n) slug = numbered_slug(base, n);
    slugs.insert(slug);
    return slug;
}

// Then what each matched record is to learn: each person matched is read once (a batch at a
// time) and their records merged in file order. `matches` holds (who, record): a known person
// below known.size(), else a person added (added[who - known.size()] is their record). A
// duplicate within the file is one person: its facts go into the person added, as they are written.
void merge_matches(std::vector<std::pair<size_t, size_t>> matches, const std::vector<KnownPerson>& known,
                   const std::vector<size_t>& added, ImportRecords& records, std::vector<ImportDecision>& decisions,
                   const LoadPeople& load) {
    std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    constexpr size_t batch_size = 256;
    for (size_t m = 0; m < matches.size();) {
        std::vector<KnownPerson> batch;  // the people already there among the next ones matched
        std::vector<size_t> groups;      // where each next one's matches start
        size_t end = m;
        while (end < matches.size() && batch.size() < batch_size) {
            const size_t who = matches[end].first;
            if (who < known.size()) batch.push_back(known[who]);
            groups.push_back(end);
            while (end < matches.size() && matches[end].first == who) ++end;
        }
        std::vector<Contact> read = batch.empty() ? std::vector<Contact>{} : load(batch);
        if (read.size() != batch.size()) throw std::logic_error("import: the people read are not the people asked for");
        size_t next_read = 0;
        for (size_t g : groups) {
            const size_t who = matches[g].first;
            const bool added_here = who >= known.size();
            MergeTarget have(added_here ? records[added[who - known.size()]].contact : read[next_read++]);
            for (; g < end && matches[g].first == who; ++g) {
                ImportDecision& d = decisions[matches[g].second];
                have.merge(records[d.record].contact, d);
                if (added_here) d.facts.clear();
                d.action = d.facts.empty() ? ImportAction::skip : ImportAction::merge;
            }
        }
        m = end;
    }
}

}  // namespace

void ImportNetwork::add(const Contact& c) {
    const size_t position = count_++;
    slugs_.insert(c.slug);
    if (hold_keys(c, known_.size(), by_email_, by_url_, by_name_)) known_.push_back({c.slug, c.path, position});
}

void ImportNetwork::hold_slug_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    if (name.ends_with(".yaml")) slugs_.insert(name.substr(0, name.size() - 5));
}

ImportPlan plan_import(ImportNetwork&& existing, ImportRecords& records, const std::string& tier, const LoadPeople& load) {
    ImportNetwork& net = existing;
    const size_t known = net.known_.size();
    ImportPlan plan;
    plan.decisions.reserve(records.size());
    std::vector<size_t> added;                        // the record of each person added, in order
    std::vector<std::pair<size_t, size_t>> matches;   // (who, record) of each record matched
    std::unordered_map<std::string, int> next_number;  // a slug's base -> the number to try next
    // First who each record is: matching reads the keys alone (merged facts never add one).
    for (size_t r = 0; r < records.size(); ++r) {
        ImportDecision d;
        d.record = r;
        Contact& in = records[r].contact;
        if (const auto found = holder(in, net.by_email_, net.by_url_, net.by_name_)) {
            const size_t who = found->first;
            d.slug = who < known ? net.known_[who].slug : records[added[who - known]].contact.slug;
            d.path = who < known ? net.known_[who].path : records[added[who - known]].contact.path;
            d.matched_by = found->second;
            matches.emplace_back(who, r);
        } else {
            in.slug = take_free_slug(in.name, net.slugs_, next_number);
            in.path = layout::person_path(in.slug);
            in.tier = tier;
            d.slug = in.slug;
            d.path = in.path;
            hold_keys(in, known + added.size(), net.by_email_, net.by_url_, net.by_name_);
            added.push_back(r);
        }
        plan.decisions.push_back(std::move(d));
    }
    merge_matches(std::move(matches), net.known_, added, records, plan.decisions, load);
    for (const auto& d : plan.decisions)
        (d.action == ImportAction::add ? plan.added : d.action == ImportAction::merge ? plan.merged : plan.skipped)++;
    return plan;
}

ImportPlan plan_import(const std::vector<Contact>& existing, ImportRecords& records, const std::string& tier) {
    ImportNetwork net(records);
    for (const auto& c : existing) net.add(c);
    return plan_import(std::move(net), records, tier, [&](const std::vector<KnownPerson>& people) {
        std::vector<Contact> read;
        for (const auto& p : people) read.push_back(existing[p.position]);
        return read;
    });
}

}  // namespace kith
