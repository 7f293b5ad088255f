#include "kith/query/combine.hpp"

#include <algorithm>
#include <optional>

#include "kith/base/text.hpp"
#include "kith/edit/comments.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/model/contact_file.hpp"
#include "kith/model/entries.hpp"
#include "kith/model/fields.hpp"
#include "kith/model/interaction.hpp"
#include "kith/model/person_keys.hpp"
#include "kith/yaml/yaml_emit.hpp"
#include "kith/yaml/yaml_reader.hpp"

namespace kith {
namespace {

// How two items of a list are the same: an e-mail folded, a phone's digits, a URL without its scheme.
std::string item_key(const std::string& key, const std::string& item) {
    if (key == "email") return email_key(item);
    if (key == "phone") {
        const std::string digits = phone_key(item);
        return digits.empty() ? fold(item) : digits;
    }
    if (key == "url") return url_key(item);
    return key == "aka" ? name_key(item) : fold(item);
}

std::string quoted(const std::string& text) { return "'" + fit_width(text, 40) + "'"; }

// The fields each item of an entry list may hold.
std::vector<std::string> item_fields(const std::string& key) {
    if (key == "dates") return {"date", "what"};
    if (key == "followups") return {"due", "what", "done"};
    return {"date", "kind", "note", "with"};
}

class Fold {
public:
    Fold(const std::string& text, const Contact& a, const Contact& b, Prefer prefer)
        : out_(text), a_(a), b_(b), prefer_(prefer) {}

    void scalar(const Field& f) {
        const auto mine = field_texts(f, a_), theirs = field_texts(f, b_);
        if (theirs.empty()) return;
        const std::string key = f.key, want = theirs.front();
        if (key == "introduced_by" && (want == a_.slug || want == b_.slug)) return;  // one person now
        if (!mine.empty()) {
            const std::string& have = mine.front();
            if (f.kind == FieldKind::text ? fold(have) == fold(want) : have == want) return;
            bool take = prefer_ == Prefer::b;
            if (key == "since" || key == "first_due") take = want < have;  // days as YYYY-MM-DD
            else if (key == "snooze") take = want > have;
            else if (prefer_ == Prefer::neither) clashes_.push_back(key + " (" + quoted(have) + " and " + quoted(want) + ")");
            if (!take) return;
        }
        out_ = set_top_level(out_, key, f.kind == FieldKind::text ? yaml_scalar(want) : want, canonical_keys(), a_.path);
        taken_.push_back(key);
    }

    void list(const Field& f, std::vector<std::string> theirs) {
        const std::string key = f.key;
        std::vector<std::string> held, added;
        for (const auto& item : a_.*f.list) held.push_back(item_key(key, item));
        if (key == "aka") held.push_back(name_key(a_.name));
        for (const auto& item : theirs) {
            const std::string k = item_key(key, item);
            if (std::find(held.begin(), held.end(), k) != held.end()) continue;
            held.push_back(k);
            added.push_back(yaml_scalar(item));
        }
        if (added.empty()) return;
        out_ = add_list_items(out_, key, added, canonical_keys(), a_.path);
        taken_.push_back(key + " +" + std::to_string(added.size()));
    }

    // Adds B's entries that A lacks (compared as their lines), each at its day.
    void entries(const std::string& key, const std::vector<std::string>& mine, const std::vector<std::string>& theirs,
                 const std::optional<std::string>& order_by) {
        size_t added = 0;
        for (const auto& line : theirs) {
            if (std::find(mine.begin(), mine.end(), line) != mine.end()) continue;
            out_ = insert_item(out_, key, line, order_by, canonical_keys(), a_.path);
            ++added;
        }
        if (added) taken_.push_back(key + " +" + std::to_string(added));
    }

    std::string out_;
    std::vector<std::string> taken_, clashes_;

private:
    const Contact& a_;
    const Contact& b_;
    Prefer prefer_;
};

template <class T, class Line>
std::vector<std::string> lines_of(const std::vector<T>& items, Line line) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(line(item));
    return out;
}

}  // namespace

std::vector<Error> uncarried(const std::string& text_b, const std::string& path_b) {
    std::vector<Error> out;
    for (const auto& comment : find_comments(text_b, path_b))
        out.emplace_back(ErrorKind::usage, "a comment merge cannot carry: " + quoted(comment.text), Location{path_b, comment.line, 0});
    const YamlValue root = read_yaml(text_b, path_b);
    for (const auto& [key, value] : root.entries) {
        const Field* f = find_field(key.text);
        if (!f) {
            out.emplace_back(ErrorKind::usage, "a key merge cannot carry: '" + key.text + "'", Location{path_b, key.line, key.column});
            continue;
        }
        if (f->kind != FieldKind::entries) continue;
        const auto known = item_fields(key.text);
        for (const auto& item : value.items)
            for (const auto& [field, v] : item.entries)
                if (std::find(known.begin(), known.end(), field.text) == known.end())
                    out.emplace_back(ErrorKind::usage, "a field of '" + key.text + "' merge cannot carry: '" + field.text + "'",
                                     Location{path_b, field.line, field.column});
    }
    return out;
}

Combined combine_people(const std::string& text_a, const Contact& a, const Contact& b, Prefer prefer,
                        const Config& config) {
    Fold fold_in(text_a, a, b, prefer);
    for (const auto& f : contact_fields()) {
        const std::string key = f.key;
        if (key == "name") continue;
        if (f.kind == FieldKind::text_list) {
            std::vector<std::string> theirs = b.*f.list;
            if (key == "aka") theirs.insert(theirs.begin(), b.name);
            fold_in.list(f, theirs);
        } else if (f.kind != FieldKind::entries) {
            fold_in.scalar(f);
        }
    }
    if (!fold_in.clashes_.empty()) {
        std::string all;
        for (const auto& clash : fold_in.clashes_) all += (all.empty() ? "" : ", ") + clash;
        throw Error(ErrorKind::usage, a.slug + " and " + b.slug + " differ in " + all +
                                          "; choose with --prefer A (keep " + a.slug + "'s) or --prefer B (take " + b.slug +
                                          "'s), or make them agree first ('kith edit')");
    }
    fold_in.entries("dates", lines_of(a.dates, yearly_date_line), lines_of(b.dates, yearly_date_line), std::nullopt);
    fold_in.entries("followups", lines_of(a.followups, followup_line), lines_of(b.followups, followup_line), "due");
    std::vector<LogEntry> log = b.log;
    for (auto& entry : log)
        if (entry.with == b.slug) entry.with = a.slug;
    fold_in.entries("log", lines_of(a.log, log_entry_line), lines_of(log, log_entry_line), "date");
    return {rename_references(fold_in.out_, b.slug, a.slug, a.path, config), fold_in.taken_};
}

}  // namespace kith
