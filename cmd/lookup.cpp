#include "lookup.hpp"

#include "kith/resolve.hpp"

namespace kith::cli {

Network load_index(Context& ctx, bool include_archived) {
    Network network = ctx.store().load_summaries(include_archived, ctx.today());
    for (const auto& problem : network.problems) {
        ctx.error(problem.located());
        ctx.had_invalid_files = true;
    }
    return network;
}

Contact load_person(const Context& ctx, const Network& index, std::string_view name) {
    const Contact& found = resolve(index.contacts, name);
    for (const auto& problem : index.problems)
        if (problem.where().path == found.path) return found;  // read in full already, as far as it reads
    return ctx.store().load_contact(found.path, index.config);
}

}  // namespace kith::cli
