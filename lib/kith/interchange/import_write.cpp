#include "kith/interchange/import_write.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <unordered_map>

#include "kith/model/contact_file.hpp"
#include "kith/edit/editor.hpp"
#include "kith/edit/editor_lists.hpp"
#include "kith/model/fields.hpp"
#include "kith/base/text.hpp"
#include "kith/yaml/yaml_emit.hpp"

namespace kith {
namespace {

// The edit of one person merged into: their decisions, and the first record for them (for the error).
struct PersonEdit {
    std::vector<size_t> decisions;
    std::string name, source, slug;
    int line = 0;
};

// A date fact's "DAY what" as the line of a `dates` item.
std::string date_item(const std::string& value) {
    const size_t space = value.find(' ');
    const auto day = parse_month_day(value.substr(0, space));
    if (!day) throw std::logic_error("import: a date fact without a day");
    return yearly_date_line({*day, space == std::string::npos ? "" : value.substr(space + 1)});
}

}  // namespace

std::string write_facts(std::string_view text, const std::vector<const ImportFact*>& facts, const std::string& path) {
    std::vector<std::string> keys;  // in the order first met
    std::unordered_map<std::string, std::vector<std::string>> items;
    std::string out(text);
    for (const ImportFact* fact : facts) {
        if (fact->list_item) {
            auto [it, added] = items.try_emplace(fact->key);
            if (added) keys.push_back(fact->key);
            it->second.push_back(fact->key == "dates" ? date_item(fact->value) : yaml_scalar(fact->value));
            continue;
        }
        const Field* field = find_field(fact->key);
        const bool plain = field && field->kind != FieldKind::text;  // days and durations as written
        out = set_top_level(out, fact->key, plain ? fact->value : yaml_scalar(fact->value), canonical_keys(), path);
    }
    for (const auto& key : keys)
        out = key == "dates" ? insert_items(out, key, items[key], canonical_keys(), path) : add_list_items(out, key, items[key], canonical_keys(), path);
    return out;
}

std::vector<Error> stage_import(Transaction& change, ImportPlan& plan, ImportRecords& records,
                                const std::function<void(const ImportDecision&, const ImportRecord&)>& each) {
    std::vector<Error> errors;
    std::vector<std::string> order;  // the people merged into, in the order first met
    std::unordered_map<std::string, PersonEdit> edits;
    for (auto& d : plan.decisions) {  // in record order: each record is the first one left
        if (d.record + records.size() != plan.decisions.size())
            throw std::logic_error("import: the decisions are not in record order");
        const ImportRecord& record = records.front();
        if (d.action == ImportAction::add) {
            try {
                change.create(d.path, render_new_contact(record.contact));
            } catch (const Error& e) {
                if (e.kind() == ErrorKind::io) throw;
                d.failed = true;
                errors.emplace_back(ErrorKind::invalid, fmt::format("'{}' not added: {}", record.contact.name, e.located()),
                                    Location{record.source, record.line, 0});
            }
        } else if (d.action == ImportAction::merge) {
            auto [it, added] = edits.try_emplace(d.path);
            if (added) {
                order.push_back(d.path);
                it->second = {{}, record.contact.name, record.source, d.slug, record.line};
            }
            it->second.decisions.push_back(static_cast<size_t>(&d - plan.decisions.data()));
        }
        each(d, record);
        records.pop_front();  // staged or said: the transaction holds what is left to write
    }
    for (const auto& path : order) {
        const PersonEdit& person = edits[path];
        try {
            change.edit(path, [&](const std::string& text) {
                std::vector<const ImportFact*> facts;
                for (size_t i : person.decisions)
                    for (const auto& fact : plan.decisions[i].facts) facts.push_back(&fact);
                return write_facts(text, facts, path);
            });
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::io) throw;
            for (size_t i : person.decisions) plan.decisions[i].failed = true;
            const size_t more = person.decisions.size() - 1;
            errors.emplace_back(ErrorKind::invalid,
                                fmt::format("'{}' not merged into {}: {}{}", person.name, person.slug, e.located(),
                                            more ? fmt::format(" (nor {} more record{} for them)", more, more == 1 ? "" : "s")
                                                 : ""),
                                Location{person.source, person.line, 0});
        }
    }
    plan.added = plan.merged = 0;
    for (const auto& d : plan.decisions) {
        if (d.failed) continue;
        if (d.action == ImportAction::add) ++plan.added;
        else if (d.action == ImportAction::merge) ++plan.merged;
    }
    return errors;
}

}  // namespace kith
