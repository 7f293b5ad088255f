#include "lookup.hpp"

#include "kith/base/error.hpp"
#include "kith/query/resolve.hpp"

namespace kith::cli {
namespace {

void report(Context& ctx, const Network& network) {
    for (const auto& problem : network.problems) {
        ctx.error(problem.located());
        ctx.had_invalid_files = true;
    }
}

}  // namespace

Network load_index(Context& ctx, bool include_archived) {
    Network network = ctx.store().load_summaries(include_archived, ctx.today());
    report(ctx, network);
    return network;
}

People::People(Context& ctx, bool include_archived)
    : ctx_(ctx), include_archived_(include_archived), config_(ctx.store().load_config()) {}

const Network& People::everyone() {
    if (!everyone_) {
        everyone_ = ctx_.store().load_names(include_archived_);
        report(ctx_, *everyone_);
    }
    return *everyone_;
}

Contact People::find(std::string_view name) {
    const Store store = ctx_.store();
    if (!everyone_)  // a slug is what resolve finds first, and it names the file
        if (auto person = store.load_by_slug(std::string(name), include_archived_, config_)) return std::move(*person);
    const Network& all = everyone();
    const auto found_all = candidates(all.contacts, name);
    if (found_all.size() > 1) {  // the index holds names only: what tells them apart is read from their files
        std::vector<Contact> shown;
        for (size_t i = 0; i < found_all.size() && i < most_candidates_shown; ++i) {
            Contact one = *found_all[i];
            try {
                one = store.load_contact(one.path, config_);
            } catch (const Error&) {  // an unreadable file: its name, as the index has it
            }
            one.tier = tier_of(one, config_);
            shown.push_back(std::move(one));
        }
        fail_ambiguous(name, shown, found_all.size());
    }
    const Contact& found = resolve(all.contacts, name);
    for (const auto& problem : all.problems)
        if (problem.where().path == found.path) return found;  // read in full already, as far as it reads
    return store.load_contact(found.path, config_);
}

std::string People::name_of(const std::string& slug) {
    if (!everyone_)
        if (auto person = ctx_.store().load_by_slug(slug, true, config_)) return person->name;
    for (const auto& c : everyone().contacts)
        if (c.slug == slug) return c.name;
    return slug;
}

}  // namespace kith::cli
