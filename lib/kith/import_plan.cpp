#include "kith/import_plan.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "kith/fields.hpp"
#include "kith/slug.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

// A web address without scheme, "www.", case or trailing slash.
std::string url_key(std::string url) {
    url = fold(url);
    if (const size_t scheme = url.find("://"); scheme != std::string::npos) url.erase(0, scheme + 3);
    if (url.rfind("www.", 0) == 0) url.erase(0, 4);
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// A name folded, with its blanks collapsed.
std::string name_key(const std::string& name) {
    std::string out;
    for (char c : fold_to_ascii(name)) {
        const bool blank = c == ' ' || c == '\t' || c == '.' || c == ',';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The people known so far, indexed by the three keys; values index `people`, which points into
// `there` (the people already there) or into the plan's add decisions (reserved: they stay put).
struct Index {
    std::vector<Contact> there;
    std::vector<Contact*> people;
    std::map<std::string, size_t> by_email, by_url, by_name;
    std::set<std::string> slugs;

    explicit Index(std::vector<Contact> existing) : there(std::move(existing)) {
        for (auto& c : there) add(&c);
    }

    void add(Contact* c) {
        const size_t i = people.size();
        people.push_back(c);
        for (const auto& e : c->email) by_email.emplace(fold(e), i);
        for (const auto& u : c->url) by_url.emplace(url_key(u), i);
        by_name.emplace(name_key(c->name), i);
        for (const auto& a : c->aka) by_name.emplace(name_key(a), i);
        slugs.insert(c->slug);
    }

    std::optional<std::pair<size_t, std::string>> match(const Contact& c) const {
        for (const auto& e : c.email)
            if (auto it = by_email.find(fold(e)); it != by_email.end()) return std::pair{it->second, "email"};
        for (const auto& u : c.url)
            if (auto it = by_url.find(url_key(u)); it != by_url.end()) return std::pair{it->second, "url"};
        if (auto it = by_name.find(name_key(c.name)); it != by_name.end()) return std::pair{it->second, "name"};
        return std::nullopt;
    }

    std::string free_slug(const std::string& name) {
        std::string base = make_slug(name);
        if (base.empty()) base = "contact";
        std::string slug = base;
        for (int n = 2; slugs.count(slug); ++n) slug = fmt::format("{}-{}", base.substr(0, max_slug_bytes - 6), n);
        return slug;
    }
};

// --- contact -> facts: the one place that says which fields an import may fill -------
void merge_facts(Contact& have, const Contact& in, ImportDecision& d) {
    const auto scalar = [&](const char* key, std::string& mine, const std::string& theirs) {
        if (theirs.empty() || fold(mine) == fold(theirs)) return;
        if (mine.empty()) {
            mine = theirs;
            d.facts.push_back({key, theirs, false});
        } else {
            d.disagreements.push_back(fmt::format("{}: kept '{}', the import says '{}'", key, mine, theirs));
        }
    };
    const auto list = [&](const char* key, std::vector<std::string>& mine, const std::vector<std::string>& theirs) {
        for (const auto& value : theirs) {
            bool known = false;
            for (const auto& m : mine) known = known || fold(m) == fold(value);
            if (known) continue;
            mine.push_back(value);
            d.facts.push_back({key, value, true});
        }
    };
    list("aka", have.aka, in.name == have.name || fold(in.name) == fold(have.name) ? in.aka : [&] {
        auto names = in.aka;
        names.insert(names.begin(), in.name);  // matched by email or URL under another name
        return names;
    }());
    // Every other field of the table but the user's own settings (tier, cadence, snooze)
    // and the history (followups, log): texts and days set when empty, list items added.
    for (const auto& f : contact_fields()) {
        const std::string key = f.key;
        if (key == "name" || key == "aka" || key == "tier" || key == "snooze") continue;
        if (f.kind == FieldKind::text) scalar(f.key, have.*f.text, in.*f.text);
        else if (f.kind == FieldKind::text_list) list(f.key, have.*f.list, in.*f.list);
        else if (f.kind == FieldKind::date || f.kind == FieldKind::yearly_date) {
            const auto theirs = field_texts(f, in);
            if (theirs.empty()) continue;
            const auto texts = field_texts(f, have);
            std::string mine = texts.empty() ? "" : texts.front();
            scalar(f.key, mine, theirs.front());
            if (texts.empty() && f.day) have.*f.day = in.*f.day;
            if (texts.empty() && f.yearly) have.*f.yearly = in.*f.yearly;
        }
    }
    for (const auto& date : in.dates) {
        bool known = false;
        for (const auto& d2 : have.dates) known = known || (d2.date == date.date && fold(d2.what) == fold(date.what));
        if (known) continue;
        have.dates.push_back(date);
        d.facts.push_back({"dates", format_month_day(date.date) + " " + date.what, true});
    }
}

}  // namespace

const char* to_string(ImportAction action) {
    switch (action) {
        case ImportAction::add: return "add";
        case ImportAction::merge: return "merge";
        case ImportAction::skip: return "skip";
    }
    return "skip";
}

ImportNetwork::ImportNetwork(const std::vector<ImportRecord>& records) {
    for (const auto& r : records) {  // the keys Index::match looks a record up by
        for (const auto& e : r.contact.email) emails_.insert(fold(e));
        for (const auto& u : r.contact.url) urls_.insert(url_key(u));
        names_.insert(name_key(r.contact.name));
    }
}

void ImportNetwork::add(Contact&& c) {
    bool wanted = names_.count(name_key(c.name)) > 0;
    for (const auto& a : c.aka) wanted = wanted || names_.count(name_key(a));
    for (const auto& e : c.email) wanted = wanted || emails_.count(fold(e));
    for (const auto& u : c.url) wanted = wanted || urls_.count(url_key(u));
    if (!wanted) {  // no record is looked up by a key of theirs: they can only take a slug
        slugs_.push_back(std::move(c.slug));
        return;
    }
    std::vector<LogEntry>().swap(c.log);  // the planner never reads the history
    std::vector<FollowUp>().swap(c.followups);
    kept_.push_back(std::move(c));
}

namespace {

// Plans `records` against the index; with `take` (the same records), a record that adds a person
// is moved into its decision rather than copied.
ImportPlan plan(Index& index, const std::vector<ImportRecord>& records, std::vector<ImportRecord>* take,
                const std::string& tier) {
    ImportPlan plan;
    plan.decisions.reserve(records.size());  // the index points at the contacts of add decisions
    std::set<size_t> added;                  // index.people positions of the people added
    for (size_t r = 0; r < records.size(); ++r) {
        ImportDecision d;
        d.record = r;
        const Contact& in = records[r].contact;
        if (const auto found = index.match(in)) {
            Contact& have = *index.people[found->first];
            d.slug = have.slug;
            d.matched_by = found->second;
            merge_facts(have, in, d);  // into an add decision's contact too: a duplicate within the file is one person
            if (added.count(found->first)) d.facts.clear();
            d.action = d.facts.empty() ? ImportAction::skip : ImportAction::merge;
        } else {
            const std::string slug = index.free_slug(in.name);
            if (take) d.contact = std::move((*take)[r].contact);
            else d.contact = in;
            d.contact.slug = slug;
            d.contact.path = "contacts/" + slug + ".yaml";
            d.contact.tier = tier;
            d.slug = slug;
        }
        (d.action == ImportAction::add ? plan.added : d.action == ImportAction::merge ? plan.merged : plan.skipped)++;
        plan.decisions.push_back(std::move(d));
        if (plan.decisions.back().action == ImportAction::add) {
            added.insert(index.people.size());
            index.add(&plan.decisions.back().contact);
        }
    }
    return plan;
}

}  // namespace

ImportPlan plan_import(const std::vector<Contact>& existing, const std::vector<ImportRecord>& records,
                       const std::string& tier) {
    Index index(existing);
    return plan(index, records, nullptr, tier);
}

ImportPlan plan_import(ImportNetwork&& existing, std::vector<ImportRecord>& records, const std::string& tier) {
    Index index(std::move(existing.kept_));
    std::vector<Contact>().swap(existing.kept_);
    index.slugs.insert(existing.slugs_.begin(), existing.slugs_.end());
    std::vector<std::string>().swap(existing.slugs_);
    return plan(index, records, &records, tier);
}

}  // namespace kith
